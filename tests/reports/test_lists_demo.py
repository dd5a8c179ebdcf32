"""`kintrace demo --records M`: invented records in lists of several publishers, some people
in more than one of them, some confirmed to demo cases; the defaults make none."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.db.models import Count

from kintrace.lists.demo import GENERATED_FORMAT
from kintrace.lists.models import Record, SourceList
from kintrace.matching.models import Match, MatchStatus
from kintrace.reports import registry
from kintrace.reports.filters import Filters


def test_demo_records_across_publishers_with_overlap_and_confirmed_matches(db):
    out = io.StringIO()
    call_command("demo", "--cases", "20", "--records", "400", stdout=out)
    assert "Generated 400 fictional records in 14 lists." in out.getvalue()
    generated = SourceList.objects.filter(file_format=GENERATED_FORMAT)
    records = Record.objects.filter(source_list__in=generated)
    assert records.count() == 400
    assert sum(generated.values_list("record_count", flat=True)) == 400
    assert generated.values("publisher").distinct().count() == 6
    assert set(generated.values_list("side", flat=True)) == {
        "Russia", "Ukraine", "independent", "neutral",
    }  # fmt: skip
    assert generated.values("kind").distinct().count() == 6
    assert generated.values("category").distinct().count() == 4
    # The same person in the lists of different publishers, under one key.
    shared = (
        records.exclude(person_key="")
        .values("person_key")
        .annotate(publishers=Count("source_list__publisher", distinct=True))
    )
    assert shared.filter(publishers__gte=2).count() > 20
    assert not shared.filter(publishers__lt=2).exists()
    confirmed = Match.objects.filter(status=MatchStatus.CONFIRMED, record__in=records)
    assert confirmed.count() >= 400 // 50
    overlap = registry.get("lists-overlap").build(Filters(), 1)
    people = overlap.total.cells[-1].value
    assert 36 + 250 < people < 36 + 400  # the five small lists hold 36 records
    again = io.StringIO()
    call_command("demo", "--cases", "20", "--records", "400", stdout=again)
    assert "Demo lists exist already." in again.getvalue() and records.count() == 400


def test_demo_without_records_makes_only_the_small_lists(db):
    call_command("demo", "--cases", "10", stdout=io.StringIO())
    assert not SourceList.objects.filter(file_format=GENERATED_FORMAT).exists()
    assert SourceList.objects.count() == 5
