"""What report rows are grouped by: month, region, unit, type of service.

Region and unit are typed by families, so a rare value could point at one family: groups
under the threshold are folded into one "other" row, and their names are never shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Case, CharField, F, Max, Min, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from kintrace.cases.models import ServiceType

OTHER = "~other"
NOT_STATED = ""
MAX_ROWS = 40  # more groups than this: the smallest go into "other" (a page stays readable)


def month_key(value) -> str:
    """`YYYY-MM` of a month start, whatever type the database gave it back as."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    return str(value)[:7]


def month_label(key: str) -> str:
    year, month = (int(part) for part in key.split("-"))
    return formats.date_format(dt.date(year, month, 1), "YEAR_MONTH_FORMAT")


def months_between(first: str, last: str) -> list[str]:
    year, month = (int(p) for p in first.split("-"))
    keys = []
    while f"{year:04d}-{month:02d}" <= last:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    # The grouping, given the path to a case ("" or "case__") and the rows to be grouped.
    expression: Callable[[str, object], object]
    key_of: Callable[[object], str]
    label_of: Callable[[str], str]
    fold_small: bool = False
    fill_months: bool = False
    # The same grouping on what is kept of erased cases; None: erased cases do not have it.
    erased: Callable[[], object] | None = None

    def arrange(
        self, counted: dict[str, Sequence[int]], *, threshold: int, width: int
    ) -> tuple[list[tuple[str, str]], list[list[int]]]:
        """Rows in order, with small or surplus groups folded into "other" when they must be."""
        counted = dict(counted)
        if self.fill_months and counted:
            for key in months_between(min(counted), max(counted)):
                counted.setdefault(key, [0] * width)
        if self.fold_small:
            stated = sorted(
                (k for k in counted if k != NOT_STATED), key=lambda k: (-sum(counted[k]), k)
            )
            folded = [
                k for i, k in enumerate(stated) if sum(counted[k]) < threshold or i >= MAX_ROWS
            ]
            if folded:
                other = [sum(counted[k][j] for k in folded) for j in range(width)]
                for key in folded:
                    del counted[key]
                counted[OTHER] = other
            order = [k for k in stated if k in counted] + [
                k for k in (OTHER, NOT_STATED) if k in counted
            ]
        else:
            order = sorted(counted)
        return [(key, self.row_label(key)) for key in order], [list(counted[k]) for k in order]

    def row_label(self, key: str) -> str:
        if key == OTHER:
            return str(_("Others, each fewer than shown alone"))
        if key == NOT_STATED:
            return str(_("Not stated"))
        return self.label_of(key)


def _service_label(key: str) -> str:
    try:
        return str(ServiceType(key).label)
    except ValueError:
        return key


def period_buckets(field: str, rows, step: str = "month") -> object:
    """The local month (`2022-03`), quarter (`2022-Q1`) or year (`2022`) of a date-time, as
    comparisons with the periods' first moments: no date function per row, right in any
    time zone."""
    span = rows.aggregate(first=Min(field), last=Max(field))
    if span["first"] is None:
        return Value("", output_field=CharField())
    zone = timezone.get_current_timezone()
    starts: dict[str, dt.datetime] = {}
    for key in months_between(month_key(span["first"]), month_key(span["last"])):
        year, month = (int(p) for p in key.split("-"))
        if step == "quarter":
            key, month = f"{year}-Q{(month - 1) // 3 + 1}", (month - 1) // 3 * 3 + 1
        elif step == "year":
            key, month = str(year), 1
        starts.setdefault(key, dt.datetime(year, month, 1, tzinfo=zone))
    return Case(
        *(When(**{f"{field}__gte": s}, then=Value(k)) for k, s in reversed(starts.items())),
        default=Value(""),
        output_field=CharField(),
    )


def month_of_request(prefix: str, rows) -> object:
    return period_buckets(f"{prefix}created_at", rows)


MONTH = Dimension(
    "month",
    _("Month"),
    month_of_request,
    month_key,
    month_label,
    fill_months=True,
    erased=lambda: F("opened_month"),
)
REGION = Dimension(
    "region",
    _("Region"),
    lambda prefix, rows: F(f"{prefix}person__region"),
    lambda value: value or NOT_STATED,
    str,
    fold_small=True,
    erased=lambda: F("region"),
)
UNIT = Dimension(
    "unit",
    _("Military unit"),
    lambda prefix, rows: F(f"{prefix}person__unit_key"),
    lambda value: value or NOT_STATED,
    lambda key: str(_("unit %(number)s") % {"number": key}),
    fold_small=True,
    erased=lambda: Value(
        "", output_field=CharField()
    ),  # an erased case keeps no unit: counted as not stated
)
SERVICE_TYPE = Dimension(
    "service_type",
    _("Type of service"),
    lambda prefix, rows: F(f"{prefix}person__service_type"),
    lambda value: value or ServiceType.UNKNOWN.value,
    _service_label,
    erased=lambda: F("service_type"),
)
DIMENSIONS = {d.name: d for d in (MONTH, REGION, UNIT, SERVICE_TYPE)}
