"""Partner tokens: `Authorization: Token <key>`; scopes per view; every call audited."""

from __future__ import annotations

import hashlib

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from kintrace.lists.models import PartnerToken


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Partner:
    """The authenticated party of an API call: a partner organisation, never a staff user."""

    is_authenticated = True
    is_anonymous = False
    pk = None

    def __init__(self, token: PartnerToken):
        self.token = token
        self.partner = token.partner

    def get_username(self) -> str:
        return f"partner:{self.partner}"[:150]


class PartnerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the token as: Authorization: Token <key>")
        try:
            key = header[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        token = PartnerToken.objects.filter(key_hash=hash_key(key)).first()
        if token is None or not token.active:
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked token.")
        PartnerToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return Partner(token), token

    def authenticate_header(self, request) -> str:
        return self.keyword


class HasScope(permissions.BasePermission):
    """A view names its scope in ``required_scope``; the token must hold it."""

    message = "This token does not have the scope this call needs."

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, PartnerToken):
            return False
        return getattr(view, "required_scope", None) in token.scopes


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    """Describes the partner token in the OpenAPI schema."""

    target_class = PartnerTokenAuthentication
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`; a coordinator creates keys with scopes and an expiry.",
        }
