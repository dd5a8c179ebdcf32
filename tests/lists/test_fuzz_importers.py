"""Whatever file arrives, the list readers give rows or refuse with an ImportProblem.

An ImportProblem names the file or the row and column; any other exception would reach the
import page or the API as a failure nobody can act on, so none may escape a reader, the row
check or the mapping guess.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kintrace.lists.importers.base import ImportProblem, open_table
from kintrace.lists.importers.mapping import guess_mapping
from kintrace.lists.importers.rows import check_rows

FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# Headers a list may have: the names the mapping knows, and anything else.
HEADERS = st.one_of(
    st.sampled_from(
        [
            "ФИО",
            "full_name",
            "Фамилия",
            "Имя",
            "Отчество",
            "Дата рождения",
            "birth_date",
            "в/ч",
            "unit",
            "пол",
            "sex",
            "регион",
            "Дата события",
            "id",
        ]
    ),
    st.text(max_size=12),
)
# Cells of real lists: names, dates in every form, units, and any text at all.
CELLS = st.one_of(
    st.sampled_from(
        [
            "Иванов Алексей Петрович",
            "IVANOV Oleksii",
            "07.03.1999",
            "1999",
            "31.02.2001",
            "7 березня 1999",
            "в/ч 12345-А",
            "м",
            "ж",
            "x",
            "",
            "0000-00-00",
            "=cmd|' /C calc'!A0",
        ]
    ),
    st.text(max_size=40),
)


def _read_everything(data: bytes, suffix: str) -> None:
    """Open, guess a mapping and check every row, as an import does before writing."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"list{suffix}"
        path.write_bytes(data)
        try:
            table = open_table(path)
            mapping = guess_mapping(table.columns)
            for row in check_rows(table, mapping):
                assert row.name_as_printed
        except ImportProblem as problem:
            assert str(problem)  # says where: "file: ..." or "row N, column C: ..."
            assert problem.row >= 0


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xml", ".xlsx"])
@FAST
@given(data=st.binary(max_size=2000))
@example(data=b"\xff\xfe\x00\x00")
@example(data=b"PK\x03\x04" + b"\x00" * 40)
def test_any_bytes_are_read_or_refused(suffix, data):
    _read_everything(data, suffix)


@FAST
@given(
    header=st.lists(HEADERS, min_size=1, max_size=8),
    rows=st.lists(st.lists(CELLS, max_size=10), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]),
)
def test_csv_of_any_cells_is_read_or_refused(header, rows, delimiter, encoding):
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    data = text.getvalue().encode(encoding, errors="replace")
    _read_everything(data, ".csv")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@FAST
@given(
    records=st.one_of(
        st.lists(st.dictionaries(HEADERS, st.one_of(CELLS, JSON_VALUES), max_size=6), max_size=6),
        JSON_VALUES,
    ),
    wrap=st.sampled_from([None, "records", "data", "other"]),
)
@example(records=[{"ФИО": "Иванов"}, {"Фамилия": "Петров", "ФИО": None}], wrap=None)
def test_json_of_any_shape_is_read_or_refused(records, wrap):
    document = {wrap: records} if wrap else records
    _read_everything(json.dumps(document, ensure_ascii=False).encode(), ".json")


def test_deeply_nested_json_is_refused_with_a_message():
    with pytest.raises(ImportProblem, match="nested"):
        table = open_table(_written(b"[" * 100_000 + b"]" * 100_000, ".json"))
        list(table.rows())


PFIF = "http://zesty.ca/pfif/1.4"


@FAST
@given(
    people=st.lists(
        st.dictionaries(
            st.sampled_from(
                [
                    "person_record_id",
                    "full_name",
                    "given_name",
                    "family_name",
                    "sex",
                    "date_of_birth",
                    "age",
                    "home_city",
                    "home_state",
                    "other",
                    "unknown",
                ]
            ),
            CELLS,
            max_size=6,
        ),
        max_size=5,
    ),
    notes=st.lists(
        st.dictionaries(
            st.sampled_from(["person_record_id", "status", "source_date", "text", "author"]),
            CELLS,
            max_size=5,
        ),
        max_size=4,
    ),
)
def test_pfif_of_any_fields_is_read_or_refused(people, notes):
    from xml.sax.saxutils import escape

    def element(tag: str, values: dict[str, str]) -> str:
        inner = "".join(f"<pfif:{k}>{escape(_xml_text(v))}</pfif:{k}>" for k, v in values.items())
        return f"<pfif:{tag}>{inner}</pfif:{tag}>"

    body = "".join(element("person", p) for p in people)
    body += "".join(element("note", n) for n in notes)
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><pfif:pfif xmlns:pfif="{PFIF}">{body}</pfif:pfif>'
    )
    _read_everything(document.encode(), ".xml")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(HEADERS, min_size=1, max_size=6),
    rows=st.lists(
        st.lists(
            st.one_of(CELLS, st.integers(), st.floats(allow_nan=False), st.none()), max_size=7
        ),
        max_size=6,
    ),
)
def test_xlsx_of_any_cells_is_read_or_refused(header, rows):
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    sheet = book.active
    try:
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    except IllegalCharacterError:
        return  # a value a spreadsheet cannot hold: no such file can arrive
    buffer = io.BytesIO()
    book.save(buffer)
    _read_everything(buffer.getvalue(), ".xlsx")


def _xml_text(text: str) -> str:
    """Only the characters XML 1.0 allows: a file with others is refused as not well formed."""
    return "".join(
        c for c in text if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
    )


def _written(data: bytes, suffix: str) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / f"list{suffix}"
    path.write_bytes(data)
    return path
