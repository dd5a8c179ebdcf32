"""Inquiry reports on a known set: each sent inquiry once, by what became of it."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.inquiries.models import Inquiry, Institution, Response
from kintrace.reports import registry
from kintrace.reports.filters import Filters
from tests.reports.conftest import make_case

D = dt.date


@pytest.fixture
def inquiries(db):
    case = make_case(opened=D(2022, 3, 1))
    other = make_case(opened=D(2022, 3, 1), region="Тыва")
    mod = Institution.objects.create(name="Минобороны", kind="ministry", jurisdiction="RU")
    gvp = Institution.objects.create(name="ГВП", kind="prosecutor", jurisdiction="RU")

    def inquiry(to, status, sent, due=None, responses=(), on=case):
        made = Inquiry.objects.create(
            case=on,
            institution=to,
            kind="whereabouts",
            subject="s",
            body="b",
            status=status,
            sent_on=sent,
            due_on=due,
        )
        for kind, received, unlawful in responses:
            Response.objects.create(
                inquiry=made, kind=kind, received_on=received, unlawful=unlawful
            )
        return made

    # Минобороны: in time (10 days), late (40 days), redirected unlawfully, overdue, draft
    inquiry(mod, "answered", D(2022, 4, 1), D(2022, 5, 1), [("substantive", D(2022, 4, 11), False)])
    inquiry(
        mod,
        "answered",
        D(2022, 4, 1),
        D(2022, 5, 1),
        [("formal", D(2022, 4, 5), False), ("refusal", D(2022, 5, 11), False)],
    )
    inquiry(mod, "redirected", D(2022, 4, 2), D(2022, 5, 2), [("redirect", D(2022, 4, 9), True)])
    inquiry(mod, "overdue", D(2022, 4, 3), D(2022, 5, 3))
    inquiry(mod, "draft", None)
    # ГВП: redirected (lawfully), formal non-answer, awaiting; one for another region
    inquiry(gvp, "redirected", D(2022, 4, 4), D(2022, 5, 4), [("redirect", D(2022, 4, 6), False)])
    inquiry(gvp, "non_answer", D(2022, 4, 5), D(2022, 5, 5), [("formal", D(2022, 4, 8), False)])
    inquiry(gvp, "sent", D(2022, 6, 1), D(2022, 7, 1))
    inquiry(gvp, "answered", D(2022, 6, 2), None, [("substantive", D(2022, 6, 22), False)], other)


def figures(name, filters=None):
    table = registry.get(name).build(filters or Filters(), 1)
    rows = {r.label: [c.display(1) for c in r.cells] for r in table.rows}
    return rows, [c.display(1) for c in table.total.cells]


def test_inquiries_by_institution(inquiries):
    rows, total = figures("inquiries-by-institution")
    # in time, late, redirected, unlawfully, formal, overdue, escalated, awaiting, sent
    assert rows == {
        "Минобороны": ["1", "1", "0", "1", "0", "1", "0", "0", "4"],
        "ГВП": ["1", "0", "1", "0", "1", "0", "0", "1", "4"],
    }
    assert total == ["2", "1", "1", "1", "1", "1", "0", "1", "8"]


def test_filters_reach_inquiries_through_their_case(inquiries):
    _rows, total = figures("inquiries-by-institution", Filters(region="Тыва"))
    assert total[-1] == "1"
    _rows, total = figures("inquiries-by-institution", Filters(date_to=D(2022, 4, 30)))
    assert total[-1] == "6"


def test_answer_times(inquiries):
    rows, total = figures("inquiries-answer-times")
    assert rows == {"Минобороны": ["2", "10", "40"], "ГВП": ["1", "20", "20"]}
    assert total == ["3", "20", "40"]


def test_the_inquiry_reports_are_listed_with_their_source(analyst, inquiries):
    page = analyst.get("/staff/reports/").content.decode()
    assert "Inquiries" in page and "/staff/reports/inquiries-by-institution/" in page
    response = analyst.get("/staff/reports/inquiries-by-institution/")
    assert response.status_code == 200
    assert "Letters this organisation sent" in response.content.decode()
