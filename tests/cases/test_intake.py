import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kintrace.accounts.models import AuditAction
from kintrace.cases.models import Case, Event, EventKind
from tests.conftest import last_audit

VALID = {
    "person-surname": "Иванов",
    "person-given_name": "Алексей",
    "person-patronymic": "Петрович",
    "person-birth_day": "7",
    "person-birth_month": "3",
    "person-birth_year": "2003",
    "person-military_unit": "в/ч 12345",
    "person-service_type": "contract",
    "person-conscription_date": "2024-05-10",
    "person-contract_date": "07.06.2024",
    "person-contract_under_pressure": "true",
    "person-phone_taken": "true",
    "person-phone_numbers": "+7 900 123-45-67",
    "requester-name": "Иванова Мария Ивановна",
    "requester-relation": "mother",
    "requester-phone": "+7 900 765-43-21",
    "requester-email": "maria@example.org",
    "requester-preferred_language": "ru",
    "requester-consent_processing": "on",
}


def post(client, **changes):
    data = {**VALID, **changes}
    return client.post("/request/", {k: v for k, v in data.items() if v is not None})


def test_anonymous_sees_the_form_with_who_sees_the_data(anonymous):
    response = anonymous.get("/request/")
    assert response.status_code == 200
    assert b'name="person-surname"' in response.content
    assert b"Who will see what you write" in response.content


def test_a_family_files_a_request_and_sees_the_code_once(anonymous):
    response = post(anonymous)
    assert response.status_code == 302
    assert response["Location"] == "/request/done/"
    case = Case.objects.get()
    person = case.person
    assert (person.surname, person.given_name, person.patronymic) == (
        "Иванов",
        "Алексей",
        "Петрович",
    )
    assert person.birth_date_precision == "day"
    assert person.contract_under_pressure is True
    assert person.contract_date.isoformat() == "2024-06-07"
    assert case.requester.consent_processing is True
    assert list(case.events.values_list("kind", "visible_to_family")) == [(EventKind.CREATED, True)]
    audit = last_audit()
    assert (audit.action, audit.object_id, audit.actor_label) == (
        AuditAction.CREATE,
        case.reference,
        "family",
    )

    done = anonymous.get("/request/done/")
    code = done.context["new_case"]["code"]
    assert case.reference in done.content.decode()
    assert code in done.content.decode()
    assert case.check_access_code(code)
    assert code not in case.access_code_hash
    again = anonymous.get("/request/done/")
    assert code not in again.content.decode()


def test_confirmation_email_names_the_reference_but_not_the_code(
    anonymous, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(anonymous)
    case = Case.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@example.org"]
    assert case.reference in message.subject
    assert "Иванов" not in message.body
    assert "запрос" in message.subject.lower()  # in the family's language, Russian here


def test_no_email_without_an_address(anonymous, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(anonymous, **{"requester-email": ""})
    assert Case.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"person-surname": ""}, "surname", "This field is required."),
        ({"person-given_name": "x" * 10_000}, "given_name", "at most 100 characters"),
        ({"person-surname": "Иванов2"}, "surname", "Use letters only"),
        ({"person-surname": "<script>"}, "surname", "Use letters only"),
        (
            {"person-birth_day": "31", "person-birth_month": "2", "person-birth_year": "1999"},
            "birth_day",
            "There is no such date.",
        ),
        ({"person-birth_year": "2999"}, "birth_year", "The date of birth is in the future."),
        ({"person-birth_year": "1850"}, "birth_year", "greater than or equal to 1900"),
        ({"person-birth_month": ""}, "birth_month", "Give the month too"),
        ({"person-birth_year": ""}, "birth_year", "Give the year of birth too."),
        ({"person-contract_date": "31.02.2024"}, "contract_date", "Enter a valid date."),
        ({"person-last_contact_date": "2999-01-01"}, "last_contact_date", "in the future"),
        ({"person-service_type": "general"}, "service_type", "Select a valid choice."),
        (
            {"requester-consent_processing": None},
            "consent_processing",
            "only search with your consent",
        ),
        ({"requester-email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"requester-phone": "call me maybe"}, "phone", "Enter a phone number"),
        ({"requester-name": ""}, "name", "This field is required."),
    ],
)
def test_bad_input_is_refused_next_to_the_field(anonymous, changes, field, message):
    response = post(anonymous, **changes)
    assert response.status_code == 200
    forms = (response.context["person_form"], response.context["requester_form"])
    errors = " ".join(str(e) for form in forms for e in form.errors.get(field, []))
    assert message in errors
    assert message.split("%")[0] in response.content.decode().replace("&#x27;", "'")
    assert Case.objects.count() == 0
    assert Event.objects.count() == 0


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, fmt)
    return buffer.getvalue()


def test_a_photo_is_kept(anonymous):
    photo = SimpleUploadedFile("son.jpg", _image("JPEG"), content_type="image/jpeg")
    response = anonymous.post("/request/", {**VALID, "person-photo": photo})
    assert response.status_code == 302
    assert Case.objects.get().person.photo.name.startswith("photos/")


def test_html_renamed_to_jpg_is_refused(anonymous):
    fake = SimpleUploadedFile("son.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")
    response = anonymous.post("/request/", {**VALID, "person-photo": fake})
    assert response.status_code == 200
    assert "photo" in response.context["person_form"].errors
    assert Case.objects.count() == 0


def test_gif_is_refused(anonymous):
    gif = SimpleUploadedFile("son.gif", _image("GIF"), content_type="image/gif")
    response = anonymous.post("/request/", {**VALID, "person-photo": gif})
    assert "JPEG or PNG" in str(response.context["person_form"].errors["photo"])
    assert Case.objects.count() == 0


def test_the_form_needs_its_csrf_token(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/request/", VALID)
    assert response.status_code == 403
    assert Case.objects.count() == 0
