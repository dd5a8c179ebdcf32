"""Every URL, requested as every role, against a declared table: a new URL without a row fails.

The table says what each persona must get. Pages with personal data answer 404 to a signed-in
staff member without the right (so ids are never confirmed) and send the anonymous to log in.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from kintrace.cases.access import FAMILY_SESSION_KEY

# A partner's API token per scope: a credential of the partner API only; elsewhere its
# holder is anonymous, so a row lists token personas only where the API answers them.
TOKENS = {
    "token_push": "lists:push",
    "token_search": "records:search",
    "token_status": "cases:status",
    "token_refer": "cases:refer",
    # every scope, past its expiry
    "token_expired": "lists:push records:search cases:status cases:refer",
}
PERSONAS = ("anonymous", "family", "caseworker", "coordinator", "analyst", *TOKENS)
OK, LOGIN, NOT_FOUND, BAD, REDIRECT = 200, "login", 404, 400, 302

PUBLIC = dict.fromkeys(PERSONAS, OK)
FAMILY_ONLY = {
    "anonymous": REDIRECT,
    "family": OK,
    "caseworker": REDIRECT,
    "coordinator": REDIRECT,
    "analyst": REDIRECT,
}
CASE_READ = {
    "anonymous": LOGIN,
    "family": LOGIN,
    "caseworker": OK,
    "coordinator": OK,
    "analyst": NOT_FOUND,
}
# POST with an empty form: a caseworker gets the form back with errors, others nothing.
CASE_WRITE = {**CASE_READ, "caseworker": BAD, "coordinator": BAD}
COUNTS = {**CASE_READ, "analyst": OK}
COORDINATOR_ONLY = {**CASE_READ, "caseworker": NOT_FOUND}
REPORTS = {**COORDINATOR_ONLY, "analyst": OK}
SIGNED_IN = {
    "anonymous": LOGIN,
    "family": LOGIN,
    "caseworker": OK,
    "coordinator": OK,
    "analyst": OK,
}

# The passkey ceremonies answer JSON: 403 to anyone not signed in with a password; staff
# begin one, and an empty answer to it is unprocessable (422).
PASSKEY_BEGIN = {**dict.fromkeys(PERSONAS, 403), "caseworker": OK, "coordinator": OK, "analyst": OK}
PASSKEY_COMPLETE = {persona: 422 if got == OK else got for persona, got in PASSKEY_BEGIN.items()}

API = {**dict.fromkeys(PERSONAS, 401), **dict.fromkeys(TOKENS, 403), "token_expired": 401}

# name: (method, expected per persona); a token persona not named is expected as anonymous
MATRIX: dict[str, tuple[str, dict]] = {
    "cases:landing": ("GET", PUBLIC),
    "cases:intake": ("GET", PUBLIC),
    "cases:intake_done": ("GET", PUBLIC),
    "cases:status": ("GET", PUBLIC),
    "cases:family_leave": ("POST", dict.fromkeys(PERSONAS, REDIRECT)),
    "cases:family_case": ("GET", FAMILY_ONLY),
    "cases:dashboard": ("GET", COUNTS),
    "cases:case_list": ("GET", CASE_READ),
    "cases:case_detail": ("GET", CASE_READ),
    "cases:case_assign": ("POST", {**CASE_WRITE, "caseworker": REDIRECT, "coordinator": REDIRECT}),
    "cases:case_status": ("POST", CASE_WRITE),
    "cases:case_priority": ("POST", CASE_WRITE),
    "cases:case_note": ("POST", CASE_WRITE),
    "cases:case_message": ("POST", CASE_WRITE),
    "cases:person_edit": ("GET", CASE_READ),
    "cases:case_erase": ("GET", COORDINATOR_ONLY),
    "cases:person_photo": ("GET", {**CASE_READ, "caseworker": NOT_FOUND, "coordinator": NOT_FOUND}),
    "accounts:login": (
        "GET",
        {**PUBLIC, "caseworker": REDIRECT, "coordinator": REDIRECT, "analyst": REDIRECT},
    ),
    "admin:login": ("GET", PUBLIC),  # the superusers' door: a form, nothing behind it
    "accounts:logout": ("POST", dict.fromkeys(PERSONAS, LOGIN)),  # back to the log-in page
    "accounts:audit_log": ("GET", COORDINATOR_ONLY),
    "accounts:second_factor": (
        "GET",
        {**SIGNED_IN, "caseworker": REDIRECT, "coordinator": REDIRECT, "analyst": REDIRECT},
    ),
    "accounts:recovery_codes": ("GET", SIGNED_IN),
    "accounts:staff_users": ("GET", COORDINATOR_ONLY),
    "accounts:reset_factor": ("POST", {**COORDINATOR_ONLY, "coordinator": REDIRECT}),
    "accounts:account": ("GET", SIGNED_IN),
    # the bystander's passkey: nobody else's to remove
    "accounts:passkey_remove": (
        "POST",
        {**SIGNED_IN, "caseworker": NOT_FOUND, "coordinator": NOT_FOUND, "analyst": NOT_FOUND},
    ),
    "otp_webauthn:credential-registration-begin": ("POST", PASSKEY_BEGIN),
    "otp_webauthn:credential-registration-complete": ("POST", PASSKEY_COMPLETE),
    "otp_webauthn:credential-authentication-begin": ("POST", PASSKEY_BEGIN),
    "otp_webauthn:credential-authentication-complete": ("POST", PASSKEY_COMPLETE),
    "otp_webauthn:js-i18n-catalog": ("GET", PUBLIC),
    "reports:index": ("GET", REPORTS),
    "reports:report": ("GET", REPORTS),
    "reports:export": ("GET", REPORTS),
    "reports:chart": ("GET", REPORTS),
    "reports:summary": ("GET", REPORTS),
    "reports:anonymised": ("GET", REPORTS),
    "reports:anonymised_export": ("GET", REPORTS),
    "inquiries:list": ("GET", CASE_READ),
    "inquiries:new": ("GET", CASE_READ),
    "inquiries:detail": ("GET", CASE_READ),
    "inquiries:letter": ("GET", CASE_READ),
    "inquiries:edit": ("POST", CASE_WRITE),
    "inquiries:send": ("POST", CASE_WRITE),
    "inquiries:register": ("POST", CASE_WRITE),
    "inquiries:response": ("POST", CASE_WRITE),
    # a draft cannot be extended: staff are sent back to the inquiry with a message
    "inquiries:extend": ("POST", {**CASE_READ, "caseworker": REDIRECT, "coordinator": REDIRECT}),
    "inquiries:institutions": ("GET", CASE_READ),
    "inquiries:institution_new": ("GET", COORDINATOR_ONLY),
    "inquiries:institution_edit": ("GET", COORDINATOR_ONLY),
    "inquiries:rule_new": ("GET", COORDINATOR_ONLY),
    "inquiries:rule_edit": ("GET", COORDINATOR_ONLY),
    "inquiries:template_edit": ("GET", COORDINATOR_ONLY),
    "inquiries:scorecard": ("GET", REPORTS),
    "lists:index": ("GET", CASE_READ),
    "lists:upload": ("POST", {**COORDINATOR_ONLY, "coordinator": BAD}),
    "lists:import_job": ("GET", COORDINATOR_ONLY),
    "lists:source_list": ("GET", CASE_READ),
    "lists:export": ("GET", COORDINATOR_ONLY),
    "lists:tokens": ("GET", COORDINATOR_ONLY),
    "lists:token_revoke": ("POST", {**COORDINATOR_ONLY, "coordinator": REDIRECT}),
    "matching:queue": ("GET", CASE_READ),
    "matching:run": ("POST", {**COORDINATOR_ONLY, "coordinator": REDIRECT}),
    "matching:match": ("GET", CASE_READ),
    "matching:confirm": ("POST", CASE_WRITE),
    "matching:reject": ("POST", CASE_WRITE),
    "matching:tell": ("POST", CASE_WRITE),
    # the partner API answers tokens only: a staff session is no credential there
    "api-schema": ("GET", PUBLIC),
    "api-docs": ("GET", PUBLIC),
    "api-docs-asset": ("GET", dict.fromkeys(PERSONAS, NOT_FOUND)),
    # a token without the call's scope gets 403; with it, an empty push is refused
    "api-list-push": ("POST", {**API, "token_push": BAD}),
    "api-import": ("GET", {**API, "token_push": OK}),  # the job its partner pushed
    "api-records": ("GET", {**API, "token_search": OK}),  # published records, a page
    "api-case": ("GET", {**API, "token_status": OK}),  # the case its partner referred
    "api-case-refer": ("POST", {**API, "token_refer": BAD}),  # an empty request refused
    "set_language": ("POST", dict.fromkeys(PERSONAS, REDIRECT)),
    "healthz": ("GET", PUBLIC),
}
PARTNER = "Partner organisation"
# Django's admin is for superusers only: none of the personas is one.
ADMIN = dict.fromkeys(PERSONAS, REDIRECT)


def url_patterns(resolver=None, prefix="", namespace=""):
    """(name, route) of every named URL, walking includes."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", route


