"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn.

The package runs the ceremonies; these views add what kintrace needs around them: an audit
row for a passkey registered, used or refused, recovery codes when a passkey is the first
factor, and removal from the account page. A passkey never replaces the password
(OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off).
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.utils import rewrite_exceptions

from kintrace.accounts import audit, second_factor
from kintrace.accounts.models import AuditAction

# The recovery codes made with a first passkey, shown once on the next page.
RECOVERY_CODES_SESSION_KEY = "recovery_codes_once"


@transaction.atomic
def record_registration(*, request: HttpRequest, passkey: WebAuthnCredential, first: bool) -> None:
    """Audit a new passkey; as the user's first factor it brings recovery codes."""
    if first:
        # The authenticator app offered beside it was not chosen: its key is dropped.
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        request.session[RECOVERY_CODES_SESSION_KEY] = second_factor.new_recovery_codes(request.user)
    audit.record(
        request=request,
        action=AuditAction.FACTOR_ADDED,
        object_type="user",
        object_id=request.user.pk,
        detail={"factor": "passkey", "passkey": passkey.pk},
    )


def access_passkey(request: HttpRequest, passkey_id: int) -> WebAuthnCredential | None:
    """The signed-in user's own passkey, or None (another user's is as missing as none)."""
    return WebAuthnCredential.objects.filter(user=request.user, pk=passkey_id).first()


@transaction.atomic
def remove_passkey(*, request: HttpRequest, passkey: WebAuthnCredential) -> bool:
    """Remove one of the user's passkeys, unless it is the last factor besides recovery codes
    (they cannot stand alone: ten log-ins and the account is locked out)."""
    others = second_factor.passkeys_of(request.user).exclude(pk=passkey.pk).exists()
    if not others and not second_factor.has_authenticator(request.user):
        return False
    number = passkey.pk
    passkey.delete()
    audit.record(
        request=request,
        action=AuditAction.FACTOR_REMOVED,
        object_type="user",
        object_id=request.user.pk,
        detail={"factor": "passkey", "passkey": number},
    )
    return True


class CompletePasskeyRegistration(webauthn.CompleteCredentialRegistrationView):
    """The package's view, with the passkey and its audit row in one transaction."""

    def post(self, *args, **kwargs):
        user = self.get_user()
        # Taken from the session and saved before anything else, so it is never used twice.
        state = self.get_state()
        first = not second_factor.confirmed_devices(user)
        with (
            rewrite_exceptions(logger=webauthn._get_pywebauthn_logger()),
            transaction.atomic(),
        ):
            passkey = self.get_helper().register_complete(
                user=user, state=state, data=self.request.data
            )
            record_registration(request=self.request, passkey=passkey, first=first)
            if not self.request.user.is_verified():
                otp_login(self.request, passkey)
        return JsonResponse({"id": passkey.pk})


class CompletePasskeyAuthentication(webauthn.CompleteCredentialAuthenticationView):
    """The package's view, auditing a passkey used or refused after the password."""

    def complete_auth(self, device: WebAuthnCredential) -> None:
        # AuthenticationCeremonyMixin refuses anyone not signed in with a password first.
        second_factor.record_use(request=self.request, device=device)

    def handle_exception(self, exc):
        user = self.request.user
        if isinstance(exc, exceptions.OTPWebAuthnApiError) and user.is_authenticated:
            audit.record(
                request=self.request,
                action=AuditAction.LOGIN_FAILED,
                object_type="user",
                object_id=user.pk,
                detail={"username": user.get_username(), "factor": "passkey", "code": exc.code},
            )
        return super().handle_exception(exc)
