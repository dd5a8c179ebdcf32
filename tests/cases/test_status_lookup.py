import pytest
from django.test import Client

from kintrace.accounts.models import AuditAction, AuditEvent
from kintrace.cases.access import FAMILY_SESSION_KEY
from tests.conftest import last_audit


def test_the_form_is_shown_with_the_reference_filled_in(anonymous, case):
    response = anonymous.get(f"/status/?reference={case.reference}")
    assert response.status_code == 200
    assert case.reference in response.content.decode()
    assert "Иванов" not in response.content.decode()


def test_the_right_code_opens_the_case(anonymous, filed):
    case, code = filed
    response = anonymous.post("/status/", {"reference": case.reference, "code": code})
    assert response.status_code == 302
    assert response["Location"] == f"/status/{case.reference}/"
    assert anonymous.session[FAMILY_SESSION_KEY] == case.reference
    audit = last_audit()
    assert (audit.action, audit.object_id, audit.actor_label) == (
        AuditAction.FAMILY_ACCESS,
        case.reference,
        "family",
    )


@pytest.mark.parametrize(
    "typed",
    [
        lambda ref: ref.lower(),
        lambda ref: ref.replace("-", " "),
        lambda ref: ref.replace("-", ""),
    ],
)
def test_the_reference_may_be_typed_loosely(anonymous, filed, typed):
    case, code = filed
    response = anonymous.post(
        "/status/", {"reference": typed(case.reference), "code": code.lower()}
    )
    assert response.status_code == 302


def test_a_wrong_code_shows_an_error_and_is_audited(anonymous, case):
    response = anonymous.post("/status/", {"reference": case.reference, "code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert FAMILY_SESSION_KEY not in anonymous.session
    assert last_audit().action == AuditAction.FAMILY_ACCESS_FAILED


def test_an_unknown_reference_looks_like_a_wrong_code(anonymous, db):
    response = anonymous.post("/status/", {"reference": "KT-2222-3333", "code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()


@pytest.mark.parametrize("reference", ["hello", "KT-0000-1111", "KT-7Q4M", "x" * 500])
def test_a_malformed_reference_gets_a_message_next_to_the_field(anonymous, reference):
    response = anonymous.post("/status/", {"reference": reference, "code": "X"})
    assert response.status_code == 200
    assert "KT-7Q4M-2P9X" in str(response.context["form"].errors["reference"])


def test_missing_fields_are_named(anonymous):
    response = anonymous.post("/status/", {})
    assert set(response.context["form"].errors) == {"reference", "code"}


def test_wrong_codes_lock_the_reference_and_the_lock_is_audited(settings, anonymous, filed):
    settings.ACCESS_CODE_MAX_FAILURES = 3
    case, code = filed
    for _attempt in range(3):
        anonymous.post("/status/", {"reference": case.reference, "code": "AAAA-BBBB-CCCC"})
    assert AuditEvent.objects.filter(action=AuditAction.ACCESS_LOCKED).count() == 1
    # Even the right code, from another address, is refused while the reference is locked.
    other = Client(REMOTE_ADDR="10.0.0.9")
    response = other.post("/status/", {"reference": case.reference, "code": code})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()
    assert FAMILY_SESSION_KEY not in other.session


def test_wrong_codes_lock_the_client_address_across_references(settings, anonymous, db):
    from tests.conftest import file_case

    settings.ACCESS_CODE_MAX_FAILURES = 3
    cases = [file_case() for _ in range(2)]
    for n in range(3):
        anonymous.post(
            "/status/",
            {"reference": cases[0][0].reference if n else "KT-2222-3333", "code": "AAAA-BBBB-CCCC"},
        )
    case, code = cases[1]
    response = anonymous.post("/status/", {"reference": case.reference, "code": code})
    assert response.status_code == 429


def test_the_lock_ends_after_the_window(settings, anonymous, filed, freezer=None):
    import datetime as dt

    from kintrace.cases.models import AccessFailure

    settings.ACCESS_CODE_MAX_FAILURES = 2
    case, code = filed
    for _attempt in range(2):
        anonymous.post("/status/", {"reference": case.reference, "code": "AAAA-BBBB-CCCC"})
    AccessFailure.objects.all().update(
        at=AccessFailure.objects.first().at
        - dt.timedelta(minutes=settings.ACCESS_CODE_WINDOW_MINUTES + 1)
    )
    response = anonymous.post("/status/", {"reference": case.reference, "code": code})
    assert response.status_code == 302
