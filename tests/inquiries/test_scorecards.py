"""Scorecard figures on a known set, and who may see them (counts only)."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.inquiries import actions
from kintrace.inquiries.scorecards import contract_flag_counts, institution_scorecards
from tests.conftest import file_case
from tests.inquiries.conftest import make_inquiry, send

d = dt.date


def respond(inquiry, kind, on, to=None):
    actions.record_response(
        inquiry=inquiry, kind=kind, received_on=on, redirected_to=to, actor=None, request=None
    )


@pytest.fixture
def known_set(case, mod, gvp):
    # Five letters to the ministry, sent 3 March 2025 (due 5 April):
    answered_early = send(make_inquiry(case, mod))
    respond(answered_early, "substantive", d(2025, 3, 13))  # 10 days, in time
    answered_late = send(make_inquiry(case, mod))
    respond(answered_late, "refusal", d(2025, 4, 22))  # 50 days, late
    redirected = send(make_inquiry(case, mod, kind="conduct"))
    commander = actions.commander_for_unit(unit="12345", request=None)
    respond(redirected, "redirect", d(2025, 3, 20), commander)
    formal = send(make_inquiry(case, mod))
    respond(formal, "formal", d(2025, 3, 25))
    send(make_inquiry(case, mod))  # never answered
    # One to the prosecutor's office outside the period, and a draft that counts nowhere.
    send(make_inquiry(case, gvp), d(2024, 6, 1))
    make_inquiry(case, gvp)
    actions.mark_overdue_inquiries(today=d(2025, 5, 1))


def test_scorecard_figures(known_set, mod):
    rows = institution_scorecards(start=d(2025, 1, 1), end=d(2025, 12, 31), today=d(2025, 5, 1))
    assert len(rows) == 1
    row = rows[0]
    assert row.institution == mod
    assert (row.sent, row.answered_in_time, row.median_days) == (5, 1, 30)
    assert (row.redirects, row.non_answers, row.unlawful_redirects, row.overdue_now) == (
        1,
        1,
        1,
        1,
    )
    assert row.redirect_share == pytest.approx(0.2)


def test_without_a_period_every_sent_letter_counts(known_set):
    rows = institution_scorecards(start=None, end=None, today=d(2025, 5, 1))
    assert sorted(row.sent for row in rows) == [1, 5]


def test_contract_flags_by_unit_and_region(db):
    for day in (1, 2, 3, 4, 5, 6):
        file_case(conscription_date=d(2022, 5, 15), contract_date=d(2022, 7, day))
    file_case(conscription_date=d(2022, 5, 15), contract_date=d(2022, 9, 1))  # lawful
    counts = contract_flag_counts()
    assert counts.total == 6
    assert counts.by_unit == [("12345", 6)]
    assert counts.by_region == [("Бурятия", 6)]


def test_small_cells_are_hidden_when_asked(db):
    file_case(conscription_date=d(2022, 5, 15), contract_date=d(2022, 7, 1))
    assert contract_flag_counts(suppress_below=5).by_unit == [("12345", "<5")]


def test_analyst_sees_counts_and_no_name(analyst, known_set):
    response = analyst.get("/staff/scorecards/?start=2025-01-01&end=2025-12-31")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and 'id="scorecard"' in page
    assert "Минобороны России" in page
    assert "Иванов" not in page and "KT-" not in page


def test_coordinator_sees_the_scorecard(coordinator, known_set):
    assert coordinator.get("/staff/scorecards/").status_code == 200


@pytest.mark.parametrize("persona", ["caseworker", "family", "anonymous"])
def test_others_do_not(request, persona, db):
    response = request.getfixturevalue(persona).get("/staff/scorecards/")
    assert response.status_code in {302, 404}


def test_a_period_that_ends_before_it_starts_is_refused(analyst, db):
    response = analyst.get("/staff/scorecards/?start=2025-05-01&end=2025-01-01")
    assert "The end is before the start." in response.content.decode()
