import pytest

from kintrace.accounts.models import AuditAction
from tests.conftest import last_audit


def test_coordinator_sees_and_filters_the_log(coordinator, caseworker, case):
    caseworker.get(f"/staff/cases/{case.reference}/")
    response = coordinator.get(f"/staff/audit/?actor=katya&object_id={case.reference}")
    assert response.status_code == 200
    rows = list(response.context["page"].object_list)
    assert [(r.actor_label, r.action, r.object_id) for r in rows] == [
        ("katya", AuditAction.VIEW, case.reference)
    ]
    assert (last_audit().object_type, last_audit().actor_label) == ("audit_log", "nadia")


def test_filter_by_action_and_date(coordinator, case):
    response = coordinator.get("/staff/audit/?action=create&since=2000-01-01")
    assert [r.object_id for r in response.context["page"].object_list] == [case.reference]


def test_a_bad_date_is_named(coordinator, db):
    response = coordinator.get("/staff/audit/?since=31.02.2024")
    assert response.status_code == 200
    assert response.context["form"].errors["since"]


@pytest.mark.parametrize("persona", ["caseworker", "analyst", "family"])
def test_others_do_not_see_the_log(request, persona, case):
    response = request.getfixturevalue(persona).get("/staff/audit/")
    assert response.status_code in {302, 404}
    assert case.reference not in response.content.decode()


def test_anonymous_is_sent_to_log_in(anonymous):
    response = anonymous.get("/staff/audit/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")
