"""What the timeline and the inquiries hold is encrypted in the database column itself."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from kintrace import crypto
from kintrace.cases import actions
from kintrace.cases.models import Event, Status
from tests.inquiries.conftest import make_inquiry, send


def raw(model, column: str, pk: int) -> str:
    """The stored value, read past the ORM."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def assert_sealed(model, column: str, pk: int, *plain: str) -> str:
    stored = raw(model, column, pk)
    assert stored.startswith(crypto.PREFIX), (column, stored)
    for text in plain:
        assert text not in stored, (column, text)
    return stored


def test_the_timeline_data_is_encrypted_and_the_new_status_kept_apart(caseworker, case):
    actions.change_status(
        case=case, status=Status.FOUND_CAPTURED, reason="", actor=caseworker.user, request=None
    )
    event = Event.objects.get(case=case, kind="status_changed")
    assert_sealed(Event, "data", event.pk, "found_captured", "from")
    assert event.data == {"from": "new", "to": "found_captured"}
    assert event.status_to == "found_captured"


def test_an_empty_timeline_data_is_encrypted_too(case):
    event = Event.objects.get(case=case, kind="created")
    assert_sealed(Event, "data", event.pk)
    assert event.data == {}


@pytest.fixture
def mod(db):
    from kintrace.inquiries.models import Institution

    return Institution.objects.get(code="mod-ru")


def test_letters_and_responses_are_encrypted(case, mod):
    from kintrace.inquiries import actions as inquiry_actions
    from kintrace.inquiries.models import Inquiry, Response

    inquiry = make_inquiry(case, mod, attachments="копия военного билета Иванова")
    send(inquiry)
    response = inquiry_actions.record_response(
        inquiry=inquiry,
        kind="substantive",
        received_on=dt.date(2025, 3, 20),
        summary="Иванов А. П. числится в части",
        actor=None,
        request=None,
    )
    for column in ("subject", "body", "attachments"):
        assert_sealed(Inquiry, column, inquiry.pk, "Иванов")
    assert_sealed(Response, "summary", response.pk, "Иванов")
    inquiry = Inquiry.objects.get(pk=inquiry.pk)
    assert "Иванов" in inquiry.body and inquiry.attachment_list == ["копия военного билета Иванова"]
    assert Response.objects.get(pk=response.pk).summary == "Иванов А. П. числится в части"


def test_rotation_encrypts_the_timeline_data_letters_and_responses_again(caseworker, case, mod):
    from kintrace.inquiries import actions as inquiry_actions
    from kintrace.inquiries.models import Inquiry, Response

    caseworker.post(f"/staff/cases/{case.reference}/status/", {"status": "active", "reason": "-"})
    event = Event.objects.get(case=case, kind="status_changed")
    inquiry = send(make_inquiry(case, mod))
    response = inquiry_actions.record_response(
        inquiry=inquiry,
        kind="formal",
        received_on=dt.date(2025, 3, 20),
        summary="не значится",
        actor=None,
        request=None,
    )
    sealed = [(Event, "data", event.pk), (Inquiry, "body", inquiry.pk)]
    sealed += [(Response, "summary", response.pk)]
    before = [raw(*where) for where in sealed]

    call_command("rotate_field_key")

    assert all(raw(*where).startswith(crypto.PREFIX) for where in sealed)
    assert all(a != b for a, b in zip(before, [raw(*where) for where in sealed], strict=True))
    assert Event.objects.get(pk=event.pk).data == {"from": "new", "to": "active"}
    assert Inquiry.objects.get(pk=inquiry.pk).body == inquiry.body
    assert Response.objects.get(pk=response.pk).summary == "не значится"
