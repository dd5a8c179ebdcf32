"""The coerced-contract check as a database condition, so flags are counted, not looped over.

The rule is the one the inquiries app keeps as dated rows (53-FZ art. 34: a conscript may
sign a contract only after the minimum service); while that app is not installed, the
version in force in 2022 (three months) is used. The calendar arithmetic is that of
`add_months`: the same day N months later, or the last day of that month when it is shorter.
Tests check this condition against the inquiries app's own `check_contract`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.lookups import Exact, LessThan
from django.utils.translation import gettext as _

from kintrace.reports.db import DayOfMonth, IsLastDayOfMonth, MonthIndex


@dataclass(frozen=True)
class MinimumService:
    law: str
    article: str
    valid_from: dt.date
    months: int


FALLBACK = MinimumService(
    law="Federal Law 53-FZ «On military duty and military service»",
    article="art. 34 p. 1",
    valid_from=dt.date(2022, 1, 1),
    months=3,
)


def minimum_service_rules() -> list[MinimumService]:
    """The dated versions of the rule, newest first."""
    if apps.is_installed("kintrace.inquiries"):
        model = apps.get_model("inquiries", "MinimumServiceRule")
        rows = [
            MinimumService(r.law, r.article, r.valid_from, r.months)
            for r in model.objects.order_by("-valid_from")
        ]
        if rows:
            return rows
    return [FALLBACK]


def rule_description() -> str:
    return "; ".join(
        _("%(article)s %(law)s: %(months)s months of service, in force from %(date)s")
        % {
            "article": rule.article,
            "law": rule.law,
            "months": rule.months,
            "date": rule.valid_from.isoformat(),
        }
        for rule in minimum_service_rules()
    )


def coerced_conditions(prefix: str = "") -> tuple[Q, Q]:
    """(signed before the minimum service, reported signed under pressure) on cases."""
    person = f"{prefix}person__"
    contract, conscription = F(f"{person}contract_date"), F(f"{person}conscription_date")
    months = Case(
        *(
            When(**{f"{person}contract_date__gte": rule.valid_from}, then=Value(rule.months))
            for rule in minimum_service_rules()
        ),
        default=None,
        output_field=IntegerField(),
    )
    months_apart = MonthIndex(contract) - MonthIndex(conscription)
    # In the month the minimum service ends: early when before that day; a shorter month
    # ends the service on its last day, so a contract on the last day is not early.
    same_month_early = (
        Q(Exact(months_apart, months))
        & Q(LessThan(DayOfMonth(contract), DayOfMonth(conscription)))
        & ~Q(Exact(IsLastDayOfMonth(contract), True))
    )
    too_early = Q(
        **{f"{person}contract_date__isnull": False, f"{person}conscription_date__isnull": False}
    ) & (Q(LessThan(months_apart, months)) | same_month_early)
    under_pressure = Q(**{f"{person}contract_under_pressure": True})
    return too_early, under_pressure


TOO_EARLY, UNDER_PRESSURE, NO_FLAG = 1, 2, 0


def coercion_class(prefix: str = "") -> Case:
    """1: signed before the minimum service; 2: else reported under pressure; 0: neither.

    A CASE takes an unknown (NULL) condition as false, so every case lands in one class.
    """
    too_early, under_pressure = coerced_conditions(prefix)
    return Case(
        When(too_early, then=Value(TOO_EARLY)),
        When(under_pressure, then=Value(UNDER_PRESSURE)),
        default=Value(NO_FLAG),
        output_field=IntegerField(),
    )
