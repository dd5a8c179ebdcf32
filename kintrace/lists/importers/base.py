"""The table every reader returns, the error every reader raises, and the size limits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext, gettext_noop


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile file from exhausting memory or disk."""

    max_line_bytes: int = 1 << 20  # one CSV line
    max_cell_chars: int = 10_000
    max_columns: int = 200
    max_json_bytes: int = 200 << 20
    max_xml_bytes: int = 200 << 20
    max_xlsx_unpacked_bytes: int = 500 << 20
    max_xlsx_ratio: int = 200  # unpacked / packed size of one zip member


LIMITS = Limits()


class ImportProblem(ValueError):
    """One thing wrong with a file; ``row`` counts data rows from 1 (0: the file or header).

    ``why`` is an English message id with ``%(name)s`` placeholders filled from ``params``;
    it is translated when shown, so a refused import kept in the database reads in the
    language of whoever looks at it.
    """

    def __init__(
        self,
        why: str,
        *,
        row: int = 0,
        column: str = "",
        value: str = "",
        params: dict[str, str | int] | None = None,
    ):
        self.row, self.column, self.value, self.why = row, column, value, why
        self.params = params or {}
        super().__init__(str(self))

    def message(self) -> str:
        return problem_message(self.why, self.params)

    def __str__(self) -> str:
        where = [gettext("row %(row)d") % {"row": self.row} if self.row else gettext("file")]
        if self.column:
            where.append(gettext("column %(column)s") % {"column": self.column})
        value = f" {self.value[:80]!r}:" if self.value else ""
        return f"{', '.join(where)}:{value} {self.message()}"

    def as_dict(self) -> dict[str, object]:
        """For the job's row and the API: the message in English, its id and its values."""
        with translation.override(None):
            english = self.message()
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value[:200],
            "why": english,
            "message_id": self.why,
            "params": self.params,
        }


def problem_message(why: str, params: dict | None) -> str:
    """A problem's message in the active language; the English text when it has no id."""
    text = gettext(why)
    if not params:
        return text
    try:
        return text % params
    except (KeyError, TypeError, ValueError):  # a catalogue that lost a placeholder
        return why % params


@dataclass
class Table:
    """A header and a stream of rows; iterate ``rows()`` once per pass."""

    columns: list[str]
    opener: Callable[[], Iterator[list[str]]]
    format: str
    details: dict[str, str] = field(default_factory=dict)  # encoding, delimiter, sheet, ...

    def rows(self) -> Iterator[list[str]]:
        return self.opener()


FORMATS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".json": "json"}
FORMATS |= {".xml": "pfif", ".pfif": "pfif"}


def format_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ImportProblem(
            gettext_noop("unknown file type %(type)s; use one of %(known)s"),
            params={"type": repr(suffix or "(none)"), "known": known},
        )
    return FORMATS[suffix]


def clean_header(names: list[str], limits: Limits) -> list[str]:
    if len(names) > limits.max_columns:
        raise ImportProblem(
            gettext_noop("%(columns)d columns; at most %(limit)d are read"),
            params={"columns": len(names), "limit": limits.max_columns},
        )
    out, seen = [], set()
    for i, raw in enumerate(names, 1):
        name = " ".join(str(raw or "").split()) or f"column {i}"
        while name in seen:
            name = f"{name} ({i})"
        seen.add(name)
        out.append(name)
    return out


def open_table(path: str | Path, *, name: str | None = None, limits: Limits = LIMITS) -> Table:
    """Open a list file; ``name`` (the uploaded name) chooses the format, else ``path``."""
    from kintrace.lists.importers import csv_file, json_file, pfif, xlsx

    path = Path(path)
    kind = format_of(name or path.name)
    readers = {"csv": csv_file.read, "xlsx": xlsx.read, "json": json_file.read, "pfif": pfif.read}
    return readers[kind](path, limits)
