"""Legal deadlines of an inquiry, computed from the terms of a dated rule; no Django here.

A rule row in the database (`DeadlineRule`) gives its terms as `RuleTerms`. Days are
counted from the day after the starting event (registration, receipt); months end on the
same day of the month, or on the last day of a shorter month (31 January + 1 month =
28 or 29 February). Whether a deadline on a weekend or public holiday moves to the next
working day is part of the rule; the holidays come from the `holidays` package.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays


@dataclass(frozen=True)
class RuleTerms:
    """The counting terms of one version of a law on answering appeals."""

    registration_days: int | None = None
    forwarding_days: int | None = None
    answer_days: int | None = None
    answer_months: int | None = None
    short_answer_days: int | None = None  # where no study is needed (Ukraine: 15 days)
    extension_days: int | None = None  # one extension by at most this many days
    max_total_days: int | None = None  # an extension never passes this many days in total
    roll_to_working_day: bool = False
    holiday_country: str = ""  # a country code of the `holidays` package; "" for weekends only


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays(country, years=year))


def is_working_day(day: dt.date, country: str) -> bool:
    if day.weekday() >= 5:
        return False
    return not country or day not in _holidays(country, day.year)


def next_working_day(day: dt.date, country: str) -> dt.date:
    """The day itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, country):
        day += dt.timedelta(days=1)
    return day


def _settle(terms: RuleTerms, day: dt.date) -> dt.date:
    return next_working_day(day, terms.holiday_country) if terms.roll_to_working_day else day


def registration_due(terms: RuleTerms, received: dt.date) -> dt.date | None:
    """The last day to register an appeal received on `received`."""
    if terms.registration_days is None:
        return None
    return _settle(terms, received + dt.timedelta(days=terms.registration_days))


def forwarding_due(terms: RuleTerms, registered: dt.date) -> dt.date | None:
    """The last day to forward an appeal to the competent body, with notice to the citizen."""
    if terms.forwarding_days is None:
        return None
    return _settle(terms, registered + dt.timedelta(days=terms.forwarding_days))


def _plain_answer_due(terms: RuleTerms, start: dt.date, *, short: bool) -> dt.date | None:
    if short and terms.short_answer_days is not None:
        return start + dt.timedelta(days=terms.short_answer_days)
    if terms.answer_months is not None:
        return add_months(start, terms.answer_months)
    if terms.answer_days is not None:
        return start + dt.timedelta(days=terms.answer_days)
    return None


def answer_due(
    terms: RuleTerms, start: dt.date, *, short: bool = False, extended: bool = False
) -> dt.date | None:
    """The last day of the answer, counted from `start` (registration or receipt).

    `short`: the rule's shorter term where no study is needed. `extended`: the one extension
    the rule allows, with notice: by `extension_days`, capped at `max_total_days` in total.
    """
    due = _plain_answer_due(terms, start, short=short)
    if due is None:
        return None
    if extended:
        if terms.extension_days is not None:
            due += dt.timedelta(days=terms.extension_days)
        if terms.max_total_days is not None:
            cap = start + dt.timedelta(days=terms.max_total_days)
            due = cap if terms.extension_days is None else min(due, cap)
    return _settle(terms, due)


def start_of_count(
    terms: RuleTerms, *, sent: dt.date | None, registered: dt.date | None
) -> dt.date | None:
    """Where the answer term starts: the registration date when known.

    Before it is known, the latest day the body could lawfully have registered a letter it
    received the day it was sent (an e-mail, an online reception), so the due date is never
    earlier than the law allows.
    """
    if registered is not None:
        return registered
    if sent is None:
        return None
    return registration_due(terms, sent) or sent
