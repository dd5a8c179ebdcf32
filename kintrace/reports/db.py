"""Database expressions the ORM lacks, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.db import connection
from django.db.models import BooleanField, Func, IntegerField, QuerySet


def days_sql(vendor: str, start: str, end: str) -> str:
    """SQL for whole days from one date-time to a later one (rounded down)."""
    if vendor == "sqlite":
        # Whole seconds first (julianday is a float), then whole days.
        return f"(CAST((julianday({end}) - julianday({start})) * 86400 + 0.5 AS INTEGER) / 86400)"
    return f"FLOOR(EXTRACT(EPOCH FROM ({end} - {start})) / 86400)::integer"


class DaysBetween(Func):
    """Whole days from one date-time to a later one (rounded down)."""

    output_field = IntegerField()
    arity = 2

    def as_sql(self, compiler, conn, **extra):
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        return days_sql(conn.vendor, start, end), (*end_params, *start_params)


class DaysBetweenDates(Func):
    """Days from one date to another."""

    output_field = IntegerField()
    arity = 2

    def as_sql(self, compiler, conn, **extra):  # PostgreSQL: date - date is whole days
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        return f"({end} - {start})", (*end_params, *start_params)

    def as_sqlite(self, compiler, conn, **extra):
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        sql = f"CAST(ROUND(julianday({end}) - julianday({start})) AS INTEGER)"
        return sql, (*end_params, *start_params)


class _DatePart(Func):
    """A part of a date column without Python functions on SQLite (dates are ISO text there)."""

    output_field = IntegerField()
    arity = 1
    sqlite_template = ""
    postgres_template = ""

    def as_sql(self, compiler, conn, **extra):
        (date, params) = compiler.compile(self.source_expressions[0])
        return self.postgres_template.format(date=date), params

    def as_sqlite(self, compiler, conn, **extra):
        (date, params) = compiler.compile(self.source_expressions[0])
        return self.sqlite_template.format(date=date), params


class MonthIndex(_DatePart):
    """year * 12 + month: months apart is a subtraction."""

    sqlite_template = (
        "(CAST(substr({date}, 1, 4) AS INTEGER) * 12 + CAST(substr({date}, 6, 2) AS INTEGER))"
    )
    postgres_template = (
        "(EXTRACT(YEAR FROM {date})::integer * 12 + EXTRACT(MONTH FROM {date})::integer)"
    )


class DayOfMonth(_DatePart):
    sqlite_template = "CAST(substr({date}, 9, 2) AS INTEGER)"
    postgres_template = "EXTRACT(DAY FROM {date})::integer"


class IsLastDayOfMonth(_DatePart):
    output_field = BooleanField()
    sqlite_template = "(strftime('%%d', {date}, '+1 day') = '01')"
    postgres_template = "(EXTRACT(DAY FROM {date} + 1) = 1)"


def percentile_table(
    rows: QuerySet, *, group, values: dict[str, object], fractions: Sequence[float] = (0.5, 0.9)
) -> tuple[dict[object, dict[str, tuple[int, list]]], dict[str, tuple[int, list]]]:
    """Several values at once: per group and for all rows, how many rows have the value and
    its nearest-rank percentiles (the smallest value with at least that share at or under it).

    The database computes each value once per row and counts rows per group and value (one
    statement); the percentiles are read off those counts, whose size is bounded by the
    distinct values (days), never by the rows.
    """
    names = list(values)
    inner = rows.annotate(kt_group=group, **{f"kt_{n}": e for n, e in values.items()})
    inner = inner.values("kt_group", *(f"kt_{n}" for n in names)).order_by()
    sql, params = inner.query.sql_with_params()
    return percentiles_of(f"WITH base AS MATERIALIZED ({sql})", params, names, fractions)


def percentiles_of(
    with_base: str, params, names: list[str], fractions: Sequence[float] = (0.5, 0.9)
) -> tuple[dict[object, dict[str, tuple[int, list]]], dict[str, tuple[int, list]]]:
    """`percentile_table` over a `WITH ... base AS (...)` clause giving kt_group and kt_NAME."""
    counts = " UNION ALL ".join(
        f"SELECT %s, kt_group, kt_{n}, COUNT(*) FROM base "  # noqa: S608
        f"WHERE kt_{n} IS NOT NULL GROUP BY kt_group, kt_{n}"
        for n in names
    )
    with connection.cursor() as cursor:
        cursor.execute(f"{with_base} {counts}", (*params, *names))
        found = cursor.fetchall()
    histograms: dict[str, dict[object, dict[int, int]]] = {n: {} for n in names}
    for name, key, value, count in found:
        histograms[name].setdefault(key, {})[int(value)] = count
    by_group: dict[object, dict[str, tuple[int, list]]] = {}
    overall = {}
    for name, per_group in histograms.items():
        everything: dict[int, int] = {}
        for key, histogram in per_group.items():
            by_group.setdefault(key, {})[name] = _nearest_rank(histogram, fractions)
            for value, count in histogram.items():
                everything[value] = everything.get(value, 0) + count
        overall[name] = _nearest_rank(everything, fractions)
    for stats in by_group.values():
        for name in names:
            stats.setdefault(name, (0, [None] * len(fractions)))
    return by_group, overall


def _nearest_rank(histogram: dict[int, int], fractions: Sequence[float]) -> tuple[int, list]:
    total = sum(histogram.values())
    picks: list[int | None] = []
    for fraction in fractions:
        rank = max(1, math.ceil(fraction * total - 1e-9))
        seen = 0
        pick = None
        for value in sorted(histogram):
            seen += histogram[value]
            if seen >= rank:
                pick = value
                break
        picks.append(pick if total else None)
    return total, picks
