import pytest

from kintrace.accounts.models import AuditAction
from kintrace.cases import actions
from kintrace.cases.models import Status
from tests.conftest import last_audit


def _refs(response):
    return [case.reference for case in response.context["page"].object_list]


@pytest.fixture
def cases(caseworker, db):
    from kintrace.cases.models import Person, Requester

    made = {}
    for key, surname, given, region, unit in [
        ("ivanov", "Иванов", "Алексей", "Бурятия", "в/ч 12345"),
        ("zhuravlev", "Журавлёв", "Пётр", "Тыва", "в/ч 71718"),
        ("koval", "Коваль", "Олексій", "Бурятия", "в/ч 71718"),
    ]:
        person = Person(surname=surname, given_name=given, region=region, military_unit=unit)
        requester = Requester(name="Мать", relation="mother", consent_processing=True)
        made[key], _code = actions.file_request(person=person, requester=requester, request=None)
    actions.assign_case(
        case=made["koval"], assignee=caseworker.user, actor=caseworker.user, request=None
    )
    actions.change_status(
        case=made["ivanov"],
        status=Status.FOUND_ALIVE,
        reason="r",
        actor=caseworker.user,
        request=None,
    )
    return made


def test_caseworker_sees_all_cases_and_the_view_is_audited(caseworker, cases):
    response = caseworker.get("/staff/cases/")
    assert response.status_code == 200
    assert set(_refs(response)) == {c.reference for c in cases.values()}
    assert last_audit().action == AuditAction.VIEW
    assert last_audit().object_type == "case_list"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=журавлев", {"zhuravlev"}),
        ("q=ЖУРАВЛЁВ петр", {"zhuravlev"}),
        ("q=иванов", {"ivanov"}),
        ("status=open", {"zhuravlev", "koval"}),
        ("status=found_alive", {"ivanov"}),
        ("region=Бурятия", {"ivanov", "koval"}),
        ("unit=71718", {"zhuravlev", "koval"}),
        ("unit=в/ч 12345", {"ivanov"}),
        ("unit=VCh 71718", {"zhuravlev", "koval"}),
        ("assignee=me", {"koval"}),
        ("assignee=none", {"ivanov", "zhuravlev"}),
        ("status=open&region=Тыва", {"zhuravlev"}),
    ],
)
def test_filters(caseworker, cases, query, expected):
    response = caseworker.get(f"/staff/cases/?{query}")
    assert set(_refs(response)) == {cases[key].reference for key in expected}


def test_a_bad_filter_value_shows_a_message_not_an_error(caseworker, cases):
    response = caseworker.get("/staff/cases/?status=nonsense")
    assert response.status_code == 200
    assert response.context["form"].errors["status"]
    assert _refs(response) == []


@pytest.mark.parametrize("persona", ["anonymous", "analyst"])
def test_without_permission_nobody_sees_the_list(request, persona, cases):
    client = request.getfixturevalue(persona)
    response = client.get("/staff/cases/")
    assert response.status_code in {302, 404}
    assert "Иванов" not in response.content.decode()
