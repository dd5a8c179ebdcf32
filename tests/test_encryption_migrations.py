"""The migrations that switch encryption on seal rows written before, and undo it going back."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kintrace import crypto

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(*targets: tuple[str, str]):
    """Migrate to the targets (every app to its latest when none); the models of that state."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(list(targets or leaves))
    others = [node for node in leaves if node[0] not in {app for app, _name in targets}]
    return MigrationExecutor(connection).loader.project_state([*targets, *others]).apps


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        value = cursor.fetchone()[0]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@pytest.fixture
def before_event_encryption():
    yield migrate(("cases", "0005_encrypted_personal_fields"))
    migrate()


def test_timeline_data_is_sealed_and_the_new_status_copied(before_event_encryption):
    old = before_event_encryption
    case = old.get_model("cases", "Case").objects.create(access_code_hash="!")
    Event = old.get_model("cases", "Event")
    change = Event.objects.create(
        case=case, kind="status_changed", data={"from": "active", "to": "found_dead"}
    )
    note = Event.objects.create(case=case, kind="person_edited", data={"fields": ["rank"]})

    new = migrate()
    assert raw("cases_event", "data", change.pk).startswith(crypto.PREFIX)
    assert "found_dead" not in raw("cases_event", "data", change.pk)
    Event = new.get_model("cases", "Event")
    assert Event.objects.get(pk=change.pk).status_to == "found_dead"
    assert Event.objects.get(pk=note.pk).status_to == ""
    assert Event.objects.get(pk=note.pk).data == {"fields": ["rank"]}

    migrate(("cases", "0005_encrypted_personal_fields"))
    assert json.loads(raw("cases_event", "data", change.pk)) == {
        "from": "active",
        "to": "found_dead",
    }


@pytest.fixture
def before_letter_encryption():
    yield migrate(("inquiries", "0002_initial_data"))
    migrate()


def test_letters_and_responses_are_sealed(before_letter_encryption):
    old = before_letter_encryption
    case = old.get_model("cases", "Case").objects.create(access_code_hash="!")
    inquiry = old.get_model("inquiries", "Inquiry").objects.create(
        case=case,
        institution=old.get_model("inquiries", "Institution").objects.create(
            name="Минобороны", kind="ministry", jurisdiction="RU"
        ),
        kind="whereabouts",
        subject="Об Иванове А. П.",
        body="Прошу сообщить, где Иванов",
    )
    response = old.get_model("inquiries", "Response").objects.create(
        inquiry=inquiry, kind="formal", received_on="2025-03-20", summary="Иванов не значится"
    )

    new = migrate()
    for table, column, pk in [
        ("inquiries_inquiry", "subject", inquiry.pk),
        ("inquiries_inquiry", "body", inquiry.pk),
        ("inquiries_response", "summary", response.pk),
    ]:
        stored = raw(table, column, pk)
        assert stored.startswith(crypto.PREFIX) and "Иванов" not in stored
    assert new.get_model("inquiries", "Inquiry").objects.get(pk=inquiry.pk).subject == (
        "Об Иванове А. П."
    )

    migrate(("inquiries", "0002_initial_data"))
    assert raw("inquiries_inquiry", "body", inquiry.pk) == "Прошу сообщить, где Иванов"
    assert raw("inquiries_response", "summary", response.pk) == "Иванов не значится"


@pytest.fixture
def before_match_encryption():
    yield migrate(("matching", "0001_initial"))
    migrate()


def test_match_reasons_and_evidence_are_sealed(before_match_encryption):
    old = before_match_encryption
    case = old.get_model("cases", "Case").objects.create(access_code_hash="!")
    source = old.get_model("lists", "SourceList").objects.create(name="list", kind="prisoners")
    record = old.get_model("lists", "Record").objects.create(
        source_list=source, row_number=1, name_as_printed="Іванов Олексій"
    )
    evidence = [["surname", "same surname", 4.2]]
    match = old.get_model("matching", "Match").objects.create(
        case=case, record=record, probability=0.9, evidence=evidence, reason="Іванов, та же часть"
    )

    new = migrate()
    for column in ("evidence", "reason"):
        stored = raw("matching_match", column, match.pk)
        assert stored.startswith(crypto.PREFIX) and "Іванов" not in stored and "same" not in stored
    assert new.get_model("matching", "Match").objects.get(pk=match.pk).evidence == evidence

    migrate(("matching", "0001_initial"))
    assert json.loads(raw("matching_match", "evidence", match.pk)) == evidence
    assert raw("matching_match", "reason", match.pk) == "Іванов, та же часть"
