"""The only door to kintrace.linkage: cases and records in, scored candidates out.

Records' features are prepared once and kept per process (keyed by the records' count and
last id), so that matching one edited case against many records takes milliseconds.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings

from kintrace import linkage
from kintrace.cases.models import Person
from kintrace.linkage.io import whole_file
from kintrace.lists.models import SourceList

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


@functools.cache
def _code_version() -> str:
    """A digest of the code and data that derive features: a change makes caches stale."""
    digest = hashlib.sha256()
    for package in ("kintrace.names", "kintrace.linkage"):
        root = Path(importlib.import_module(package).__file__).parent
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv", ".json", ".toml", ".txt"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def list_features(source_list: SourceList) -> pa.Table:
    """Prepared features of one list's records, cached as Parquet next to the data.

    A list never changes after its import, so its features are computed once per file and
    code version; ids are stored as row numbers, so the cache holds in any database.
    """
    folder = Path(settings.DATA_DIR) / "matching"
    name = f"{source_list.file_sha256 or source_list.pk}-{_code_version()}.parquet"
    path = folder / name
    ids = dict(source_list.records.values_list("row_number", "id"))
    if path.exists():
        feats = pq.read_table(path)
    else:
        values = source_list.records.values(*RECORD_FIELDS, "row_number")
        rows = [{**record_row(v), "id": str(v["row_number"])} for v in values.iterator(5000)]
        if not rows:
            return linkage.prepare([{"id": "x", "full_name": "x"}]).slice(0, 0)
        feats = linkage.prepare(rows)
        if source_list.file_sha256:
            folder.mkdir(parents=True, exist_ok=True)
            with whole_file(path) as partial:  # owner only: the keys of people's names
                pq.write_table(feats, partial)
    numbers = feats["unique_id"].to_pylist()
    ids_column = pa.array([f"r{ids[int(n)]}" for n in numbers], pa.string())
    return feats.set_column(feats.column_names.index("unique_id"), "unique_id", ids_column)


def features_of(lists) -> pa.Table | None:
    tables = [list_features(source_list) for source_list in lists]
    tables = [t for t in tables if t.num_rows]
    return pa.concat_tables(tables) if tables else None


_lock = threading.Lock()
_cache: dict[str, object] = {}


def record_index() -> linkage.Index | None:
    """An index of every record, rebuilt when a list was added or removed."""
    lists = list(SourceList.objects.order_by("pk"))
    key = ",".join(f"{s.pk}:{s.record_count}" for s in lists)
    with _lock:
        if _cache.get("key") != key:
            feats = features_of(lists)
            _cache["index"] = linkage.Index.build(feats) if feats is not None else None
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


def link_records(source_list, persons: Iterable[Person], *, threshold: float) -> list[Found]:
    """Pairs of (case, record) at or above the threshold, for one list's records."""
    left = [person_row(p) for p in persons]
    right = list_features(source_list)
    if not left or not right.num_rows:
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


def same_people(source_list, others, *, threshold: float) -> list[tuple[int, int]]:
    """Pairs (record id, other record id): the same person in one list and in other lists."""
    left, right = list_features(source_list), features_of(others)
    if right is None or not left.num_rows:
        return []
    pairs = linkage.link(left, right, threshold=threshold)
    return [
        (int(a[1:]), int(b[1:]))
        for a, b in zip(pairs["left_id"].to_pylist(), pairs["right_id"].to_pylist(), strict=True)
    ]


def _model_of(pairs) -> linkage.Model | None:
    meta = pairs.schema.metadata or {}
    return linkage.Model.of_result(pairs) if b"kintrace_model" in meta else None
