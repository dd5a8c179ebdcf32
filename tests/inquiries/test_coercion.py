"""The coerced-contract check over dates and dated rule rows (53-FZ art. 34)."""

import datetime as dt

import pytest

from kintrace.inquiries.coercion import MinimumServiceTerms, check_contract, rule_in_force

d = dt.date
RULE_2022 = MinimumServiceTerms(law="53-FZ", article="art. 34", valid_from=d(2022, 1, 1), months=3)
# A hypothetical later version: a change of law is one more row.
RULE_2025 = MinimumServiceTerms(law="53-FZ", article="art. 34", valid_from=d(2025, 1, 1), months=1)
RULES = [RULE_2022, RULE_2025]


@pytest.mark.parametrize(
    ("conscripted", "contract", "pressure", "too_early", "flagged", "rule", "earliest"),
    [
        (d(2022, 5, 15), d(2022, 7, 1), None, True, True, RULE_2022, d(2022, 8, 15)),
        (d(2022, 5, 15), d(2022, 8, 14), False, True, True, RULE_2022, d(2022, 8, 15)),
        (d(2022, 5, 15), d(2022, 8, 15), False, False, False, None, None),  # the first lawful day
        (d(2022, 5, 15), d(2022, 9, 1), True, False, True, RULE_2022, d(2022, 8, 15)),
        (d(2022, 11, 30), d(2023, 2, 27), None, True, True, RULE_2022, d(2023, 2, 28)),
        # the rule in force on the contract date applies
        (d(2025, 1, 10), d(2025, 2, 1), None, True, True, RULE_2025, d(2025, 2, 10)),
        (d(2025, 1, 10), d(2025, 2, 11), None, False, False, None, None),
        # no dates: only the family's statement can flag it, without a rule
        (None, None, True, False, True, None, None),
        (None, d(2022, 7, 1), None, False, False, None, None),
        # a contract before any rule row: nothing to measure against
        (d(2021, 5, 1), d(2021, 6, 1), None, False, False, None, None),
    ],
)
def test_check_contract(conscripted, contract, pressure, too_early, flagged, rule, earliest):
    flag = check_contract(
        conscription_date=conscripted,
        contract_date=contract,
        under_pressure=pressure,
        rules=RULES,
    )
    assert (flag is not None) == flagged
    if flag is not None:
        assert flag.too_early == too_early
        assert flag.under_pressure == bool(pressure)
        if too_early:
            assert flag.rule == rule
            assert flag.earliest_lawful == earliest


def test_rule_in_force_picks_the_newest_version_not_after_the_day():
    assert rule_in_force(RULES, d(2024, 12, 31)) == RULE_2022
    assert rule_in_force(RULES, d(2025, 1, 1)) == RULE_2025
    assert rule_in_force(RULES, d(2021, 1, 1)) is None
