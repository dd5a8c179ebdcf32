"""Reports on inquiries to institutions: how each body answered, and how long it took.

The same figures as the inquiries app's scorecards, counted in the database: every sent
inquiry once, by what has become of it (a redirect or a formal reply is never an answer).
"""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from kintrace.reports.db import DaysBetweenDates, percentile_table
from kintrace.reports.dimensions import Dimension
from kintrace.reports.filters import Filters
from kintrace.reports.registry import Report, Source
from kintrace.reports.tables import Column, Row, Table, count_table, counts_column, days_cell

SOURCE = Source(
    "inquiries",
    _("Inquiries"),
    _(
        "Letters this organisation sent to institutions on behalf of families, and the "
        "responses recorded for them. The period applies to the day an inquiry was sent; "
        "drafts are not counted."
    ),
    "inquiries",
)

INSTITUTION = Dimension(
    "institution",
    _("Institution"),
    lambda prefix, rows: F(f"{prefix}institution__name"),
    lambda value: value or "",
    str,
    fold_small=True,
)


def inquiries(filters: Filters):
    from kintrace.inquiries.models import Inquiry

    sent = Inquiry.objects.filter(sent_on__isnull=False).filter(filters.case_q("case__"))
    if filters.date_from:
        sent = sent.filter(sent_on__gte=filters.date_from)
    if filters.date_to:
        sent = sent.filter(sent_on__lte=filters.date_to)
    return sent


def _first_answer():
    from kintrace.inquiries.models import Response, ResponseKind

    answers = Response.objects.filter(
        inquiry=OuterRef("pk"), kind__in=[ResponseKind.SUBSTANTIVE, ResponseKind.REFUSAL]
    )
    return Subquery(answers.order_by("received_on").values("received_on")[:1])


def _measures() -> list[tuple[Column, Q]]:
    from kintrace.inquiries.models import AWAITING, InquiryStatus, Response

    answered = Q(status=InquiryStatus.ANSWERED)
    in_time = Q(due_on__isnull=True) | Q(LessThanOrEqual(_first_answer(), F("due_on")))
    unlawful = Q(
        pk__in=Response.objects.filter(unlawful=True).values("inquiry_id"),
    )
    redirected = Q(status=InquiryStatus.REDIRECTED)
    return [
        (Column("answered_in_time", str(_("Answered in time"))), answered & in_time),
        (Column("answered_late", str(_("Answered late"))), answered & ~in_time),
        (Column("redirected", str(_("Redirected"))), redirected & ~unlawful),
        (Column("unlawful", str(_("Redirected unlawfully"))), redirected & unlawful),
        (Column("non_answer", str(_("Formal non-answer"))), Q(status=InquiryStatus.NON_ANSWER)),
        (Column("overdue", str(_("Overdue now"))), Q(status=InquiryStatus.OVERDUE)),
        (Column("escalated", str(_("Escalated"))), Q(status=InquiryStatus.ESCALATED)),
        (Column("awaiting", str(_("Awaiting an answer, not yet due"))), Q(status__in=AWAITING)),
    ]


def by_institution(filters: Filters, threshold: int) -> Table:
    measures = _measures()
    aggregated = (
        inquiries(filters)
        .values(kt_row=INSTITUTION.expression("", None))
        .annotate(**{c.key: Count("pk", filter=q) for c, q in measures})
        .order_by()
    )
    counted = {row["kt_row"]: [row[c.key] for c, _q in measures] for row in aggregated}
    keys, counts = INSTITUTION.arrange(counted, threshold=threshold, width=len(measures))
    return count_table(
        keys=keys,
        counts=counts,
        columns=[c for c, _q in measures],
        threshold=threshold,
        dimension=str(INSTITUTION.label),
        total_label=_("Sent"),
    )


ANSWER_COLUMNS = (
    Column("answered", str(_("Inquiries answered"))),
    Column("median", str(_("Days to an answer, median")), kind="days"),
    Column("p90", str(_("Days to an answer, 90th percentile")), kind="days"),
)


def answer_times(filters: Filters, threshold: int) -> Table:
    grouped, overall = percentile_table(
        inquiries(filters),
        group=INSTITUTION.expression("", None),
        values={"days": DaysBetweenDates(F("sent_on"), _first_answer())},
    )
    by_group = {key: stats["days"] for key, stats in grouped.items()}
    overall = overall["days"]
    counted = {key: [n] for key, (n, _picks) in by_group.items()}
    keys, counts = INSTITUTION.arrange(counted, threshold=threshold, width=1)
    column = counts_column([row[0] for row in counts], threshold=threshold)
    picks = [by_group.get(key, (0, [None, None]))[1] for key, _label in keys] + [overall[1]]
    cells = [
        (count, *(days_cell(v, count, threshold=threshold) for v in values))
        for count, values in zip(column, picks, strict=True)
    ]
    rows = [Row(key, label, cells[i]) for i, (key, label) in enumerate(keys)]
    return Table(
        columns=list(ANSWER_COLUMNS),
        rows=rows,
        total=Row("total", str(_("All")), cells[-1]),
        threshold=threshold,
        dimension=str(INSTITUTION.label),
        notes=[
            str(
                _(
                    "Days from the day an inquiry was sent to the first substantive answer or "
                    "refusal; redirects and formal replies are not answers. Nearest-rank "
                    "median and 90th percentile; institutions folded together show none."
                )
            )
        ],
    )


def reports() -> list[Report]:
    return [
        Report(
            name="inquiries-by-institution",
            title=str(_("Inquiries by institution and what became of them")),
            definition=str(
                _(
                    "Inquiries sent in the period, by the institution they were sent to and "
                    "their state today: answered within the legal term or late, redirected "
                    "(unlawfully when a complaint was sent to the body it complains about), "
                    "answered only formally, overdue now, escalated to the next body, or "
                    "still within the term. Each inquiry counts once."
                )
            ),
            sources=("inquiries", "cases"),
            build=by_institution,
            chart_columns=("answered_in_time", "redirected", "unlawful", "non_answer", "overdue"),
        ),
        Report(
            name="inquiries-answer-times",
            title=str(_("How long institutions took to answer")),
            definition=str(
                _(
                    "For inquiries sent in the period that have a substantive answer or a "
                    "refusal: days from sending to the first such answer, by institution."
                )
            ),
            sources=("inquiries", "cases"),
            build=answer_times,
            chart_columns=("median",),
        ),
    ]
