"""Second factor for staff: an authenticator app (TOTP) or a passkey, with one-time recovery
codes.

Built on django-otp and django-otp-webauthn; see docs/adr/0004-second-factor.md for why.
Passkey ceremonies are in `passkeys.py`; this module holds what all factors share.
"""

from __future__ import annotations

import secrets

import segno
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction

RECOVERY_CODES = 10


def token_devices(user) -> list:
    """The factors proved by typing a code: the authenticator app and the recovery codes."""
    return [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]


def confirmed_devices(user) -> list:
    return [*token_devices(user), *passkeys_of(user)]


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def factor_name(device) -> str:
    """How the audit log names a kind of factor."""
    if isinstance(device, WebAuthnCredential):
        return "passkey"
    return "recovery code" if isinstance(device, StaticDevice) else "authenticator"


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up: one unconfirmed device, made on first need."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#1d2330")


def secret_text(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    import base64

    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def verify(user, token: str) -> object | None:
    """The device that accepts the token: the authenticator or a recovery code (used up)."""
    token = "".join(token.split()).lower()
    for device in token_devices(user):
        if device.verify_is_allowed()[0] and device.verify_token(token):
            return device
    return None


def set_up_known_factor(user) -> tuple[str, list[str]]:
    """A confirmed authenticator and fresh recovery codes, for demo accounts whose logins
    are printed: returns the authenticator key (base32) and the recovery codes."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return secret_text(device), new_recovery_codes(user)


def new_recovery_codes(user) -> list[str]:
    """Ten fresh one-time codes, replacing any the user had."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def confirm_authenticator(
    *, request: HttpRequest, device: TOTPDevice, token: str
) -> list[str] | None:
    """Confirm the pending authenticator with a code from it; returns the new recovery codes."""
    if not device.verify_token("".join(token.split())):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(request.user)
    otp_login(request, device)
    audit.record(
        request=request,
        action=AuditAction.FACTOR_ADDED,
        object_type="user",
        object_id=request.user.pk,
        detail={"factor": "authenticator"},
    )
    return codes


@transaction.atomic
def record_use(*, request: HttpRequest, device) -> None:
    """Mark the session as having proved `device`, and audit it."""
    otp_login(request, device)
    audit.record(
        request=request,
        action=AuditAction.FACTOR_USED,
        object_type="user",
        object_id=request.user.pk,
        detail={"factor": factor_name(device)},
    )


@transaction.atomic
def reset_second_factor(*, user, request: HttpRequest) -> None:
    """Remove a user's factors (a lost phone or passkey): they set up a new one at their next
    log-in."""
    passkeys = WebAuthnCredential.objects.filter(user=user)
    removed_passkeys = passkeys.count()
    passkeys.delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record(
        request=request,
        action=AuditAction.FACTOR_RESET,
        object_type="user",
        object_id=user.pk,
        detail={"username": user.get_username(), "passkeys": removed_passkeys},
    )
