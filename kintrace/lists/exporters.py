"""Writing records and shared cases as PFIF 1.4, CSV and JSON.

Pure functions over plain dicts; ``export.py`` turns records and cases into them. CSV cells
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) get a leading ``'``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO
from xml.sax.saxutils import escape

from kintrace.lists.importers.csv_file import FORMULA_START
from kintrace.lists.importers.pfif import PFIF_PERSON_FIELDS

PFIF_NS = "http://zesty.ca/pfif/1.4"
PERSON_FIELDS = PFIF_PERSON_FIELDS
NOTE_FIELDS = (
    "note_record_id",
    "person_record_id",
    "linked_person_record_id",
    "entry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_date",
    "author_made_contact",
    "status",
    "email_of_found_person",
    "phone_of_found_person",
    "last_known_location",
    "text",
    "photo_url",
)
MANDATORY = {
    "person": ("person_record_id", "source_date", "full_name"),
    "note": ("note_record_id", "author_name", "source_date", "text"),
}
NOTE_STATUSES = (
    "information_sought",
    "is_note_author",
    "believed_alive",
    "believed_missing",
    "believed_dead",
)
SEX = {"m": "male", "f": "female"}

Person = tuple[dict[str, str], list[dict[str, str]]]  # a person and its notes


def _clean(text: str) -> str:
    """Only characters XML allows, escaped."""
    allowed = "".join(
        c for c in text if c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"
    )
    return escape(allowed)


def _fields(kind: str, order: tuple[str, ...], record: dict[str, str], indent: str) -> str:
    lines = []
    for field in order:
        value = record.get(field) or ""
        if value or field in MANDATORY[kind]:
            lines.append(f"{indent}<pfif:{field}>{_clean(str(value))}</pfif:{field}>\n")
    return "".join(lines)


def write_pfif(out: IO[str], people: Iterable[Person]) -> int:
    """Write a PFIF 1.4 document; returns the number of person records."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<pfif:pfif xmlns:pfif="{PFIF_NS}">\n')
    count = 0
    for person, notes in people:
        out.write("  <pfif:person>\n")
        out.write(_fields("person", PERSON_FIELDS, person, "    "))
        for note in notes:
            out.write("    <pfif:note>\n")
            out.write(_fields("note", NOTE_FIELDS, note, "      "))
            out.write("    </pfif:note>\n")
        out.write("  </pfif:person>\n")
        count += 1
    out.write("</pfif:pfif>\n")
    return count


def neutralise(cell: object) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text and text[0] in FORMULA_START else text


def write_csv(out: IO[str], columns: list[str], rows: Iterable[dict]) -> int:
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([neutralise(row.get(c)) for c in columns])
        count += 1
    return count


def write_json(out: IO[str], rows: Iterable[dict]) -> int:
    out.write('{"records": [')
    count = 0
    for row in rows:
        out.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
