"""The coerced-contract condition in the database agrees with the inquiries app's own check."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.cases.models import Case, Person
from kintrace.inquiries import coercion as check
from kintrace.inquiries.deadlines import add_months
from kintrace.reports.coercion import (
    NO_FLAG,
    TOO_EARLY,
    UNDER_PRESSURE,
    coercion_class,
    minimum_service_rules,
)


def _pairs():
    starts = [dt.date(2022, 1, 1) + dt.timedelta(days=d) for d in range(0, 730, 11)]
    starts += [
        dt.date(2021, 11, 30),
        dt.date(2022, 11, 30),
        dt.date(2023, 11, 29),
        dt.date(2022, 8, 31),
    ]
    for start in starts:
        earliest = add_months(start, 3)
        for offset in (-40, -2, -1, 0, 1, 2, 60):
            yield start, earliest + dt.timedelta(days=offset)


@pytest.mark.django_db
def test_the_database_flags_exactly_what_check_contract_flags():
    pairs = list(_pairs())
    cases = Case.objects.bulk_create(Case(access_code_hash="!") for _ in pairs)
    pressures = [None, False, True]
    Person.objects.bulk_create(
        Person(
            case=case,
            surname="Тестов",
            given_name="Пётр",
            conscription_date=start,
            contract_date=signed,
            contract_under_pressure=pressures[i % 3],
        )
        for i, (case, (start, signed)) in enumerate(zip(cases, pairs, strict=True))
    )
    rules = [
        check.MinimumServiceTerms(r.law, r.article, r.valid_from, r.months)
        for r in minimum_service_rules()
    ]
    found = dict(Case.objects.annotate(flag=coercion_class()).values_list("pk", "flag"))
    wrong = []
    for i, (case, (start, signed)) in enumerate(zip(cases, pairs, strict=True)):
        flag = check.check_contract(
            conscription_date=start,
            contract_date=signed,
            under_pressure=pressures[i % 3],
            rules=rules,
        )
        expected = NO_FLAG if flag is None else TOO_EARLY if flag.too_early else UNDER_PRESSURE
        if found[case.pk] != expected:
            wrong.append((start, signed, pressures[i % 3], found[case.pk], expected))
    assert wrong == []
    assert {TOO_EARLY, UNDER_PRESSURE, NO_FLAG} <= set(found.values())
