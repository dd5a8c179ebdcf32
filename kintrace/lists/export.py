"""Records and shared cases as rows for the exporters; an export is audited by its caller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from kintrace.cases.models import Case, Status
from kintrace.lists.exporters import SEX, Person
from kintrace.lists.importers.mapping import FIELDS as MAPPABLE_FIELDS
from kintrace.lists.models import ListKind, Record

# Columns of a CSV or JSON export: the import's field names, so it reads straight back.
RECORD_COLUMNS = list(MAPPABLE_FIELDS)
NOTE_STATUS_FOR_KIND = {
    ListKind.KILLED: "believed_dead",
    ListKind.PRISONERS: "believed_alive",
    ListKind.WOUNDED: "believed_alive",
    ListKind.EXCHANGED: "believed_alive",
    ListKind.MISSING: "believed_missing",
}
NOTE_STATUS_FOR_CASE = {
    Status.FOUND_ALIVE: "believed_alive",
    Status.FOUND_CAPTURED: "believed_alive",
    Status.FOUND_DEAD: "believed_dead",
}


def domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "kintrace.local"


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _born(year, month, day) -> str:
    if not year:
        return ""
    text = f"{year:04d}"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def record_row(record: Record) -> dict[str, str]:
    return {
        "full_name": record.name_as_printed,
        "surname": record.surname,
        "given_name": record.given_name,
        "patronymic": record.patronymic,
        "birth_date": _born(record.birth_year, record.birth_month, record.birth_day),
        "birth_place": record.birth_place,
        "region": record.region,
        "unit": record.military_unit,
        "rank": record.rank,
        "sex": record.sex,
        "status": record.status_in_list,
        "event_date": record.event_date,
        "event_place": record.event_place,
        "external_id": record.external_id,
    }


def record_rows(records: QuerySet[Record]) -> Iterator[dict[str, str]]:
    for record in records.iterator(chunk_size=5000):
        yield record_row(record)


def record_pfif(record: Record) -> Person:
    source = record.source_list
    person_id = (
        record.external_id if "/" in record.external_id else f"{domain()}/record.{record.pk}"
    )
    when = _utc(source.imported_at)
    details = [f"{label}: {value}" for label, value in (
        ("patronymic", record.patronymic), ("unit", record.military_unit),
        ("rank", record.rank), ("event date", record.event_date),
    ) if value]  # fmt: skip
    person = {
        "person_record_id": person_id,
        "entry_date": when,
        "source_name": source.publisher or source.name,
        "source_date": when,
        "source_url": source.published_where if "://" in source.published_where else "",
        "full_name": record.name_as_printed,
        "given_name": record.given_name,
        "family_name": record.surname,
        "description": "\n".join(details),
        "sex": SEX.get(record.sex, ""),
        "date_of_birth": _born(record.birth_year, record.birth_month, record.birth_day),
        "home_city": record.birth_place,
        "home_state": record.region,
    }
    note = {
        "note_record_id": f"{domain()}/note.record.{record.pk}",
        "person_record_id": person_id,
        "entry_date": when,
        "author_name": source.publisher or source.name,
        "source_date": when,
        "status": NOTE_STATUS_FOR_KIND.get(source.kind, ""),
        "last_known_location": record.event_place,
        "text": record.status_in_list or source.get_kind_display(),
    }
    return person, [note]


def shared_cases() -> QuerySet[Case]:
    """Cases whose family agreed to share them with partner organisations."""
    return Case.objects.filter(requester__consent_share_partners=True).select_related(
        "person", "requester"
    )


def case_pfif(case: Case) -> Person:
    person_id = f"{domain()}/case.{case.pk}"
    p = case.person
    when = _utc(case.updated_at)
    person = {
        "person_record_id": person_id,
        "entry_date": _utc(timezone.now()),
        "source_name": settings.ORGANISATION_NAME,
        "source_date": when,
        "full_name": p.full_name,
        "given_name": p.given_name,
        "family_name": p.surname,
        "sex": "male",
        "date_of_birth": _born(p.birth_year, p.birth_month, p.birth_day),
        "home_city": p.birth_place,
        "home_state": p.region,
        "description": f"unit: {p.military_unit}" if p.military_unit else "",
    }
    note = {
        "note_record_id": f"{domain()}/note.case.{case.pk}",
        "person_record_id": person_id,
        "author_name": settings.ORGANISATION_NAME,
        "source_date": when,
        "status": NOTE_STATUS_FOR_CASE.get(case.status, "information_sought"),
        "text": case.get_status_display(),
    }
    return person, [note]


CASE_COLUMNS = [
    "person_record_id",
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "birth_place",
    "region",
    "unit",
    "status",
]


def case_row(case: Case) -> dict[str, str]:
    """A shared case for CSV and JSON: the sought person and the status, nothing of the family."""
    p = case.person
    return {
        "person_record_id": f"{domain()}/case.{case.pk}",
        "surname": p.surname,
        "given_name": p.given_name,
        "patronymic": p.patronymic,
        "birth_date": _born(p.birth_year, p.birth_month, p.birth_day),
        "birth_place": p.birth_place,
        "region": p.region,
        "unit": p.military_unit,
        "status": case.status,
    }
