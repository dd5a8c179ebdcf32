"""Report figures on the known set of tests/reports/conftest.py, computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.cases.models import ErasedCase
from kintrace.reports import registry
from kintrace.reports.filters import Filters

NO_THRESHOLD = 1  # the exact figures; suppression is tested below and in test_suppression


def figures(name: str, filters: Filters | None = None, threshold: int = NO_THRESHOLD):
    table = registry.get(name).build(filters or Filters(), threshold)
    rows = {row.label: [c.display(threshold) for c in row.cells] for row in table.rows}
    total = [c.display(threshold) for c in table.total.cells]
    return rows, total


def numbers(*values) -> list[str]:
    return ["" if v is None else str(v) for v in values]


def test_cases_by_region(known):
    rows, total = figures("cases-by-region")
    # open, found alive, captured, dead, closed, all
    assert rows == {
        "Бурятия": numbers(3, 2, 1, 1, 1, 8),
        "Тыва": numbers(1, 2, 1, 0, 0, 4),
        "Not stated": numbers(1, 0, 0, 0, 0, 1),
    }
    assert total == numbers(5, 4, 2, 1, 1, 13)


def test_cases_by_month_fills_empty_months(known):
    rows, total = figures("cases-by-month")
    assert rows == {
        "March 2022": numbers(4, 4, 0, 1, 0, 9),
        "April 2022": numbers(1, 0, 1, 0, 1, 3),
        "May 2022": numbers(0, 0, 1, 0, 0, 1),
    }
    assert total == numbers(5, 4, 2, 1, 1, 13)


def test_cases_by_unit_and_service_type(known):
    rows, _total = figures("cases-by-unit")
    assert rows["unit 12345"] == numbers(3, 2, 1, 1, 1, 8)
    assert rows["unit 71718"] == numbers(1, 2, 1, 0, 0, 4)
    rows, _total = figures("cases-by-service-type")
    assert rows == {"Conscript": numbers(4, 2, 1, 1, 1, 9), "Contract": numbers(1, 2, 1, 0, 0, 4)}


@pytest.mark.parametrize(
    ("filters", "total"),
    [
        (Filters(region="Тыва"), 4),
        (Filters(date_from=dt.date(2022, 4, 1), date_to=dt.date(2022, 4, 30)), 3),
        (Filters(date_from=dt.date(2022, 3, 6), date_to=dt.date(2022, 3, 6)), 1),
        (Filters(outcome="open"), 5),
        (Filters(outcome="found_alive"), 4),
        (Filters(unit="12345"), 8),
        (Filters(service_type="contract"), 4),
        (Filters(region="Тыва", outcome="found_captured"), 1),
    ],
)
def test_filters(known, filters, total):
    _rows, totals = figures("cases-by-region", filters)
    assert totals[-1] == str(total)


def test_waiting_times_by_month(known):
    rows, total = figures("waiting-times-by-month")
    # with a first contact, median, p90, with an outcome, median, p90
    assert rows == {
        "March 2022": numbers(9, 7, 25, 5, 30, 50),
        "April 2022": numbers(2, 5, 70, 2, 60, 70),
        "May 2022": numbers(1, 35, 35, 1, 35, 35),
    }
    assert total == numbers(12, 7, 35, 8, 35, 70)


def test_waiting_times_hide_figures_of_small_groups(known):
    rows, total = figures("waiting-times-by-month", threshold=5)
    assert rows["March 2022"] == numbers(9, 7, 25, 5, 30, 50)
    assert rows["April 2022"][:3] == ["< 5", "x", "x"]
    assert total == numbers(12, 7, 35, 8, 35, 70)


def test_phones_taken(db):
    from tests.reports.conftest import make_case

    for taken in (True, True, False, None):
        make_case(opened=dt.date(2022, 3, 1), phone_taken=taken)
    make_case(opened=dt.date(2022, 3, 1), region="Тыва", phone_taken=True)
    rows, total = figures("phones-taken-by-region")
    assert rows == {"Бурятия": numbers(2, 1, 1, 4), "Тыва": numbers(1, 0, 0, 1)}
    assert total == numbers(3, 1, 1, 5)


def test_coerced_contracts(db):
    from tests.reports.conftest import make_case

    def contract(conscripted, signed, pressure=None, unit="в/ч 12345"):
        make_case(
            opened=dt.date(2022, 6, 1),
            unit=unit,
            conscription_date=conscripted,
            contract_date=signed,
            contract_under_pressure=pressure,
        )

    contract(dt.date(2022, 1, 10), dt.date(2022, 2, 10))  # one month: too early
    contract(dt.date(2022, 1, 10), dt.date(2022, 4, 9), True)  # a day short: too early
    contract(dt.date(2022, 1, 10), dt.date(2022, 4, 10), True)  # three months: pressure
    contract(dt.date(2022, 1, 10), dt.date(2022, 6, 1), False)  # no flag
    contract(None, None, True)  # only the family's statement: pressure
    contract(dt.date(2022, 1, 10), None)  # no contract: not in the table
    contract(dt.date(2021, 11, 30), dt.date(2022, 2, 28), unit="в/ч 71718")  # 30 Nov + 3 = 28 Feb
    rows, total = figures("coerced-contracts-by-unit")
    # before the minimum service, under pressure (not early), no flag, all with a contract
    assert rows == {"unit 12345": numbers(2, 2, 1, 5), "unit 71718": numbers(0, 0, 1, 1)}
    assert total == numbers(2, 2, 2, 6)


def test_erased_cases_are_counted_by_what_they_kept(known):
    ErasedCase.objects.create(
        opened_month=dt.date(2022, 3, 1),
        status="found_dead",
        region="Тыва",
        service_type="contract",
        reason="family",
    )
    rows, total = figures("cases-by-region")
    assert rows["Тыва"] == numbers(1, 2, 1, 1, 0, 5)
    assert total[-1] == "14"
    assert figures("cases-by-month")[0]["March 2022"] == numbers(4, 4, 0, 2, 0, 10)
    assert figures("cases-by-unit")[0]["Not stated"] == numbers(1, 0, 0, 1, 0, 2)
    assert figures("cases-by-region", Filters(unit="12345"))[1][-1] == "8"


def test_small_counts_are_hidden_and_small_groups_folded(known):
    rows, total = figures("cases-by-region", threshold=5)
    # Тыва (4 cases) and the one without a region are under 5: Тыва's name is not shown.
    assert "Тыва" not in rows
    assert set(rows) == {"Бурятия", "Others, each fewer than shown alone", "Not stated"}
    shown = [v for row in [*rows.values(), total] for v in row]
    assert all(v in ("< 5", "x", "0") or int(v) >= 5 for v in shown)
    assert total[-1] == "13"


def test_an_outcome_counts_from_the_status_change_column(caseworker):
    from kintrace.cases import actions
    from kintrace.cases.models import Event, Status
    from tests.reports.conftest import make_case

    worker = caseworker.user
    found = make_case(opened=dt.date(2022, 3, 1), contact_after=1, author=worker)
    still_looking = make_case(opened=dt.date(2022, 3, 2), contact_after=1, author=worker)
    for case, status in ((found, Status.FOUND_ALIVE), (still_looking, Status.ACTIVE)):
        actions.change_status(case=case, status=status, reason="", actor=worker, request=None)
    assert Event.objects.get(case=found, kind="status_changed").status_to == "found_alive"

    _rows, total = figures("waiting-times-by-month")
    assert total[0] == "2" and total[3] == "1"  # both contacted, one with an outcome
