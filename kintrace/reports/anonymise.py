"""The anonymised record-level export of cases for researchers, k-anonymous by construction
and checked on the records it writes.

Quasi-identifiers (what someone who knows a family could match on) are generalised: birth
year in 5-year bands, region (never a settlement), month of the request (never the day),
unit only where at least k people share it, type of service. While more than a small share
of the records sit in groups under k, the quasi-identifier with the most distinct values is
generalised one step further (month -> quarter -> year -> left out, 5-year band -> 10-year
band -> left out, region -> left out, ...); the records still in groups under k are left
out. Identifying fields (names, phones, exact dates, places, free text, photos, the case
reference) are never read.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.cases.models import OPEN_STATUSES
from kintrace.cases.models import Case as CaseModel
from kintrace.reports.coercion import coerced_conditions
from kintrace.reports.dimensions import period_buckets
from kintrace.reports.exports import comment_lines

QUASI_IDENTIFIERS = ("birth_years", "region", "requested", "service_type", "unit")
SENSITIVE = ("outcome", "contract", "phone_taken")
FIELDS = QUASI_IDENTIFIERS + SENSITIVE
NEVER = (
    _("names"),
    _("birth dates"),
    _("phone numbers"),
    _("places of birth and last known locations"),
    _("exact dates"),
    _("free text: notes, messages, marks, what the family wrote"),
    _("photos"),
    _("case references"),
)
# Leaving out more than this share of the records generalises further instead.
MAX_LEFT_OUT = 0.05


def _birth_band(width: int):
    return Cast(F("person__birth_year") / Value(width), IntegerField()) * Value(width)


# Each quasi-identifier's steps, finest first; the last step leaves it out.
LADDERS = {
    "requested": ("month", "quarter", "year", "none"),
    "birth_years": ("5", "10", "none"),
    "region": ("region", "none"),
    "unit": ("unit", "none"),
    "service_type": ("kept", "none"),
}


def _expression(name: str, step: str, frequent_units: list[str], cases):
    if step == "none":
        return Value("", output_field=CharField())
    if name == "requested":
        return period_buckets("created_at", cases, step)
    if name == "birth_years":
        return _birth_band(int(step))
    if name == "region":
        return F("person__region")
    if name == "unit":
        return Case(
            When(person__unit_key__in=frequent_units, then=F("person__unit_key")),
            default=Value(""),
            output_field=CharField(),
        )
    return F("person__service_type")


def _shown(name: str, step: str, value) -> str:
    """The exported text of a generalised value."""
    if value is None or value == "" or step == "none":
        return ""
    if name == "requested":
        return str(value)  # already 2022-03, 2022-Q1 or 2022
    if name == "birth_years":
        return f"{value}-{value + int(step) - 1}"
    return str(value)


@dataclass
class Anonymised:
    k: int
    steps: dict[str, str]
    records: list[dict[str, str]]
    left_out: int
    total: int
    made_at: str = field(default_factory=lambda: timezone.localtime().strftime("%Y-%m-%d %H:%M"))

    def smallest_group(self) -> int:
        groups = Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in self.records)
        return min(groups.values(), default=0)

    def header(self) -> list[tuple[str, str]]:
        return [
            (
                "k-anonymity",
                f"k={self.k}: every combination of {', '.join(QUASI_IDENTIFIERS)} "
                f"is shared by at least {self.k} records of this file (checked on it)",
            ),
            ("generalisation", ", ".join(f"{q}: {s}" for q, s in self.steps.items())),
            (
                "records",
                f"{len(self.records)} of {self.total} cases; {self.left_out} left out "
                f"because they stayed in groups under {self.k}",
            ),
            ("never exported", ", ".join(str(n) for n in NEVER)),
            ("made", self.made_at),
        ]


def _frequent_units(cases, k: int) -> list[str]:
    counted = (
        cases.exclude(person__unit_key="")
        .values("person__unit_key")
        .annotate(n=Count("pk"))
        .filter(n__gte=k)
        .values_list("person__unit_key", flat=True)
    )
    return list(counted)


def _qi_annotations(steps: dict[str, str], frequent_units: list[str], cases) -> dict:
    """The quasi-identifiers not left out (a left-out one is the same for every record)."""
    return {
        f"qi_{q}": _expression(q, steps[q], frequent_units, cases)
        for q in QUASI_IDENTIFIERS
        if steps[q] != "none"
    }


def _sensitive_annotations() -> dict:
    too_early, under_pressure = coerced_conditions()
    has_contract = Q(person__contract_date__isnull=False) | Q(person__contract_under_pressure=True)
    return {
        "outcome": Case(
            When(status__in=OPEN_STATUSES, then=Value("open")),
            default=F("status"),
            output_field=CharField(),
        ),
        "contract": Case(
            When(has_contract & too_early, then=Value("before minimum service")),
            When(has_contract & under_pressure, then=Value("under pressure")),
            When(has_contract, then=Value("no flag")),
            default=Value("no contract"),
            output_field=CharField(),
        ),
        "phone_taken": Case(
            When(person__phone_taken=True, then=Value("yes")),
            When(person__phone_taken=False, then=Value("no")),
            default=Value(""),
            output_field=CharField(),
        ),
    }


def choose_steps(cases, *, k: int, frequent_units: list[str]) -> tuple[dict[str, str], int]:
    """The finest generalisation that leaves out at most MAX_LEFT_OUT of the records."""
    total = cases.count()
    steps = {q: LADDERS[q][0] for q in QUASI_IDENTIFIERS}
    while True:
        annotations = _qi_annotations(steps, frequent_units, cases)
        names = list(annotations)
        groups = list(
            cases.annotate(**annotations)
            .values(*names)
            .annotate(n=Count("pk"))
            .order_by()
            .values_list(*names, "n")
        )
        small = sum(g[-1] for g in groups if g[-1] < k)
        if small <= MAX_LEFT_OUT * total or not names:
            return steps, small
        # Generalise what splits the records most: the most distinct values now.
        distinct = {name: len({g[i] for g in groups}) for i, name in enumerate(names)}
        widest = max(names, key=lambda n: (distinct[n], -names.index(n)))[len("qi_") :]
        ladder = LADDERS[widest]
        steps[widest] = ladder[ladder.index(steps[widest]) + 1]


def anonymised_cases(*, k: int) -> Anonymised:
    cases = CaseModel.objects.filter(person__isnull=False)
    frequent_units = _frequent_units(cases, k)
    steps, _small = choose_steps(cases, k=k, frequent_units=frequent_units)
    annotations = _qi_annotations(steps, frequent_units, cases)
    names = list(annotations)
    rows = (
        cases.annotate(**annotations, **_sensitive_annotations())
        .annotate(group_size=Window(Count("pk"), partition_by=[F(n) for n in names] or None))
        .filter(group_size__gte=k)
        .order_by(*names, "outcome")
        .values_list(*names, *SENSITIVE)
    )
    records = []
    for row in rows.iterator(chunk_size=5000):
        values = dict(zip(names, row, strict=False))
        record = {q: _shown(q, steps[q], values.get(f"qi_{q}")) for q in QUASI_IDENTIFIERS}
        record.update(zip(SENSITIVE, row[len(names) :], strict=True))
        records.append(record)
    total = cases.count()
    result = Anonymised(
        k=k, steps=steps, records=records, left_out=total - len(records), total=total
    )
    if records and result.smallest_group() < k:  # the export checks itself before it leaves
        raise AssertionError("anonymised export is not k-anonymous")
    return result


def to_csv(result: Anonymised) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(comment_lines(result.header()))
    writer.writerow(FIELDS)
    for record in result.records:
        writer.writerow([record[f] for f in FIELDS])
    return buffer.getvalue().encode("utf-8-sig")


def to_json(result: Anonymised) -> bytes:
    document = {
        "k": result.k,
        "header": dict(result.header()),
        "quasi_identifiers": list(QUASI_IDENTIFIERS),
        "fields": list(FIELDS),
        "records": result.records,
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
