import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kintrace.accounts.models import AuditAction
from kintrace.cases.models import EventKind
from tests.cases.test_intake import _image
from tests.conftest import last_audit


def form_data(person, **changes):
    data = {
        "surname": person.surname,
        "given_name": person.given_name,
        "patronymic": person.patronymic,
        "birth_day": person.birth_day or "",
        "birth_month": person.birth_month or "",
        "birth_year": person.birth_year or "",
        "military_unit": person.military_unit,
        "region": person.region,
        "service_type": person.service_type,
    }
    return {**data, **changes}


def test_caseworker_sees_the_form(caseworker, case):
    response = caseworker.get(f"/staff/cases/{case.reference}/person/")
    assert response.status_code == 200
    assert 'value="Иванов"' in response.content.decode()
    assert last_audit().action == AuditAction.VIEW


def test_caseworker_corrects_details(caseworker, case):
    response = caseworker.post(
        f"/staff/cases/{case.reference}/person/",
        form_data(case.person, military_unit="в/ч 71718", birth_day=""),
    )
    assert response.status_code == 302
    case.person.refresh_from_db()
    assert case.person.military_unit == "в/ч 71718"
    assert case.person.unit_key == "71718"
    assert case.person.birth_date_precision == "month"
    event = case.events.get(kind=EventKind.PERSON_EDITED)
    assert sorted(event.data["fields"]) == ["birth_day", "military_unit"]
    assert "71718" not in str(event.data)
    assert last_audit().detail == {"what": "person", "fields": event.data["fields"]}


def test_an_impossible_date_is_named(caseworker, case):
    response = caseworker.post(
        f"/staff/cases/{case.reference}/person/",
        form_data(case.person, birth_day="31", birth_month="2"),
    )
    assert response.status_code == 200
    assert "There is no such date." in response.content.decode()
    case.person.refresh_from_db()
    assert case.person.birth_day == 7


def test_nothing_changed_writes_no_event(caseworker, case):
    caseworker.post(f"/staff/cases/{case.reference}/person/", form_data(case.person))
    assert not case.events.filter(kind=EventKind.PERSON_EDITED).exists()


@pytest.mark.parametrize("persona", ["analyst", "family", "anonymous"])
def test_others_cannot_edit(request, persona, case):
    client = request.getfixturevalue(persona)
    response = client.post(
        f"/staff/cases/{case.reference}/person/", form_data(case.person, surname="Петров")
    )
    assert response.status_code in {302, 404}
    case.person.refresh_from_db()
    assert case.person.surname == "Иванов"


def test_the_photo_is_served_only_to_staff(caseworker, analyst, anonymous, case):
    photo = SimpleUploadedFile("son.png", _image("PNG"), content_type="image/png")
    caseworker.post(
        f"/staff/cases/{case.reference}/person/", {**form_data(case.person), "photo": photo}
    )
    response = caseworker.get(f"/staff/cases/{case.reference}/photo/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Cache-Control"] == "private, no-store"
    assert last_audit().page == "cases:person_photo"
    assert analyst.get(f"/staff/cases/{case.reference}/photo/").status_code == 404
    assert anonymous.get(f"/staff/cases/{case.reference}/photo/").status_code == 302


def test_no_photo_is_404(caseworker, case):
    assert caseworker.get(f"/staff/cases/{case.reference}/photo/").status_code == 404
