"""Reports on cases: outcomes, waiting times, coerced contracts and phones taken.

Every figure is one aggregate query (conditional counts grouped by the row dimension, or
percentiles in a window); Python only arranges the few aggregated rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Min, Q
from django.utils.translation import gettext_lazy as _

from kintrace.cases.models import OPEN_STATUSES, Case, ErasedCase, Event, EventKind, Status
from kintrace.reports.coercion import (
    NO_FLAG,
    TOO_EARLY,
    UNDER_PRESSURE,
    coercion_class,
    rule_description,
)
from kintrace.reports.db import days_sql, percentiles_of
from kintrace.reports.dimensions import MONTH, REGION, SERVICE_TYPE, UNIT, Dimension
from kintrace.reports.filters import Filters
from kintrace.reports.registry import Report, Source
from kintrace.reports.tables import Column, Row, Table, count_table, counts_column, days_cell

SOURCE = Source(
    "cases",
    _("Cases"),
    _(
        "Tracing requests filed with this organisation, one per sought person, and their "
        "timelines. The period applies to the day the request was received."
    ),
    "cases",
)

OUTCOME_STATUSES = (Status.FOUND_ALIVE, Status.FOUND_CAPTURED, Status.FOUND_DEAD, Status.CLOSED)


@dataclass(frozen=True)
class Measure:
    column: Column
    condition: Q


def cases(filters: Filters):
    return Case.objects.filter(filters.period_q("created_at"), filters.case_q())


def _grouped_by_class(queryset, dimension: Dimension, classify, classes) -> dict[str, list[int]]:
    """Counts per group and class, the class expression evaluated once per case."""
    aggregated = (
        queryset.values(kt_row=dimension.expression("", queryset), kt_class=classify)
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted: dict[str, list[int]] = {}
    for row in aggregated:  # one row per group and class, not per case
        key = dimension.key_of(row["kt_row"])
        counted.setdefault(key, [0] * len(classes))[classes.index(row["kt_class"])] += row["n"]
    return counted


def _grouped_counts(
    queryset, dimension: Dimension, measures: Sequence[Measure]
) -> dict[str, list[int]]:
    aggregated = (
        queryset.values(kt_row=dimension.expression("", queryset))
        .annotate(**{m.column.key: Count("pk", filter=m.condition) for m in measures})
        .order_by()
    )
    counted: dict[str, list[int]] = {}
    for row in aggregated:  # one row per group, not per case
        key = dimension.key_of(row["kt_row"])
        previous = counted.get(key, [0] * len(measures))
        counted[key] = [p + row[m.column.key] for p, m in zip(previous, measures, strict=True)]
    return counted


def _add_erased(counted, filters: Filters, dimension: Dimension, measures) -> None:
    """Erased cases keep their month, region, type of service and status for these counts."""
    where = filters.erased_q()
    if where is None or dimension.erased is None:
        return
    aggregated = (
        ErasedCase.objects.filter(where)
        .values(kt_row=dimension.erased())
        .annotate(**{m.column.key: Count("pk", filter=m.condition) for m in measures})
        .order_by()
    )
    for row in aggregated:
        key = dimension.key_of(row["kt_row"])
        previous = counted.get(key, [0] * len(measures))
        counted[key] = [p + row[m.column.key] for p, m in zip(previous, measures, strict=True)]


def partition_table(
    filters: Filters,
    threshold: int,
    *,
    dimension: Dimension,
    measures: Sequence[Measure],
    base: Q | None = None,
    total_label: str | None = None,
    notes: Sequence[str] = (),
    with_erased: bool = False,
    classify=None,
    classes: Sequence = (),
) -> Table:
    rows = cases(filters).filter(base or Q())
    if classify is not None:
        counted = _grouped_by_class(rows, dimension, classify, list(classes))
    else:
        counted = _grouped_counts(rows, dimension, measures)
    if with_erased:
        _add_erased(counted, filters, dimension, measures)
    keys, counts = dimension.arrange(counted, threshold=threshold, width=len(measures))
    table = count_table(
        keys=keys,
        counts=counts,
        columns=[m.column for m in measures],
        threshold=threshold,
        dimension=str(dimension.label),
        total_label=total_label,
    )
    table.notes.extend(str(n) for n in notes)
    return table


def outcome_measures() -> list[Measure]:
    return [
        Measure(Column("open", str(_("Open"))), Q(status__in=OPEN_STATUSES)),
        *(Measure(Column(s.value, str(s.label)), Q(status=s)) for s in OUTCOME_STATUSES),
    ]


def coerced_measures() -> list[Measure]:
    return [
        Measure(Column("too_early", str(_("Signed before the minimum service"))), Q()),
        Measure(
            Column("under_pressure", str(_("Reported signed under pressure, dates not early"))),
            Q(),
        ),
        Measure(Column("no_flag", str(_("No flag"))), Q()),
    ]


COERCION_CLASSES = (TOO_EARLY, UNDER_PRESSURE, NO_FLAG)  # in the order of coerced_measures()


def phone_measures() -> list[Measure]:
    return [
        Measure(Column("taken", str(_("Phone taken away"))), Q(person__phone_taken=True)),
        Measure(Column("not_taken", str(_("Not taken"))), Q(person__phone_taken=False)),
        Measure(Column("not_stated", str(_("Not stated"))), Q(person__phone_taken__isnull=True)),
    ]


HAS_CONTRACT = Q(person__contract_date__isnull=False) | Q(person__contract_under_pressure=True)


def waits(filters: Filters, dimension: Dimension):
    """Per group of cases: days from the request to the first contact (the first event by a
    caseworker) and to an outcome (the first change of status to a found or closed status).

    The timeline is reduced to one row per case first (no join per event), then joined to
    the cases of the report; both statements come from the ORM.
    """
    per_case = (
        Event.objects.values("case_id")
        .annotate(
            kt_contact_at=Min("created_at", filter=Q(author__isnull=False)),
            kt_outcome_at=Min(
                "created_at",
                filter=Q(
                    kind=EventKind.STATUS_CHANGED,
                    status_to__in=[s.value for s in OUTCOME_STATUSES],
                ),
            ),
        )
        .order_by()
    )
    chosen = cases(filters)
    grouped = chosen.annotate(
        kt_group=dimension.expression("", chosen), kt_case=F("pk"), kt_opened=F("created_at")
    ).values("kt_case", "kt_opened", "kt_group")
    events_sql, events_params = per_case.query.sql_with_params()
    cases_sql, cases_params = grouped.order_by().query.sql_with_params()
    vendor = connection.vendor
    contact = days_sql(vendor, "c.kt_opened", "e.kt_contact_at")
    outcome = days_sql(vendor, "c.kt_opened", "e.kt_outcome_at")
    with_base = (
        f"WITH e AS MATERIALIZED ({events_sql}), "  # noqa: S608
        f"base AS MATERIALIZED (SELECT c.kt_group, {contact} AS kt_contact, "
        f"{outcome} AS kt_outcome FROM ({cases_sql}) c JOIN e ON e.case_id = c.kt_case)"
    )
    return percentiles_of(with_base, (*events_params, *cases_params), ["contact", "outcome"])


WAIT_COLUMNS = (
    Column("contacted", str(_("Cases with a first contact"))),
    Column("contact_median", str(_("Days to first contact, median")), kind="days"),
    Column("contact_p90", str(_("Days to first contact, 90th percentile")), kind="days"),
    Column("resolved", str(_("Cases with an outcome"))),
    Column("outcome_median", str(_("Days to an outcome, median")), kind="days"),
    Column("outcome_p90", str(_("Days to an outcome, 90th percentile")), kind="days"),
)


def waiting_table(filters: Filters, threshold: int, *, dimension: Dimension) -> Table:
    grouped, overall = waits(filters, dimension)
    parts = []
    for name in ("contact", "outcome"):
        merged: dict[str, tuple[int, list]] = {}
        for raw, stats in grouped.items():
            n, picks = stats[name]
            # Groups that meet under one key get no percentile: percentiles do not add up.
            key = dimension.key_of(raw)
            merged[key] = (n, picks) if key not in merged else (merged[key][0] + n, [None, None])
        parts.append((merged, overall[name]))
    counted = {
        k: [parts[0][0].get(k, (0,))[0], parts[1][0].get(k, (0,))[0]]
        for k in set(parts[0][0]) | set(parts[1][0])
    }
    keys, counts = dimension.arrange(counted, threshold=threshold, width=2)
    columns = []
    for index in range(2):
        column = counts_column([row[index] for row in counts], threshold=threshold)
        groups, overall = parts[index]
        picks = [groups.get(key, (0, [None, None]))[1] for key, _label in keys] + [overall[1]]
        columns.append(
            [
                (count, *(days_cell(v, count, threshold=threshold) for v in values))
                for count, values in zip(column, picks, strict=True)
            ]
        )
    rows = [
        Row(key, label, (*columns[0][i], *columns[1][i])) for i, (key, label) in enumerate(keys)
    ]
    total = Row("total", str(_("All")), (*columns[0][-1], *columns[1][-1]))
    return Table(
        columns=list(WAIT_COLUMNS),
        rows=rows,
        total=total,
        threshold=threshold,
        dimension=str(dimension.label),
        notes=[
            str(
                _(
                    "Days are whole days. The median and the 90th percentile are nearest-rank: "
                    "the smallest wait that half (nine in ten) of the cases did not exceed. "
                    "Groups folded together show no percentile."
                )
            )
        ],
    )


def _outcome_report(dimension: Dimension, title, chart: str = "bar") -> Report:
    return Report(
        name=f"cases-by-{dimension.name.replace('_', '-')}",
        title=str(title),
        definition=str(
            _(
                "Tracing requests received in the period, grouped as in the first column, and "
                "what has become of them today: still open (new, in triage or searched for), "
                "found alive, found in captivity, found dead, or closed without result. Each "
                "case counts once, by its status today. Cases erased at the family's request "
                "are counted by the month, region, type of service and status they had (their "
                "unit is not kept: they count as not stated, and a unit filter leaves them out)."
            )
        ),
        sources=("cases",),
        build=lambda f, t: partition_table(
            f,
            t,
            dimension=dimension,
            measures=outcome_measures(),
            total_label=_("Cases"),
            with_erased=True,
        ),
        chart=chart,
    )


def _waiting_report(dimension: Dimension, title) -> Report:
    return Report(
        name=f"waiting-times-by-{dimension.name}",
        title=str(title),
        definition=str(
            _(
                "For tracing requests received in the period: days from the request to the "
                "first thing a caseworker did on the case (first contact), and days from the "
                "request to an outcome (the first change of status to found alive, found in "
                "captivity, found dead or closed). Cases still waiting are not in the figures "
                "for that step; the counts say how many are."
            )
        ),
        sources=("cases",),
        build=lambda f, t: waiting_table(f, t, dimension=dimension),
        chart="bar",
        chart_columns=("contact_median", "outcome_median"),
    )


def _coerced_report(dimension: Dimension, title) -> Report:
    return Report(
        name=f"coerced-contracts-by-{dimension.name}",
        title=str(title),
        definition=str(
            _(
                "Cases received in the period where the sought person signed a contract (a "
                "contract date, or the family's statement that it was signed under pressure). "
                "A contract is flagged as signed before the minimum service when it is dated "
                "earlier than the conscription date plus the minimum period (%(rule)s); "
                "otherwise it is flagged when the family reports it was signed under pressure."
            )
            % {"rule": rule_description()}
        ),
        sources=("cases",),
        build=lambda f, t: partition_table(
            f,
            t,
            dimension=dimension,
            measures=coerced_measures(),
            base=HAS_CONTRACT,
            total_label=_("Cases with a contract"),
            classify=coercion_class(),
            classes=COERCION_CLASSES,
        ),
        chart_columns=("too_early", "under_pressure"),
    )


def _phones_report(dimension: Dimension, title) -> Report:
    return Report(
        name=f"phones-taken-by-{dimension.name}",
        title=str(title),
        definition=str(
            _(
                "Cases received in the period, by whether the family reports that the sought "
                "person's phone was taken away from him."
            )
        ),
        sources=("cases",),
        build=lambda f, t: partition_table(
            f, t, dimension=dimension, measures=phone_measures(), total_label=_("Cases")
        ),
        chart_columns=("taken",),
    )


def reports() -> list[Report]:
    return [
        _outcome_report(MONTH, _("Cases by outcome and month of request"), chart="line"),
        _outcome_report(REGION, _("Cases by outcome and region")),
        _outcome_report(UNIT, _("Cases by outcome and military unit")),
        _outcome_report(SERVICE_TYPE, _("Cases by outcome and type of service")),
        _waiting_report(MONTH, _("How long families waited, by month of request")),
        _waiting_report(REGION, _("How long families waited, by region")),
        _coerced_report(UNIT, _("Reported coerced contracts by military unit")),
        _coerced_report(REGION, _("Reported coerced contracts by region")),
        _phones_report(UNIT, _("Phones reported taken away, by military unit")),
        _phones_report(REGION, _("Phones reported taken away, by region")),
    ]
