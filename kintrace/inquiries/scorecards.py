"""Institutions' scorecards and counts of coerced-contract flags: figures only, never a name."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kintrace.cases.models import Person
from kintrace.charts import bar_chart
from kintrace.inquiries.coercion import check_contract
from kintrace.inquiries.models import (
    Inquiry,
    InquiryStatus,
    Institution,
    MinimumServiceRule,
    ResponseKind,
)


@dataclass(frozen=True)
class Scorecard:
    institution: Institution
    sent: int
    answered_in_time: int
    median_days: float | None
    redirects: int
    non_answers: int
    unlawful_redirects: int
    overdue_now: int

    @property
    def redirect_share(self) -> float:
        return self.redirects / self.sent if self.sent else 0.0

    @property
    def non_answer_share(self) -> float:
        return self.non_answers / self.sent if self.sent else 0.0


def _score(institution: Institution, inquiries: list[Inquiry]) -> Scorecard:
    in_time, days = 0, []
    redirects = non_answers = unlawful = 0
    for inquiry in inquiries:
        responses = list(inquiry.responses.all())
        answer = min(
            (r for r in responses if r.kind in (ResponseKind.SUBSTANTIVE, ResponseKind.REFUSAL)),
            key=lambda r: r.received_on,
            default=None,
        )
        if answer is not None:
            days.append((answer.received_on - inquiry.sent_on).days)
            if inquiry.due_on is None or answer.received_on <= inquiry.due_on:
                in_time += 1
        redirects += any(r.kind == ResponseKind.REDIRECT for r in responses)
        non_answers += any(r.kind == ResponseKind.FORMAL for r in responses)
        unlawful += sum(r.unlawful for r in responses)
    return Scorecard(
        institution=institution,
        sent=len(inquiries),
        answered_in_time=in_time,
        median_days=statistics.median(days) if days else None,
        redirects=redirects,
        non_answers=non_answers,
        unlawful_redirects=unlawful,
        overdue_now=sum(i.status == InquiryStatus.OVERDUE for i in inquiries),
    )


def institution_scorecards(
    *, start: dt.date | None, end: dt.date | None, today: dt.date
) -> list[Scorecard]:
    """One row per institution that was sent an inquiry in the period, most inquiries first."""
    sent = Inquiry.objects.filter(sent_on__isnull=False).prefetch_related("responses")
    if start:
        sent = sent.filter(sent_on__gte=start)
    if end:
        sent = sent.filter(sent_on__lte=end)
    by_body: dict[int, list[Inquiry]] = {}
    for inquiry in sent:
        by_body.setdefault(inquiry.institution_id, []).append(inquiry)
    bodies = Institution.objects.in_bulk(list(by_body))
    rows = [_score(bodies[pk], items) for pk, items in by_body.items()]
    return sorted(rows, key=lambda row: (-row.sent, str(row.institution)))


def chart(rows: list[Scorecard]) -> str:
    if not rows:
        return ""
    return bar_chart(
        [str(row.institution) for row in rows],
        {
            _("Sent"): [row.sent for row in rows],
            _("Answered in time"): [row.answered_in_time for row in rows],
            _("Redirected"): [row.redirects for row in rows],
            _("Overdue now"): [row.overdue_now for row in rows],
        },
        title=_("Inquiries by institution"),
        value_label=_("Inquiries"),
    )


@dataclass(frozen=True)
class FlagCounts:
    total: int
    by_unit: list[tuple[str, int | str]]
    by_region: list[tuple[str, int | str]]


def contract_flag_counts(*, suppress_below: int = 0) -> FlagCounts:
    """Cases whose contract is flagged, by unit and region; small cells hidden when asked."""
    rules = [rule.terms for rule in MinimumServiceRule.objects.all()]
    units: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    people = Person.objects.filter(contract_date__isnull=False) | Person.objects.filter(
        contract_under_pressure=True
    )
    for unit, region, conscripted, contract, pressure in people.values_list(
        "unit_key", "region", "conscription_date", "contract_date", "contract_under_pressure"
    ):
        flag = check_contract(
            conscription_date=conscripted,
            contract_date=contract,
            under_pressure=pressure,
            rules=rules,
        )
        if flag is not None:
            units[unit or "—"] += 1
            regions[region or "—"] += 1

    def shown(counter: Counter) -> list[tuple[str, int | str]]:
        return [
            (label, f"<{suppress_below}" if 0 < n < suppress_below else n)
            for label, n in counter.most_common()
        ]

    return FlagCounts(sum(units.values()), shown(units), shown(regions))
