"""Importing a file: whole or nothing, re-imports detected, mappings kept per publisher."""

from __future__ import annotations

import pytest

from kintrace.accounts.models import AuditEvent
from kintrace.lists import actions
from kintrace.lists.importers import ImportProblem
from kintrace.lists.models import PublisherMapping, Record, SourceList
from tests.conftest import last_audit
from tests.lists import files

DETAILS = {"name": "Prisoners, March", "kind": "prisoners", "publisher": "Ministry"}


def run_import(path, mapping=None, details=DETAILS):
    return actions.import_list(
        path=path,
        file_name=path.name,
        details=dict(details),
        mapping=mapping,
        actor=None,
        request=None,
    )


@pytest.mark.django_db
def test_import_writes_every_record_with_provenance(tmp_path):
    path = files.write(tmp_path / "list.csv", files.PRISONERS_CSV, "cp1251")
    source = run_import(path)
    assert source.record_count == 3 and source.file_format == "csv"
    assert source.file_sha256 == actions.file_sha256(path)
    first = Record.objects.get(source_list=source, row_number=1)
    assert first.name_as_printed == "Иванов Алексей Петрович"
    assert (first.birth_year, first.birth_month, first.birth_day) == (2003, 3, 7)
    assert first.military_unit == "в/ч 12345" and first.unit_key == "12345"
    assert first.original["№"] == "1" and first.original["Статус"] == "в плену"
    audit = AuditEvent.objects.filter(action="import").get()
    assert audit.object_id == str(source.pk) and audit.detail["records"] == 3


@pytest.mark.django_db
def test_failure_at_the_last_row_writes_nothing(tmp_path):
    text = files.PRISONERS_CSV + "4;Орлов Олег;31.02.2001;;;;в плену\n"
    path = files.write(tmp_path / "list.csv", text)
    with pytest.raises(ImportProblem) as caught:
        run_import(path)
    assert (caught.value.row, caught.value.column, caught.value.value) == (
        4,
        "Дата рождения",
        "31.02.2001",
    )
    assert SourceList.objects.count() == 0 and Record.objects.count() == 0
    assert not AuditEvent.objects.filter(action="import").exists()


@pytest.mark.django_db
def test_failure_while_writing_rolls_back(tmp_path, monkeypatch):
    path = files.write(tmp_path / "list.csv", files.PRISONERS_CSV)
    real_insert = actions._insert
    calls = []

    def insert_then_fail(sql, batch):
        calls.append(len(batch))
        if len(calls) == 2:
            raise ImportProblem("disk full", row=3)
        real_insert(sql, batch)

    monkeypatch.setattr(actions, "BATCH", 2)
    monkeypatch.setattr(actions, "_insert", insert_then_fail)
    with pytest.raises(ImportProblem):
        run_import(path)
    assert calls == [2, 1]
    assert SourceList.objects.count() == 0 and Record.objects.count() == 0


@pytest.mark.django_db
def test_reimport_of_the_same_file_is_refused(tmp_path):
    path = files.write(tmp_path / "list.csv", files.PRISONERS_CSV)
    source = run_import(path)
    copy = tmp_path / "renamed.csv"
    copy.write_bytes(path.read_bytes())
    with pytest.raises(ImportProblem, match=f"imported already, as list {source.pk}"):
        run_import(copy)
    assert Record.objects.count() == 3


@pytest.mark.django_db
def test_mapping_is_saved_per_publisher_and_reused(tmp_path):
    text = "Person;Born;Where\nОрлов Олег;1990;Тула\n"
    mapping = {"full_name": "Person", "birth_date": "Born", "birth_place": "Where"}
    run_import(files.write(tmp_path / "a.csv", text), mapping=mapping)
    assert PublisherMapping.objects.get(publisher="Ministry").mapping == mapping
    second = run_import(files.write(tmp_path / "b.csv", text + "Орлов Павел;1991;Тула\n"))
    record = second.records.get(row_number=2)
    assert record.birth_year == 1991 and record.birth_place == "Тула"


@pytest.mark.django_db
def test_a_file_without_a_name_column_is_refused(tmp_path):
    path = files.write(tmp_path / "x.csv", "Born;Where\n1990;Тула\n")
    with pytest.raises(ImportProblem, match="map a column to the full name or to the surname"):
        run_import(path)
    assert SourceList.objects.count() == 0


@pytest.mark.django_db
def test_same_people_get_one_person_key(tmp_path):
    one = run_import(files.write(tmp_path / "a.csv", files.PRISONERS_CSV))
    two = run_import(
        files.write(tmp_path / "b.csv", files.PRISONERS_CSV.replace("в плену", "обменян")),
        details={**DETAILS, "name": "Exchanged"},
    )
    a = one.records.get(row_number=1)
    b = two.records.get(row_number=1)
    actions.link_same_people(pairs=[(b.pk, a.pk)])
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_key == b.person_key == f"p{a.pk}"
    assert last_audit() is not None
