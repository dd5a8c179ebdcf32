from kintrace.accounts.models import AuditAction, AuditEvent
from kintrace.cases import actions
from kintrace.cases.models import Status
from tests.conftest import file_case


def test_anonymous_is_sent_to_log_in(anonymous):
    response = anonymous.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_caseworker_sees_counts_and_cases_with_names(caseworker, case):
    response = caseworker.get("/staff/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="total">1<' in page
    assert "Иванов Алексей Петрович" in page  # in "open cases nobody is assigned to"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="case_list").exists()


def test_family_news_is_listed_until_a_caseworker_acts(caseworker, case):
    actions.add_family_information(case=case, text="he called", request=None)
    response = caseworker.get("/staff/")
    assert [c.reference for c in response.context["family_news"]] == [case.reference]
    actions.add_note(case=case, text="read it", actor=caseworker.user, request=None)
    response = caseworker.get("/staff/")
    assert list(response.context["family_news"]) == []


def test_my_cases_are_those_assigned_to_me(caseworker, other_caseworker, db):
    mine, _code = file_case()
    theirs, _code = file_case()
    actions.assign_case(case=mine, assignee=caseworker.user, actor=caseworker.user, request=None)
    actions.assign_case(
        case=theirs, assignee=other_caseworker.user, actor=caseworker.user, request=None
    )
    response = caseworker.get("/staff/")
    assert [c.reference for c in response.context["mine"]] == [mine.reference]


def test_analyst_sees_counts_never_a_name(analyst, case, caseworker):
    actions.change_status(
        case=case, status=Status.FOUND_ALIVE, reason="r", actor=caseworker.user, request=None
    )
    response = analyst.get("/staff/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Иванов" not in page
    assert case.reference not in page
    assert 'id="total">1<' in page
    assert "mine" not in response.context


def test_coordinator_sees_the_dashboard(coordinator, case):
    response = coordinator.get("/staff/")
    assert response.status_code == 200
    assert "Иванов" in response.content.decode()
