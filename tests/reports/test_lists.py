"""Reports on published lists: people by kind, publisher, category and the overlap between
publishers, on a small known set of lists whose tables were counted by hand.

The known set (`known_lists`), four publishers and five lists:

    L1 Ministry      Russia   killed     military  2023-02-01
    L2 Ministry      Russia   wounded    military  2022-06-01
    L3 Headquarters  Ukraine  prisoners  military  2023-03-01
    L4 Ombudsman     Ukraine  prisoners  civilian  2023-05-01
    L5 Volunteers    (none)   missing    unknown   no date

People named in more than one list:

    P1  key a: L1, L3
    P2  key b: L1, L2 (one publisher, two kinds)
    P3  no key: one record in L3 and one in L4, both confirmed to case C1
    P4  key d: L3 (confirmed to C2), L4; and a record without a key in L1 confirmed to C2

and each alone in one list: L1 three, L2 two, L3 four (one with a candidate and one with a
rejected match: neither counts), L4 one, L5 two (one confirmed to case C3).
Sixteen people in 21 records; three of them confirmed to a sought person.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from kintrace.cases.models import Case
from kintrace.lists.models import Record, SourceList
from kintrace.matching.models import Match, MatchStatus
from kintrace.reports import registry
from kintrace.reports.filters import FilterForm, Filters
from kintrace.reports.suppression import Mark, determined
from kintrace.reports.tables import Table
from tests.conftest import last_audit

LISTS = {
    "L1": ("Ministry", "Russia", "killed", "military", dt.date(2023, 2, 1)),
    "L2": ("Ministry", "Russia", "wounded", "military", dt.date(2022, 6, 1)),
    "L3": ("Headquarters", "Ukraine", "prisoners", "military", dt.date(2023, 3, 1)),
    "L4": ("Ombudsman", "Ukraine", "prisoners", "civilian", dt.date(2023, 5, 1)),
    "L5": ("Volunteers", "", "missing", "unknown", None),
}
# (list, person key, case the record is confirmed to, other match status)
RECORDS = [
    ("L1", "a", None, None),
    ("L3", "a", None, None),
    ("L1", "b", None, None),
    ("L2", "b", None, None),
    ("L3", "", "C1", None),
    ("L4", "", "C1", None),
    ("L3", "d", "C2", None),
    ("L4", "d", None, None),
    ("L1", "", "C2", None),
    *[("L1", "", None, None)] * 3,
    *[("L2", "", None, None)] * 2,
    ("L3", "", None, MatchStatus.CANDIDATE),
    ("L3", "", None, MatchStatus.REJECTED),
    *[("L3", "", None, None)] * 2,
    ("L4", "", None, None),
    ("L5", "", "C3", None),
    ("L5", "", None, None),
]


@pytest.fixture
def known_lists(db):
    sources = {}
    for label, (publisher, side, kind, category, published_on) in LISTS.items():
        sources[label] = SourceList.objects.create(
            name=f"List {label}",
            publisher=publisher,
            side=side,
            kind=kind,
            category=category,
            published_on=published_on,
            record_count=sum(1 for r in RECORDS if r[0] == label),
        )
    cases = {c: Case.objects.create(access_code_hash="!") for c in ("C1", "C2", "C3", "C4")}
    for row, (label, key, confirmed_to, other) in enumerate(RECORDS, 1):
        record = Record.objects.create(
            source_list=sources[label],
            row_number=row,
            name_as_printed=f"Тестовый {row}",
            person_key=key,
        )
        if confirmed_to:
            Match.objects.create(
                case=cases[confirmed_to],
                record=record,
                probability=0.9,
                status=MatchStatus.CONFIRMED,
            )
        if other:
            Match.objects.create(case=cases["C4"], record=record, probability=0.6, status=other)
    return sources


def figures(table: Table) -> dict[str, list[int]]:
    rows = [*table.rows, table.total]
    return {row.label: [cell.value for cell in row.cells] for row in rows}


def build(name: str, threshold: int = 1, **filters) -> Table:
    return registry.get(name).build(Filters(**filters), threshold)


# Columns: confirmed to a sought person, not confirmed, people.
BY_KIND = {
    "Prisoners": [1, 5, 6],
    "Killed": [0, 3, 3],
    "Wounded or in hospital": [0, 2, 2],
    "Missing": [1, 1, 2],
    "In lists of more than one kind": [1, 2, 3],
    "All": [3, 13, 16],
}
BY_PUBLISHER = {
    "Ministry": [0, 6, 6],
    "Headquarters": [0, 4, 4],
    "Listed by more than one publisher": [2, 1, 3],
    "Volunteers": [1, 1, 2],
    "Ombudsman": [0, 1, 1],
    "All": [3, 13, 16],
}
BY_CATEGORY = {
    "Military": [0, 11, 11],
    "Civilian": [0, 1, 1],
    "Unknown": [1, 1, 2],
    "In lists of more than one category": [2, 0, 2],
    "All": [3, 13, 16],
}
OVERLAP = {
    "Only Ministry": [0, 6, 6],
    "Only Headquarters": [0, 4, 4],
    "Only Volunteers": [1, 1, 2],
    "Headquarters + Ministry": [0, 1, 1],
    "Headquarters + Ministry + Ombudsman": [1, 0, 1],
    "Headquarters + Ombudsman": [1, 0, 1],
    "Only Ombudsman": [0, 1, 1],
    "All": [3, 13, 16],
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lists-by-kind", BY_KIND),
        ("lists-by-publisher", BY_PUBLISHER),
        ("lists-by-category", BY_CATEGORY),
        ("lists-overlap", OVERLAP),
    ],
)
def test_hand_counted_tables(known_lists, name, expected):
    table = build(name)
    assert figures(table) == expected
    assert list(figures(table)) == list(expected)  # rows in order
    assert [c.key for c in table.columns] == ["matched", "not_matched", "total"]


def test_a_person_in_several_lists_counts_once(known_lists):
    assert Record.objects.count() == 21
    for name in ("lists-by-kind", "lists-by-publisher", "lists-by-category", "lists-overlap"):
        assert figures(build(name))["All"] == [3, 13, 16], name


def test_the_list_kind_filter(known_lists):
    # L3 and L4: P1 by his L3 record, P3, P4 without his L1 record, five alone.
    assert figures(build("lists-by-kind", list_kind="prisoners")) == {
        "Prisoners": [2, 6, 8],
        "All": [2, 6, 8],
    }


def test_the_side_filter(known_lists):
    assert figures(build("lists-by-kind", side="Russia")) == {
        "Killed": [1, 4, 5],  # P1 by his L1 record, P4 by his confirmed L1 record, three alone
        "Wounded or in hospital": [0, 2, 2],
        "In lists of more than one kind": [0, 1, 1],  # P2
        "All": [1, 7, 8],
    }
    assert figures(build("lists-overlap", side="Ukraine"))["Headquarters + Ombudsman"] == [2, 0, 2]


def test_the_period_applies_to_the_date_of_publication(known_lists):
    table = build("lists-by-kind", date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31))
    assert figures(table) == {
        "Prisoners": [1, 5, 6],
        "Killed": [0, 4, 4],  # P2 by his L1 record (L2 was published in 2022)
        "In lists of more than one kind": [1, 1, 2],  # P1, P4
        "All": [2, 10, 12],
    }
    assert "Left out for having no date of publication: 1 lists, 2 records." in table.sources


def test_the_sources_name_the_lists_and_what_they_lack(known_lists):
    lists = SourceList.objects.filter(pk=known_lists["L5"].pk)
    lists.update(publisher="")
    table = build("lists-by-publisher")
    assert table.sources[0].startswith("Lists counted: 5, holding 21 records: ")
    assert "List L3 (Headquarters, 2023-03-01, 7 records)" in table.sources[0]
    assert "List L5 (publisher not stated, no date of publication, 2 records)" in table.sources[0]
    assert "Records in lists that do not name their publisher: 2." in table.sources
    assert figures(table)["Not stated"] == [1, 1, 2]


def test_small_counts_are_hidden_and_cannot_be_worked_out(known_lists):
    for name in ("lists-by-kind", "lists-by-publisher", "lists-by-category", "lists-overlap"):
        shown = build(name, threshold=5)
        true = build(name, threshold=1)
        cells = [
            [cell for cell in row.cells]
            for row in [*shown.rows, shown.total]
            if row.key in {r.key for r in [*true.rows, true.total]}
        ]
        for row in cells:
            for cell in row:
                assert cell.mark or cell.value == 0 or cell.value >= 5, name
        if len(shown.rows) == len(true.rows):
            grid = [[c.value for c in row.cells] for row in [*true.rows, true.total]]
            marks = [[c.mark for c in row.cells] for row in [*shown.rows, shown.total]]
            exposed = [cell for cell in determined(grid, marks) if marks[cell[0]][cell[1]]]
            assert not [c for c in exposed if marks[c[0]][c[1]] == Mark.PRIMARY], name
    assert shown.hidden


def test_the_filters_are_on_the_form_of_list_reports_only(known_lists):
    lists = FilterForm({}, accepts=registry.get("lists-by-kind").filters)
    assert set(lists.fields) == {"date_from", "date_to", "list_kind", "side"}
    assert [value for value, _label in lists.fields["side"].choices] == ["", "Russia", "Ukraine"]
    cases = FilterForm({}, accepts=registry.get("cases-by-region").filters)
    assert "list_kind" not in cases.fields and "side" not in cases.fields
    bad = FilterForm({"list_kind": "heroes"}, accepts=registry.get("lists-by-kind").filters)
    assert not bad.is_valid() and "list_kind" in bad.errors


def test_the_page_as_an_analyst_sees_it(known_lists, analyst, settings):
    settings.REPORT_MIN_CELL = 1
    response = analyst.get("/staff/reports/lists-overlap/", {"side": "Ukraine"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Overlap between the lists of different publishers" in page
    assert "Headquarters + Ombudsman" in page and "Side that published the list: Ukraine" in page
    assert "List L3 (Headquarters" in page  # the sources name the lists
    assert "Тестовый" not in page  # no name of a listed person
    assert (last_audit().action, last_audit().object_id) == ("view", "lists-overlap")
    index = analyst.get("/staff/reports/").content.decode()
    for name in ("lists-by-kind", "lists-by-publisher", "lists-by-category", "lists-overlap"):
        assert f"/staff/reports/{name}/" in index


def test_the_csv_export_carries_the_list_filters_and_sources(known_lists, analyst, settings):
    settings.REPORT_MIN_CELL = 1
    response = analyst.get("/staff/reports/lists-by-kind/export.csv", {"list_kind": "prisoners"})
    text = response.content.decode("utf-8-sig")
    assert "# Kind of list: Prisoners" in text
    assert "# Source: Lists counted: 2, holding 10 records" in text
    assert text.rstrip().splitlines()[-1] == "All,2,6,8"


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_the_command_line(known_lists, tmp_path, settings):
    settings.REPORT_MIN_CELL = 1
    listed = run("--list")
    assert "lists-overlap\tOverlap between the lists of different publishers" in listed
    out = tmp_path / "overlap.json"
    said = run("lists-overlap", "--side", "Ukraine", "--list-kind", "prisoners", "--format",
               "json", "--out", str(out))  # fmt: skip
    assert "Wrote lists-overlap" in said
    document = json.loads(out.read_text())
    assert document["filters"]["side"] == "Ukraine"
    assert document["total"] == {"matched": 2, "not_matched": 6, "total": 8}
    assert last_audit().object_id == "lists-overlap"
    with pytest.raises(CommandError, match="list_kind"):
        run("lists-by-kind", "--list-kind", "heroes", "--out", str(out))


def test_list_reports_with_no_lists(db):
    table = build("lists-by-kind", threshold=5)
    assert table.rows == [] and figures(table) == {"All": [0, 0, 0]}
    assert table.sources[0].startswith("Lists counted: 0")


def test_a_list_whose_records_are_all_confirmed_has_no_empty_row(db):
    exchanged = SourceList.objects.create(name="Exchanged", kind="exchanged", record_count=1)
    record = Record.objects.create(source_list=exchanged, row_number=1, name_as_printed="Тестов")
    case = Case.objects.create(access_code_hash="!")
    Match.objects.create(case=case, record=record, probability=0.9, status=MatchStatus.CONFIRMED)
    SourceList.objects.create(name="Killed", kind="killed", record_count=0)
    assert figures(build("lists-by-kind")) == {"Exchanged": [1, 0, 1], "All": [1, 0, 1]}
