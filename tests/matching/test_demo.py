"""The demo's lists hold some of the demo's sought people, and matching finds them."""

from __future__ import annotations

import io

import pytest

from kintrace.cases.demo import create_demo_cases
from kintrace.lists import demo as lists_demo
from kintrace.lists.models import SourceList
from kintrace.matching import demo as matching_demo
from kintrace.matching.models import Match


@pytest.mark.django_db
def test_demo_lists_and_matches(caseworker):
    create_demo_cases(count=80, staff=[caseworker.user], seed=7)
    out = io.StringIO()
    for module in (lists_demo, matching_demo):
        module.load_demo(staff=[caseworker.user], seed=7, options={}, stdout=out)
    lists = SourceList.objects.all()
    assert sorted(lists.values_list("kind", flat=True)) == [
        "exchanged", "killed", "missing", "prisoners", "wounded",
    ]  # fmt: skip
    assert sorted(lists.values_list("file_format", flat=True)) == [
        "csv", "csv", "json", "pfif", "xlsx",
    ]  # fmt: skip
    matches = Match.objects.select_related("record__source_list")
    kinds = {m.record.source_list.kind for m in matches if m.probability > 0.8}
    assert len(kinds) >= 4
    printed = [m.record.name_as_printed for m in matches]
    assert any(name.isupper() for name in printed)  # Latin capitals
    assert any("і" in name for name in printed)  # Ukrainian spelling
    again = io.StringIO()
    for module in (lists_demo, matching_demo):
        module.load_demo(staff=[caseworker.user], seed=7, options={}, stdout=again)
    assert "exist already" in again.getvalue() and SourceList.objects.count() == 5
