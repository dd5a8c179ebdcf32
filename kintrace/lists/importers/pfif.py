"""PFIF 1.4 XML (Person Finder Interchange Format), parsed with defusedxml.

DTDs, entities and external references are refused, so XML external entities and entity
expansion bombs never expand. Each ``person`` becomes one row of its PFIF fields; the
latest of its ``note`` elements gives ``status`` and ``last_known_location``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, parse
from django.utils.translation import gettext_noop

from kintrace.lists.importers.base import ImportProblem, Limits, Table

PFIF_NS = {
    "http://zesty.ca/pfif/1.4",
    "http://zesty.ca/pfif/1.3",
    "http://zesty.ca/pfif/1.2",
}
# PFIF 1.4 person fields in the order of the specification (the exporter writes them all).
PFIF_PERSON_FIELDS = (
    "person_record_id",
    "entry_date",
    "expiry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_name",
    "source_date",
    "source_url",
    "full_name",
    "given_name",
    "family_name",
    "alternate_names",
    "description",
    "sex",
    "date_of_birth",
    "age",
    "home_street",
    "home_neighborhood",
    "home_city",
    "home_state",
    "home_postal_code",
    "home_country",
    "photo_url",
    "profile_urls",
)
# What an import reads: the authors' e-mail and phone are someone's contact details, not the
# listed person's, and are left in the file.
PERSON_FIELDS = tuple(f for f in PFIF_PERSON_FIELDS if f not in ("author_email", "author_phone"))
NOTE_FIELDS = ("status", "last_known_location", "source_date", "text")
COLUMNS = [*PERSON_FIELDS, "status", "last_known_location", "note_date", "note_text"]


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def read(path: Path, limits: Limits) -> Table:
    size = path.stat().st_size
    if size > limits.max_xml_bytes:
        raise ImportProblem(
            gettext_noop("the XML file is %(size)d MB; at most %(limit)d MB"),
            params={"size": size >> 20, "limit": limits.max_xml_bytes >> 20},
        )
    try:
        tree = parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ImportProblem(
            gettext_noop(
                "the XML declares a DTD, entities or external references (%(what)s); refused"
            ),
            params={"what": type(exc).__name__},
        ) from None
    except ParseError as exc:
        raise ImportProblem(
            gettext_noop("not well-formed XML: %(error)s"), params={"error": str(exc)}
        ) from None
    root = tree.getroot()
    ns, name = _local(root.tag)
    if name != "pfif" or ns not in PFIF_NS:
        raise ImportProblem(
            gettext_noop("not a PFIF document (the root must be pfif:pfif, version 1.2-1.4)")
        )
    people = [el for el in root if _local(el.tag)[1] == "person"]
    loose_notes = [el for el in root if _local(el.tag)[1] == "note"]

    def fields(element, names) -> dict[str, str]:
        out = {}
        for child in element:
            key = _local(child.tag)[1]
            if key in names:
                out[key] = (child.text or "").strip()
        return out

    notes_by_person: dict[str, list[dict[str, str]]] = {}
    for note in loose_notes:
        values = fields(note, (*NOTE_FIELDS, "person_record_id"))
        notes_by_person.setdefault(values.get("person_record_id", ""), []).append(values)

    def rows() -> Iterator[list[str]]:
        for person in people:
            values = fields(person, PERSON_FIELDS)
            notes = [fields(n, NOTE_FIELDS) for n in person if _local(n.tag)[1] == "note"]
            notes += notes_by_person.get(values.get("person_record_id", ""), [])
            notes.sort(key=lambda n: n.get("source_date", ""))
            latest = notes[-1] if notes else {}
            values["status"] = latest.get("status", "")
            values["last_known_location"] = latest.get("last_known_location", "")
            values["note_date"] = latest.get("source_date", "")
            values["note_text"] = latest.get("text", "")
            yield [values.get(c, "") for c in COLUMNS]

    return Table(list(COLUMNS), rows, "pfif", {"version": ns.rsplit("/", 1)[-1]})
