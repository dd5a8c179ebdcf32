import pytest

from kintrace.accounts.models import AuditAction, AuditEvent
from tests.conftest import last_audit


def test_caseworker_sees_the_case_and_the_view_is_audited(caseworker, case):
    response = caseworker.get(f"/staff/cases/{case.reference}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Иванов Алексей Петрович" in page
    assert "Иванова Мария" in page
    assert 'id="status-form"' in page
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id, audit.actor_label) == (
        AuditAction.VIEW,
        "case",
        case.reference,
        "katya",
    )
    assert audit.page == "cases:case_detail"


def test_coordinator_sees_the_case(coordinator, case):
    assert coordinator.get(f"/staff/cases/{case.reference}/").status_code == 200


@pytest.mark.parametrize("persona", ["analyst", "family"])
def test_others_get_404_and_no_name(request, persona, case):
    client = request.getfixturevalue(persona)
    before = AuditEvent.objects.filter(action=AuditAction.VIEW).count()
    response = client.get(f"/staff/cases/{case.reference}/")
    assert response.status_code in {302, 404}
    assert "Иванов" not in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.VIEW).count() == before


def test_anonymous_is_sent_to_log_in(anonymous, case):
    response = anonymous.get(f"/staff/cases/{case.reference}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


@pytest.mark.parametrize("reference", ["KT-2222-3333", "nonsense", "KT-0000-0000"])
def test_unknown_or_malformed_reference_is_404(caseworker, db, reference):
    assert caseworker.get(f"/staff/cases/{reference}/").status_code == 404
