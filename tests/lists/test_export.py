"""Exports: PFIF 1.4, CSV and JSON; formula cells neutralised; an export imports back the same."""

from __future__ import annotations

import io
import json

import pytest
from defusedxml.ElementTree import fromstring
from django.core.management import call_command

from kintrace.lists import actions, export, exporters
from kintrace.lists.models import Record
from tests.conftest import file_case, last_audit
from tests.lists import files

COMPARED = [f for f in export.RECORD_COLUMNS if f != "external_id"]
TRICKY = [
    {"full_name": "Иванов Алексей Петрович", "surname": "Иванов", "given_name": "Алексей",
     "patronymic": "Петрович", "birth_date": "2003-03-07", "birth_place": "=HYPERLINK(\"x\")",
     "region": "Бурятия", "unit": "в/ч 12345", "rank": "рядовой", "sex": "m",
     "status": "-в плену", "event_date": "2024-02", "event_place": "@Курск"},
    {"full_name": "Шевченко Тарас", "surname": "", "given_name": "", "patronymic": "",
     "birth_date": "1990", "birth_place": "", "region": "", "unit": "", "rank": "", "sex": "",
     "status": "+1", "event_date": "", "event_place": "Київ, вул. Хрещатик"},
]  # fmt: skip


def load(tmp_path, name, text, kind="prisoners"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return actions.import_list(
        path=path,
        file_name=name,
        details={"name": name, "kind": kind, "publisher": "P", "published_where": "https://x/l"},
        mapping=None,
        actor=None,
        request=None,
    )


def rows_of(source_list, fields=COMPARED):
    records = source_list.records.select_related("source_list").order_by("row_number")
    return [{f: export.record_row(r)[f] for f in fields} for r in records]


@pytest.fixture
def original(db, tmp_path):
    return load(tmp_path, "original.json", json.dumps(TRICKY, ensure_ascii=False))


def test_csv_neutralises_formulas():
    out = io.StringIO()
    exporters.write_csv(out, ["a", "b", "c", "d", "e"], [
        {"a": "=1+2", "b": "+7 900", "c": "-x", "d": "@SUM(A1)", "e": "Иванов"},
    ])  # fmt: skip
    assert out.getvalue().splitlines()[1] == "'=1+2,'+7 900,'-x,'@SUM(A1),Иванов"


def test_csv_round_trip(original, tmp_path):
    out = io.StringIO()
    exporters.write_csv(out, export.RECORD_COLUMNS, export.record_rows(original.records.all()))
    assert "'=HYPERLINK" in out.getvalue()
    again = load(tmp_path, "again.csv", out.getvalue())
    assert rows_of(again) == rows_of(original)


def test_json_round_trip(original, tmp_path):
    out = io.StringIO()
    exporters.write_json(out, export.record_rows(original.records.all()))
    again = load(tmp_path, "again.json", out.getvalue())
    assert rows_of(again) == rows_of(original)


def test_pfif_round_trip(original, tmp_path):
    out = io.StringIO()
    records = original.records.select_related("source_list")
    exporters.write_pfif(out, (export.record_pfif(r) for r in records))
    again = load(tmp_path, "again.xml", out.getvalue())
    carried = ["full_name", "surname", "given_name", "birth_date", "birth_place", "region", "sex"]
    assert rows_of(again, carried) == rows_of(original, carried)
    first = again.records.get(row_number=1)
    assert first.status_in_list == "believed_alive" and first.event_place == "@Курск"
    assert first.external_id.endswith(f"/record.{original.records.get(row_number=1).pk}")


def test_pfif_document_follows_the_specification(original):
    out = io.StringIO()
    exporters.write_pfif(out, (export.record_pfif(r) for r in original.records.all()))
    root = fromstring(out.getvalue().encode())
    ns = "{http://zesty.ca/pfif/1.4}"
    person = root.find(f"{ns}person")
    tags = [child.tag.removeprefix(ns) for child in person]
    fields = [t for t in tags if t != "note"]
    assert fields == sorted(fields, key=exporters.PERSON_FIELDS.index)
    assert {"person_record_id", "source_date", "full_name"} <= set(fields)
    note = person.find(f"{ns}note")
    assert note.find(f"{ns}status").text in exporters.NOTE_STATUSES
    assert person.find(f"{ns}sex").text == "male"
    assert person.find(f"{ns}date_of_birth").text == "2003-03-07"


def test_export_pfif_command_writes_records_and_shared_cases_only(original, tmp_path, capsys):
    shared, _code = file_case()
    shared.requester.consent_share_partners = True
    shared.requester.save()
    private, _code = file_case()  # the family did not agree to share it
    out = tmp_path / "all.xml"
    call_command("export_pfif", out=str(out))
    assert capsys.readouterr().out.strip() == f"3 people written to {out}"
    text = out.read_text(encoding="utf-8")
    assert f"/case.{shared.pk}</pfif:person_record_id>" in text
    assert f"/case.{private.pk}<" not in text and "information_sought" in text
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.detail["people"]) == ("export", "pfif", 3)


def test_export_pfif_of_one_list_without_cases(original, tmp_path):
    out = tmp_path / "one.xml"
    call_command("export_pfif", out=str(out), list=original.pk, no_cases=True)
    assert out.read_text(encoding="utf-8").count("<pfif:person>") == 2
    assert Record.objects.count() == 2


def test_cp1251_semicolon_spreadsheet_export_round_trips(db, tmp_path):
    path = files.write(tmp_path / "excel.csv", files.PRISONERS_CSV, "cp1251")
    source = actions.import_list(
        path=path, file_name="excel.csv", details={"name": "x", "kind": "prisoners"},
        mapping=None, actor=None, request=None,
    )  # fmt: skip
    out = io.StringIO()
    exporters.write_csv(out, export.RECORD_COLUMNS, export.record_rows(source.records.all()))
    again = load(tmp_path, "again.csv", out.getvalue())
    assert rows_of(again) == rows_of(source)


@pytest.mark.parametrize("fmt", ["csv", "json", "pfif"])
def test_export_cases_only_those_the_family_shares(db, tmp_path, capsys, fmt):
    shared, _code = file_case()
    shared.requester.consent_share_partners = True
    shared.requester.save()
    private, _code = file_case()
    out = tmp_path / f"cases.{fmt}"
    call_command("export_cases", out=str(out), format=fmt)
    assert capsys.readouterr().out.strip() == f"1 shared cases written to {out}"
    text = out.read_text(encoding="utf-8")
    assert f"/case.{shared.pk}" in text and f"/case.{private.pk}" not in text
    assert "Иванов" in text and "maria@example.org" not in text and "Иванова Мария" not in text
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.detail["cases"]) == ("export", "shared_cases", 1)