def test_every_named_url_has_a_row():
    names = {name for name, _route in url_patterns() if not name.startswith("admin:")}
    assert sorted(names - set(MATRIX)) == [], "add these URLs to the role matrix"
    every = {name for name, _route in url_patterns()}
    assert sorted(set(MATRIX) - every) == [], "these rows name no URL"


def _fill(route: str, values: dict[str, str]) -> str:
    import re

    def value(match):
        return values[match["name"]]

    path = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", value, route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


@pytest.fixture
def personas(caseworker, coordinator, analyst, family, anonymous):
    from kintrace.lists import actions

    found = {
        "anonymous": anonymous,
        "family": family,
        "caseworker": caseworker,
        "coordinator": coordinator,
        "analyst": analyst,
    }
    for persona, scopes in TOKENS.items():
        token, key = actions.create_token(
            partner=PARTNER, scopes=scopes.split(), days=1, actor=None, request=None
        )
        if persona == "token_expired":
            token.expires_at = timezone.now() - dt.timedelta(minutes=1)
            token.save(update_fields=["expires_at"])
        found[persona] = Client(HTTP_AUTHORIZATION=f"Token {key}")
    return found


def _expected(row: dict, persona: str) -> int | str:
    return row.get(persona, row["anonymous"])


def _outcome(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/staff/login/"):
        return LOGIN
    return response.status_code


def _signed_in_again(client: Client) -> None:
    """Staff log in afresh before each request: a log-out row must not spoil the rows after."""
    client.force_login(client.user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = client.device.persistent_id
    session.save()


def _passkey_of(user):
    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.create(
        user=user, name="passkey", credential_id=b"bystander-passkey", public_key=b"key"
    )


def test_the_matrix(personas, case):
    from kintrace.accounts.management.commands.createstaff import create_staff

    bystander, _password = create_staff(username="bystander", role="caseworker")
    values = {"reference": case.reference, "user_id": str(bystander.pk)}
    values["passkey_id"] = str(_passkey_of(bystander).pk)
    values |= {"name": "cases-by-region", "fmt": "csv", "image": "svg"}
    from tests.inquiries.conftest import matrix_values

    values |= matrix_values(case)
    from tests.lists.conftest import matrix_values as lists_matrix_values

    values |= lists_matrix_values(case, partner=PARTNER)
    found = []
    for name, route in url_patterns():
        if name.startswith("admin:") and "<" in route:
            continue  # admin pages with ids: the admin index row below covers the gate
        method, expected = MATRIX.get(name, ("GET", ADMIN))
        path = _fill(route, values)
        for persona in PERSONAS:
            client: Client = personas[persona]
            if hasattr(client, "device"):
                _signed_in_again(client)
            if persona == "family":  # the family's code opens its own case page only
                session = client.session
                session[FAMILY_SESSION_KEY] = case.reference
                session.save()
            response = client.post(path, {}) if method == "POST" else client.get(path)
            if _outcome(response) != _expected(expected, persona):
                found.append(
                    f"{persona} {method} {path} ({name}): {_outcome(response)}, "
                    f"expected {_expected(expected, persona)}"
                )
    assert found == [], "\n".join(found)
