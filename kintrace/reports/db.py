"""Database expressions the ORM lacks, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import F, Func, IntegerField, QuerySet, Value, Window
from django.db.models.functions import CumeDist


class DaysBetween(Func):
    """Whole days from one date-time to a later one (rounded down)."""

    output_field = IntegerField()
    arity = 2

    def as_sql(self, compiler, conn, **extra):  # PostgreSQL
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        sql = f"FLOOR(EXTRACT(EPOCH FROM ({end} - {start})) / 86400)::integer"
        return sql, (*end_params, *start_params)

    def as_sqlite(self, compiler, conn, **extra):
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        # Whole seconds first (julianday is a float), then whole days.
        seconds = f"CAST((julianday({end}) - julianday({start})) * 86400 + 0.5 AS INTEGER)"
        sql = f"({seconds} / 86400)"
        return sql, (*end_params, *start_params)


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


def percentiles(
    rows: QuerySet, *, group, value, fractions: Sequence[float] = (0.5, 0.9)
) -> dict[object, tuple[int, list[int | None]]]:
    """Per group: how many rows have a value, and the nearest-rank percentiles of the value.

    The p-th percentile is the smallest value with at least p of the group at or under it
    (cumulative distribution in a window), computed in the database for every group at once.
    Rows without a value are left out. `group=None` gives one group for all rows.
    """
    group = Value(1) if group is None else group
    inner = (
        rows.annotate(kt_group=group, kt_value=value)
        .filter(kt_value__isnull=False)
        .annotate(
            kt_cume=Window(CumeDist(), partition_by=[F("kt_group")], order_by=F("kt_value").asc())
        )
        .values("kt_group", "kt_value", "kt_cume")
        .order_by()
    )
    sql, params = inner.query.sql_with_params()
    picks = ", ".join("MIN(CASE WHEN t.kt_cume >= %s THEN t.kt_value END)" for _ in fractions)
    outer = f"SELECT t.kt_group, COUNT(*), {picks} FROM ({sql}) t GROUP BY t.kt_group"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(outer, (*[f - 1e-9 for f in fractions], *params))
        found = cursor.fetchall()
    return {row[0]: (row[1], [None if v is None else int(v) for v in row[2:]]) for row in found}
