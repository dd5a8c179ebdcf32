"""The coerced-contract check: a conscript's contract signed before the lawful minimum service.

Pure: it takes dates and dated rule rows (`MinimumServiceTerms`) and returns a flag naming
the rule it used, or None. The rule in force on the contract date applies, so a change of
law is one new row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kintrace.inquiries.deadlines import add_months


@dataclass(frozen=True)
class MinimumServiceTerms:
    law: str
    article: str
    valid_from: dt.date
    months: int


@dataclass(frozen=True)
class ContractFlag:
    """Why the contract is suspect; `earliest_lawful` is None when only the statement flags it."""

    rule: MinimumServiceTerms | None
    earliest_lawful: dt.date | None
    served_days: int | None
    too_early: bool
    under_pressure: bool


def rule_in_force(rules: Iterable[MinimumServiceTerms], on: dt.date) -> MinimumServiceTerms | None:
    """The newest rule whose version was in force on the day."""
    valid = [rule for rule in rules if rule.valid_from <= on]
    return max(valid, key=lambda rule: rule.valid_from, default=None)


def check_contract(
    *,
    conscription_date: dt.date | None,
    contract_date: dt.date | None,
    under_pressure: bool | None,
    rules: Iterable[MinimumServiceTerms],
) -> ContractFlag | None:
    """Flag a contract signed before the minimum service, or one the family says was forced."""
    rule = earliest = served = None
    too_early = False
    if conscription_date is not None and contract_date is not None:
        rule = rule_in_force(rules, contract_date)
        if rule is not None:
            earliest = add_months(conscription_date, rule.months)
            served = (contract_date - conscription_date).days
            too_early = contract_date < earliest
    pressure = bool(under_pressure)
    if not (too_early or pressure):
        return None
    return ContractFlag(
        rule=rule,
        earliest_lawful=earliest,
        served_days=served,
        too_early=too_early,
        under_pressure=pressure,
    )
