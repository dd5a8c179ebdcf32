"""One row of a file as the fields of a record, or a problem naming row, column and value."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_noop

from kintrace.lists.importers.base import ImportProblem, Table
from kintrace.names import parse_date_strict, unit_key

# Longest text per record field (the database columns).
MAX_LENGTH = {
    "full_name": 300,
    "surname": 100,
    "given_name": 100,
    "patronymic": 100,
    "birth_place": 200,
    "region": 100,
    "unit": 100,
    "rank": 60,
    "status": 200,
    "event_place": 300,
    "external_id": 200,
}
SEX = {
    "m": "m", "male": "m", "м": "m", "муж": "m", "мужской": "m", "ч": "m", "чол": "m",
    "чоловіча": "m", "f": "f", "female": "f", "ж": "f", "жен": "f", "женский": "f",
    "жін": "f", "жіноча": "f", "other": "", "": "",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RecordRow:
    """The fields of one record, checked."""

    row_number: int
    name_as_printed: str
    surname: str
    given_name: str
    patronymic: str
    birth: tuple[int | None, int | None, int | None]
    birth_place: str
    region: str
    unit: str
    unit_key: str
    rank: str
    sex: str
    status: str
    event_date: str
    event_place: str
    external_id: str
    original: dict[str, str]


@lru_cache(maxsize=65536)
def _date(text: str) -> tuple[int, int | None, int | None, str]:
    parsed = parse_date_strict(text)
    return parsed.year, parsed.month, parsed.day, parsed.iso


@lru_cache(maxsize=65536)
def _unit_key(text: str) -> str:
    return unit_key(text) or ""


def _check_date(text: str, row: int, column: str) -> tuple[int, int | None, int | None, str]:
    try:
        year, month, day, iso = _date(text)
    except ValueError as exc:
        raise ImportProblem(
            gettext_noop("not a date (%(error)s)"),
            row=row,
            column=column,
            value=text,
            params={"error": str(exc)},
        ) from None
    if not 1850 <= year <= 2100:
        raise ImportProblem(
            gettext_noop("the year is out of range"), row=row, column=column, value=text
        )
    return year, month, day, iso


def record_row(cells: list[str], columns: list[str], index: dict[str, int], row: int) -> RecordRow:
    """Check one row (``index``: field -> column position); raise on the first problem."""

    def value(field: str) -> str:
        i = index.get(field)
        if i is None or i >= len(cells):
            return ""
        text = " ".join(cells[i].split()) if "\n" in cells[i] else cells[i].strip()
        limit = MAX_LENGTH.get(field)
        if limit and len(text) > limit:
            raise ImportProblem(
                gettext_noop("longer than %(limit)d characters"),
                row=row,
                column=columns[i],
                value=text,
                params={"limit": limit},
            )
        return text

    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
        raise ImportProblem(
            gettext_noop("%(cells)d cells but the header has %(columns)d columns"),
            row=row,
            params={"cells": len(cells), "columns": len(columns)},
        )
    surname, given, patronymic = value("surname"), value("given_name"), value("patronymic")
    printed = value("full_name") or " ".join(p for p in (surname, given, patronymic) if p)
    if not printed:
        field = "full_name" if "full_name" in index else "surname"
        column = columns[index[field]] if field in index else field
        raise ImportProblem(gettext_noop("no name in this row"), row=row, column=column)
    birth: tuple[int | None, int | None, int | None] = (None, None, None)
    born = value("birth_date")
    if born:
        birth = _check_date(born, row, columns[index["birth_date"]])[:3]
    happened = value("event_date")
    event_iso = _check_date(happened, row, columns[index["event_date"]])[3] if happened else ""
    sex_text = value("sex")
    sex = SEX.get(sex_text.lower().strip("."))
    if sex is None:
        raise ImportProblem(
            gettext_noop("sex must be m/f (or м/ж, ч/ж)"),
            row=row,
            column=columns[index["sex"]],
            value=sex_text,
        )
    unit = value("unit")
    return RecordRow(
        row_number=row,
        name_as_printed=printed,
        surname=surname,
        given_name=given,
        patronymic=patronymic,
        birth=birth,
        birth_place=value("birth_place"),
        region=value("region"),
        unit=unit,
        unit_key=_unit_key(unit) if unit else "",
        rank=value("rank"),
        sex=sex,
        status=value("status"),
        event_date=event_iso,
        event_place=value("event_place"),
        external_id=value("external_id"),
        original=dict(zip(columns, cells, strict=False)),
    )


def check_rows(
    table: Table,
    mapping: dict[str, str],
    *,
    progress: Callable[[int], None] | None = None,
    every: int = 10_000,
) -> Iterator[RecordRow]:
    """Checked rows of the table in order; raises :class:`ImportProblem` on the first bad one."""
    index = {field: table.columns.index(column) for field, column in mapping.items()}
    number = 0
    for number, cells in enumerate(table.rows(), 1):
        yield record_row(cells, table.columns, index, number)
        if progress is not None and number % every == 0:
            progress(number)
    if progress is not None:
        progress(number)
