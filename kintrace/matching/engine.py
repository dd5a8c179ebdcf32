"""The only door to kintrace.linkage: cases and records in, scored candidates out.

Records' features are prepared once and kept per process (keyed by the records' count and
last id), so that matching one edited case against many records takes milliseconds.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from kintrace import linkage
from kintrace.cases.models import Person
from kintrace.lists.models import Record

Evidence = list[list]  # [[field, level label, weight], ...]


@dataclass(frozen=True)
class Found:
    case_id: int
    record_id: int
    probability: float
    match_weight: float
    evidence: Evidence


def person_row(person: Person) -> dict[str, str | None]:
    born = None
    if person.birth_year:
        born = f"{person.birth_year:04d}"
        if person.birth_month:
            born += f"-{person.birth_month:02d}"
            if person.birth_day:
                born += f"-{person.birth_day:02d}"
    return {
        "id": f"c{person.case_id}",
        "surname": person.surname or None,
        "given_name": person.given_name or None,
        "patronymic": person.patronymic or None,
        "birth_date": born,
        "birth_place": person.birth_place or None,
        "region": person.region or None,
        "unit": person.military_unit or None,
    }


RECORD_FIELDS = (
    "id",
    "name_as_printed",
    "surname",
    "given_name",
    "patronymic",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_place",
    "region",
    "military_unit",
    "sex",
)


def record_row(values: dict) -> dict[str, str | None]:
    born = None
    if values["birth_year"]:
        born = f"{values['birth_year']:04d}"
        if values["birth_month"]:
            born += f"-{values['birth_month']:02d}"
            if values["birth_day"]:
                born += f"-{values['birth_day']:02d}"
    parts = values["surname"] or values["given_name"]
    return {
        "id": f"r{values['id']}",
        "full_name": None if parts else values["name_as_printed"],
        "surname": values["surname"] or None,
        "given_name": values["given_name"] or None,
        "patronymic": values["patronymic"] or None,
        "birth_date": born,
        "birth_place": values["birth_place"] or None,
        "region": values["region"] or None,
        "unit": values["military_unit"] or None,
        "sex": values["sex"] or None,
    }


def _record_rows(records) -> list[dict]:
    return [record_row(v) for v in records.values(*RECORD_FIELDS).iterator(chunk_size=5000)]


_lock = threading.Lock()
_cache: dict[str, object] = {}


def record_index() -> linkage.Index | None:
    """An index of every record, rebuilt when records were added or removed."""
    last = Record.objects.order_by("-id").values_list("id", flat=True).first()
    key = f"{Record.objects.count()}:{last}"
    with _lock:
        if _cache.get("key") != key:
            rows = _record_rows(Record.objects.all())
            _cache["index"] = linkage.Index.build(rows) if rows else None
            _cache["key"] = key
        return _cache["index"]  # type: ignore[return-value]


def _evidence(items) -> Evidence:
    return [[field, label, round(float(weight), 3)] for field, label, weight in items]


def search_person(person: Person, *, threshold: float, top: int = 20) -> list[Found]:
    """Records that may be this person, best first (one-against-many)."""
    index = record_index()
    if index is None:
        return []
    found = index.search(person_row(person), top=top, threshold=threshold)
    return [
        Found(person.case_id, int(c.id[1:]), c.probability, c.match_weight, _evidence(c.evidence))
        for c in found
    ]


def link_records(records, persons: Iterable[Person], *, threshold: float) -> list[Found]:
    """Pairs of (case, record) at or above the threshold, for a batch of records."""
    left = [person_row(p) for p in persons]
    right = _record_rows(records)
    if not left or not right:
        return []
    pairs = linkage.link(left, right, threshold=threshold, explain=True)
    model = _model_of(pairs)
    out = []
    for row in pairs.to_pylist():
        evidence = linkage.explain(row, model)
        out.append(
            Found(
                int(row["left_id"][1:]),
                int(row["right_id"][1:]),
                float(row["probability"]),
                float(row["match_weight"]),
                _evidence(evidence),
            )
        )
    return out


def same_people(records, others, *, threshold: float) -> list[tuple[int, int]]:
    """Pairs (record id, other record id) that are the same person in two sets of records."""
    left, right = _record_rows(records), _record_rows(others)
    if not left or not right:
        return []
    pairs = linkage.link(left, right, threshold=threshold)
    return [
        (int(a[1:]), int(b[1:]))
        for a, b in zip(pairs["left_id"].to_pylist(), pairs["right_id"].to_pylist(), strict=True)
    ]


def _model_of(pairs) -> linkage.Model | None:
    meta = pairs.schema.metadata or {}
    raw = meta.get(b"kintrace_model")
    return linkage.Model(json.loads(raw)) if raw else None
