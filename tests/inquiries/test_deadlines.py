"""Legal deadlines, table-driven: month ends, leap years, non-working days, extension."""

import dataclasses
import datetime as dt

import pytest

from kintrace.inquiries.deadlines import (
    RuleTerms,
    add_months,
    answer_due,
    forwarding_due,
    registration_due,
    start_of_count,
)

d = dt.date
# 59-FZ as shipped: calendar days, no moving to a working day.
RU = RuleTerms(
    registration_days=3, forwarding_days=7, answer_days=30, extension_days=30, holiday_country="RU"
)
# The same terms under a rule that moves a deadline off weekends and Russian holidays.
RU_ROLL = dataclasses.replace(RU, roll_to_working_day=True)
# 393/96-VR as shipped: one month, 15 days without study, 45 days at most; next working day.
UA = RuleTerms(
    forwarding_days=5,
    answer_months=1,
    short_answer_days=15,
    max_total_days=45,
    roll_to_working_day=True,
    holiday_country="UA",
)
NONE = RuleTerms()


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (d(2025, 3, 3), 1, d(2025, 4, 3)),
        (d(2025, 1, 31), 1, d(2025, 2, 28)),
        (d(2024, 1, 31), 1, d(2024, 2, 29)),  # leap year
        (d(2023, 1, 31), 1, d(2023, 2, 28)),
        (d(2024, 2, 29), 12, d(2025, 2, 28)),
        (d(2024, 11, 30), 3, d(2025, 2, 28)),
        (d(2024, 8, 31), 1, d(2024, 9, 30)),
        (d(2024, 12, 15), 1, d(2025, 1, 15)),  # across the year
        (d(2022, 3, 1), 3, d(2022, 6, 1)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("terms", "start", "short", "extended", "expected"),
    [
        # Russia: 30 days from registration, a Wednesday
        (RU, d(2025, 3, 3), False, False, d(2025, 4, 2)),
        # 31 January + 30 days is Sunday 2 March: 59-FZ does not move it
        (RU, d(2025, 1, 31), False, False, d(2025, 3, 2)),
        (RU_ROLL, d(2025, 1, 31), False, False, d(2025, 3, 3)),
        # leap year: 30 days from 31 January 2024 is 1 March
        (RU, d(2024, 1, 31), False, False, d(2024, 3, 1)),
        (RU, d(2023, 1, 31), False, False, d(2023, 3, 2)),
        # New Year holidays (1-8 January) only where the rule moves deadlines
        (RU, d(2024, 12, 9), False, False, d(2025, 1, 8)),
        (RU_ROLL, d(2024, 12, 9), False, False, d(2025, 1, 9)),
        # Saturday 9 March 2024 after the 8 March holiday -> Monday 11 March
        (RU_ROLL, d(2024, 2, 8), False, False, d(2024, 3, 11)),
        # one extension by 30 days; 2 May 2025 is a holiday, then a weekend
        (RU, d(2025, 3, 3), False, True, d(2025, 5, 2)),
        (RU_ROLL, d(2025, 3, 3), False, True, d(2025, 5, 5)),
        # Russia has no shorter term: `short` changes nothing
        (RU, d(2025, 3, 3), True, False, d(2025, 4, 2)),
        # Ukraine: one month, month ends and leap years
        (UA, d(2025, 1, 31), False, False, d(2025, 2, 28)),
        (UA, d(2024, 1, 31), False, False, d(2024, 2, 29)),
        (UA, d(2025, 3, 31), False, False, d(2025, 4, 30)),
        (UA, d(2024, 12, 31), False, False, d(2025, 1, 31)),
        # Saturday 15 February -> Monday 17 February
        (UA, d(2025, 1, 15), False, False, d(2025, 2, 17)),
        # 7 January 2021 (Christmas) and 8 January (a transferred day off), then a weekend
        (UA, d(2020, 12, 7), False, False, d(2021, 1, 11)),
        # 15 days where no study is needed
        (UA, d(2025, 3, 3), True, False, d(2025, 3, 18)),
        # extension: 45 days in total at most
        (UA, d(2025, 3, 3), False, True, d(2025, 4, 17)),
        (UA, d(2025, 3, 3), True, True, d(2025, 4, 17)),
        # a body no law gives a term (an international organisation)
        (NONE, d(2025, 3, 3), False, False, None),
        (NONE, d(2025, 3, 3), False, True, None),
    ],
)
def test_answer_due(terms, start, short, extended, expected):
    assert answer_due(terms, start, short=short, extended=extended) == expected


@pytest.mark.parametrize(
    ("function", "terms", "day", "expected"),
    [
        (registration_due, RU, d(2025, 3, 7), d(2025, 3, 10)),
        (registration_due, RU, d(2025, 3, 3), d(2025, 3, 6)),
        (registration_due, UA, d(2025, 3, 3), None),
        (forwarding_due, RU, d(2025, 3, 10), d(2025, 3, 17)),
        # 5 days to forward in Ukraine: Saturday 15 March moves to Monday 17 March
        (forwarding_due, UA, d(2025, 3, 10), d(2025, 3, 17)),
        (forwarding_due, NONE, d(2025, 3, 10), None),
    ],
)
def test_registration_and_forwarding(function, terms, day, expected):
    assert function(terms, day) == expected


@pytest.mark.parametrize(
    ("terms", "sent", "registered", "expected"),
    [
        (RU, d(2025, 3, 3), None, d(2025, 3, 6)),  # the latest lawful registration
        (RU, d(2025, 3, 3), d(2025, 3, 4), d(2025, 3, 4)),
        (UA, d(2025, 3, 3), None, d(2025, 3, 3)),  # Ukraine counts from receipt
        (RU, None, None, None),
    ],
)
def test_start_of_count(terms, sent, registered, expected):
    assert start_of_count(terms, sent=sent, registered=registered) == expected
