"""The anonymised record-level export: k-anonymous when grouped by its quasi-identifiers,
k stated in its header, no identifying field in it."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

from kintrace.cases.demo import create_demo_cases
from kintrace.cases.models import Person, Requester
from kintrace.reports.anonymise import FIELDS, QUASI_IDENTIFIERS, anonymised_cases
from tests.conftest import last_audit


@pytest.fixture
def demo(db, caseworker):
    create_demo_cases(count=300, staff=[caseworker.user], seed=11)


def _read_csv(body: bytes) -> tuple[str, list[dict]]:
    lines = body.decode("utf-8-sig").splitlines()
    header = "\n".join(line for line in lines if line.startswith("# "))
    records = list(csv.DictReader(line for line in lines if not line.startswith("# ")))
    return header, records


def _smallest_group(records: list[dict]) -> int:
    return min(Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in records).values())


@pytest.mark.parametrize("k", [2, 5, 10])
def test_every_group_of_quasi_identifiers_has_at_least_k_records(demo, k):
    result = anonymised_cases(k=k)
    assert result.records, "something is published"
    assert _smallest_group(result.records) >= k
    assert result.left_out <= 0.05 * result.total
    assert len(result.records) + result.left_out == 300


def test_the_csv_export_groups_to_k_and_says_so(demo, analyst, settings):
    settings.REPORT_K = 5
    response = analyst.get("/staff/reports/anonymised/records.csv")
    assert response.status_code == 200
    header, records = _read_csv(response.content)
    assert "# k-anonymity: k=5" in header
    assert list(records[0]) == list(FIELDS)
    assert _smallest_group(records) >= 5
    audit = last_audit()
    assert (audit.action, audit.object_id, audit.detail["k"]) == ("export", "anonymised", 5)


def test_no_identifying_field_leaves(demo, analyst):
    body = analyst.get("/staff/reports/anonymised/records.json").content.decode()
    document = json.loads(body)
    assert document["k"] == 5
    assert _smallest_group(document["records"]) >= 5
    for person in Person.objects.select_related("case"):
        assert person.surname not in body
        assert person.case.reference not in body
        if person.birth_date:
            assert person.birth_date.isoformat() not in body
        if person.phone_numbers:
            assert person.phone_numbers not in body
    for requester in Requester.objects.all():
        assert requester.name not in body


def test_the_quasi_identifiers_are_generalised(demo):
    result = anonymised_cases(k=5)
    for record in result.records:
        if record["birth_years"]:
            start, end = (int(y) for y in record["birth_years"].split("-"))
            assert end - start + 1 in (5, 10) and start % 5 == 0
        assert len(record["requested"]) in (0, 4, 7)  # year, 2022-Q1 or 2022-03; never a day


def test_too_few_cases_are_all_left_out(db):
    import datetime as dt

    from tests.reports.conftest import make_case

    for day in range(1, 4):
        make_case(opened=dt.date(2022, 3, day), birth_year=2000 + day)
    result = anonymised_cases(k=5)
    assert result.records == [] and result.left_out == 3


@pytest.mark.parametrize("persona", ["caseworker"])
def test_a_caseworker_cannot_export(request, persona):
    client = request.getfixturevalue(persona)
    assert client.get("/staff/reports/anonymised/records.csv").status_code == 404
    assert client.get("/staff/reports/anonymised/").status_code == 404


def test_the_page_explains_the_export(analyst):
    page = analyst.get("/staff/reports/anonymised/").content.decode()
    assert "k = 5" in page and "records.csv" in page and "names" in page
