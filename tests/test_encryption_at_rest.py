"""What the timeline, inquiries and matches hold is encrypted in the database column itself."""

from django.core.management import call_command
from django.db import connection

from kintrace import crypto
from kintrace.cases import actions
from kintrace.cases.models import Event, Status


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


def test_rotation_encrypts_the_timeline_data_again(caseworker, case):
    caseworker.post(f"/staff/cases/{case.reference}/status/", {"status": "active", "reason": "-"})
    event = Event.objects.get(case=case, kind="status_changed")
    before = raw(Event, "data", event.pk)

    call_command("rotate_field_key")

    assert assert_sealed(Event, "data", event.pk, "active") != before
    assert Event.objects.get(pk=event.pk).data == {"from": "new", "to": "active"}
