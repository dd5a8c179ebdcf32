"""Passkeys as a second factor: registration, log-in, removal and reset, without a browser.

A software authenticator answers the real ceremonies, so py_webauthn verifies every
signature as it would a phone's.
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.accounts.models import AuditAction, AuditEvent
from kintrace.env import passkey_origin
from tests.accounts.authenticator import SoftAuthenticator
from tests.conftest import last_audit

ORIGIN = "https://kintrace.example.org"
BEGIN_REGISTRATION = "/staff/passkeys/registration/begin/"
COMPLETE_REGISTRATION = "/staff/passkeys/registration/complete/"
BEGIN_AUTHENTICATION = "/staff/passkeys/authentication/begin/"
COMPLETE_AUTHENTICATION = "/staff/passkeys/authentication/complete/"


@pytest.fixture(autouse=True)
def _relying_party(settings):
    settings.OTP_WEBAUTHN_RP_ID = "kintrace.example.org"
    settings.OTP_WEBAUTHN_RP_NAME = "kintrace"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [ORIGIN]


def _post_json(client: Client, url: str, data: dict | None = None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def register(client: Client, authenticator: SoftAuthenticator):
    options = _post_json(client, BEGIN_REGISTRATION)
    assert options.status_code == 200, options.content
    return _post_json(client, COMPLETE_REGISTRATION, authenticator.register(options.json()))


def sign_in(client: Client, authenticator: SoftAuthenticator, next_url: str = "/staff/cases/"):
    options = _post_json(client, BEGIN_AUTHENTICATION)
    assert options.status_code == 200, options.content
    return _post_json(
        client, f"{COMPLETE_AUTHENTICATION}?next={next_url}", authenticator.sign_in(options.json())
    )


def password_only(username: str, role: str = "caseworker") -> Client:
    """A staff member who gave the password and nothing more yet."""
    _user, password = create_staff(username=username, role=role)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post("/staff/login/", {"username": username, "password": password})
    client.password = password
    return client


@pytest.fixture
def enrolled_with_passkey(db):
    """katya, whose only factor is a passkey (and its recovery codes); logged out again."""
    client = password_only("katya")
    authenticator = SoftAuthenticator(ORIGIN)
    assert register(client, authenticator).status_code == 200
    client.post("/staff/logout/")
    return client, authenticator


def test_the_set_up_page_offers_a_passkey_through_files_of_the_site_only(db):
    client = password_only("katya")
    page = client.get("/staff/second-factor/")
    html = page.content.decode()
    assert 'id="totp-secret"' in html  # the authenticator app works without JavaScript
    assert 'id="passkey-registration-available-template"' in html
    assert 'id="passkey-register-button"' in html
    config = re.search(
        r'<script id="otp_webauthn_config" type="application/json">(.*?)</script>', html
    )
    assert json.loads(config[1])["beginRegistrationUrl"] == BEGIN_REGISTRATION
    sources = re.findall(r"<script\b([^>]*)>", html)
    executable = [attrs for attrs in sources if "application/json" not in attrs]
    assert executable and all('src="/' in attrs for attrs in executable), executable
    assert any("otp_webauthn_register.js" in attrs for attrs in executable)
    policy = page["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_a_first_passkey_is_the_second_factor_and_brings_recovery_codes(db):
    client = password_only("katya")
    client.get("/staff/second-factor/")  # the set-up page made an authenticator key
    assert TOTPDevice.objects.filter(user__username="katya", confirmed=False).exists()
    response = register(client, SoftAuthenticator(ORIGIN))
    assert response.status_code == 200, response.content
    passkey = WebAuthnCredential.objects.get(user__username="katya")
    assert response.json() == {"id": passkey.pk}
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.FACTOR_ADDED,
        {"factor": "passkey", "passkey": passkey.pk},
    )
    # The authenticator key not chosen is gone; recovery codes are shown once.
    assert not TOTPDevice.objects.filter(user__username="katya").exists()
    codes = client.get("/staff/second-factor/recovery-codes/?next=/staff/").context["codes"]
    assert len(codes) == 10
    assert client.get("/staff/").status_code == 200


def test_log_in_with_password_then_passkey(enrolled_with_passkey):
    client, authenticator = enrolled_with_passkey
    client.post("/staff/login/", {"username": "katya", "password": client.password})
    assert client.get("/staff/cases/")["Location"].startswith("/staff/second-factor/")
    page = client.get("/staff/second-factor/?next=/staff/cases/").content.decode()
    assert 'id="passkey-verification-button"' in page
    assert "otp_webauthn_auth.js" in page
    # The page's own next, not the language form's (which comes first on the page).
    assert '"nextFieldSelector": "#second-factor-next"' in page
    assert 'value="/staff/cases/" id="second-factor-next"' in page
    assert 'id="id_token"' in page  # recovery codes still work without JavaScript

    response = sign_in(client, authenticator)
    assert response.status_code == 200, response.content
    assert response.json()["redirect_url"] == "/staff/cases/"
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.FACTOR_USED,
        {"factor": "passkey"},
    )
    passkey = WebAuthnCredential.objects.get(user__username="katya")
    assert passkey.sign_count == 1 and passkey.last_used_at is not None
    assert client.get("/staff/cases/").status_code == 200


def test_a_passkey_of_someone_else_is_refused(enrolled_with_passkey):
    _katya, katyas_passkey = enrolled_with_passkey
    oleg = password_only("oleg")
    response = sign_in(oleg, katyas_passkey)
    assert response.status_code == 403
    assert response.json()["code"] == "credential_user_mismatch"
    failed = last_audit()
    assert (failed.action, failed.detail["factor"], failed.actor_label) == (
        AuditAction.LOGIN_FAILED,
        "passkey",
        "oleg",
    )
    assert oleg.get("/staff/")["Location"].startswith("/staff/second-factor/")


def test_a_password_alone_cannot_add_a_passkey_to_an_enrolled_account(enrolled_with_passkey):
    client, _authenticator = enrolled_with_passkey
    client.post("/staff/login/", {"username": "katya", "password": client.password})
    response = _post_json(client, BEGIN_REGISTRATION)
    assert response.status_code == 403
    assert response.json()["code"] == "user_not_verified"
    forged = {"rp": {"id": "kintrace.example.org"}, "challenge": "AAAA"}
    answer = SoftAuthenticator(ORIGIN).register(forged)
    assert _post_json(client, COMPLETE_REGISTRATION, answer).status_code == 403
    assert WebAuthnCredential.objects.count() == 1


@pytest.mark.parametrize("url", [BEGIN_AUTHENTICATION, BEGIN_REGISTRATION])
def test_no_passkey_ceremony_without_the_password(anonymous, url):
    response = _post_json(anonymous, url)
    assert response.status_code == 403


def test_the_coordinator_s_reset_removes_passkeys(enrolled_with_passkey, coordinator):
    katya = WebAuthnCredential.objects.get().user
    response = coordinator.post(f"/staff/users/{katya.pk}/reset-second-factor/")
    assert response.status_code == 302
    assert not WebAuthnCredential.objects.filter(user=katya).exists()
    assert not StaticDevice.objects.filter(user=katya).exists()
    assert (last_audit().action, last_audit().detail["passkeys"]) == (AuditAction.FACTOR_RESET, 1)


def test_the_staff_list_counts_a_passkey_as_a_factor(enrolled_with_passkey, coordinator):
    rows = {row["user"].username: row for row in coordinator.get("/staff/users/").context["rows"]}
    assert rows["katya"]["factors"] == 2  # the passkey and the recovery codes


@pytest.fixture
def signed_in_with_passkey(enrolled_with_passkey):
    client, authenticator = enrolled_with_passkey
    client.post("/staff/login/", {"username": "katya", "password": client.password})
    assert sign_in(client, authenticator).status_code == 200
    return client, authenticator


def test_the_account_page_lists_passkeys_and_adds_another(signed_in_with_passkey):
    client, _authenticator = signed_in_with_passkey
    page = client.get("/staff/account/")
    assert page.status_code == 200
    assert len(page.context["passkeys"]) == 1
    assert 'data-next="/staff/account/"' in page.content.decode()
    assert register(client, SoftAuthenticator(ORIGIN)).status_code == 200
    assert WebAuthnCredential.objects.filter(user__username="katya").count() == 2
    assert "recovery_codes_once" not in client.session  # not the first factor: codes stay


def test_a_passkey_is_removed_while_another_factor_remains(signed_in_with_passkey):
    client, _authenticator = signed_in_with_passkey
    first = WebAuthnCredential.objects.get()
    refused = client.post(f"/staff/account/passkeys/{first.pk}/remove/", follow=True)
    assert "your only second factor" in refused.content.decode()
    assert WebAuthnCredential.objects.filter(pk=first.pk).exists()

    register(client, SoftAuthenticator(ORIGIN))
    response = client.post(f"/staff/account/passkeys/{first.pk}/remove/")
    assert response.status_code == 302 and response["Location"] == "/staff/account/"
    assert not WebAuthnCredential.objects.filter(pk=first.pk).exists()
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.FACTOR_REMOVED,
        {"factor": "passkey", "passkey": first.pk},
    )


def test_another_user_s_passkey_cannot_be_removed(enrolled_with_passkey, coordinator):
    passkey = WebAuthnCredential.objects.get()
    before = AuditEvent.objects.count()
    response = coordinator.post(f"/staff/account/passkeys/{passkey.pk}/remove/")
    assert response.status_code == 404
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    assert AuditEvent.objects.count() == before


def test_the_account_page_needs_a_log_in(anonymous):
    response = anonymous.get("/staff/account/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


@pytest.mark.parametrize(
    ("site_url", "rp_id", "origin"),
    [
        ("https://kintrace.example.org", "kintrace.example.org", "https://kintrace.example.org"),
        (
            "https://tracing.example.org:8443/",
            "tracing.example.org",
            "https://tracing.example.org:8443",
        ),
        # Browsers refuse an IP address as relying party: the same machine by name.
        ("http://127.0.0.1:8000", "localhost", "http://localhost:8000"),
        ("http://[::1]:8000", "localhost", "http://localhost:8000"),
    ],
)
def test_the_relying_party_follows_the_site_address(site_url, rp_id, origin):
    assert passkey_origin(site_url) == (rp_id, origin)
