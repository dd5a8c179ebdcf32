"""What links a record to a case is encrypted, and matching stores no key of a sought person."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
from django.core.management import call_command
from django.db import connection

from kintrace import crypto, linkage
from kintrace.cases.models import Event, EventKind
from kintrace.matching import actions, engine
from kintrace.matching.models import Match
from tests.matching.conftest import IVANOV_UK, STRANGER


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_reasons_evidence_and_the_confirmation_are_encrypted(match, caseworker, other_caseworker):
    actions.confirm_match(
        match=match, reason="Іванов: та же часть", actor=caseworker.user, request=None
    )
    actions.confirm_match(
        match=match, reason="звонили в часть", actor=other_caseworker.user, request=None
    )

    for column, plain in [("evidence", "surname"), ("first_reason", "Іванов"), ("reason", "часть")]:
        stored = raw("matching_match", column, match.pk)
        assert stored.startswith(crypto.PREFIX) and plain not in stored, column
    match = Match.objects.get(pk=match.pk)
    assert match.first_reason == "Іванов: та же часть" and match.reason == "звонили в часть"
    assert any(field == "surname" for field, _level, _weight in match.evidence)
    event = Event.objects.get(case=match.case, kind=EventKind.MATCH_CONFIRMED)
    stored = raw("cases_event", "data", event.pk)
    assert stored.startswith(crypto.PREFIX) and "Іванов" not in stored
    assert event.data["record"] == "Іванов Олексій Петрович"


def test_rotation_encrypts_reasons_and_evidence_again(match, caseworker):
    actions.reject_match(match=match, reason="другой год", actor=caseworker.user, request=None)
    before = [raw("matching_match", column, match.pk) for column in ("evidence", "reason")]

    call_command("rotate_field_key")

    after = [raw("matching_match", column, match.pk) for column in ("evidence", "reason")]
    assert all(a != b and b.startswith(crypto.PREFIX) for a, b in zip(before, after, strict=True))
    assert Match.objects.get(pk=match.pk).reason == "другой год"


def _everything_stored(data_dir: Path) -> str:
    """Every table read past the ORM, and every file matching left in the data folder."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            parts.append(repr(cursor.fetchall()))
    for path in data_dir.rglob("*"):
        if path.suffix == ".parquet":
            parts.append(repr(pq.read_table(path).to_pylist()))
        elif path.is_file():
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_matching_stores_no_key_of_a_sought_person(new_case, import_rows, run, settings):
    person = new_case().person
    person.surname, person.given_name, person.patronymic = "Перепелица", "Всеволод", "Ярославович"
    person.save()
    import_rows([IVANOV_UK, STRANGER])  # matched against the open cases
    run(actions.match_case, case_id=person.case_id)  # and the case against the records

    stored = _everything_stored(Path(settings.DATA_DIR))
    sought = linkage.prepare([engine.person_row(person)]).to_pylist()[0]
    record = linkage.prepare([{"id": "r", **IVANOV_UK}]).to_pylist()[0]
    keys = ("sn_canon", "sn_key", "gn_full", "gn_key", "pn_full", "pn_key")
    assert all(record[k] in stored for k in keys)  # a published list's keys are public
    assert [sought[k] for k in keys if sought[k] in stored] == []
