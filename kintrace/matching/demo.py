"""`kintrace demo`: match the demo lists against the demo cases, so the review queue is real.

The records of `kintrace demo --records M` come after that run and are not run through the
engine (hours for a million): some of them are confirmed to demo cases directly, a few
people in two lists of different publishers without a shared person key, as caseworkers'
confirmations leave them.
"""

from __future__ import annotations

import itertools
import random

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from kintrace.cases.models import Case
from kintrace.lists import demo as lists_demo
from kintrace.lists.models import Record, SourceList
from kintrace.matching import actions
from kintrace.matching.models import SERIOUSNESS, Match, MatchStatus

CONFIRMED_SHARE = 50  # about one record in this many is confirmed to a demo case


def load_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    if Match.objects.exists():
        stdout.write("Demo matches exist already.")
        return
    for source_list_id in SourceList.objects.order_by("pk").values_list("pk", flat=True):
        actions.match_list(source_list_id=source_list_id)
    stdout.write(f"Matching proposed {Match.objects.count()} candidates to review.")


def load_bulk_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    """Confirmed matches for the records of `kintrace demo --records M`, made once."""
    generated = lists_demo.generated_lists()
    if not generated.exists() or Match.objects.filter(record__source_list__in=generated).exists():
        return
    confirmed = confirm_generated(staff=staff, seed=seed)
    stdout.write(f"Confirmed {confirmed} generated records as sought people.")


def _picked_records(rng: random.Random, wanted: int) -> list[tuple[int, str, str, str]]:
    """About `wanted` generated records drawn at random: (id, publisher, kind, person key)."""
    records = Record.objects.filter(source_list__file_format=lists_demo.GENERATED_FORMAT)
    span = records.aggregate(first=Min("pk"), last=Max("pk"))
    if span["first"] is None:
        return []
    ids = {rng.randint(span["first"], span["last"]) for _ in range(wanted * 2)}
    picked = records.filter(pk__in=ids).values_list(
        "pk", "source_list__publisher", "source_list__kind", "person_key"
    )
    return sorted(picked)[:wanted]


@transaction.atomic
def confirm_generated(*, staff: list, seed: int) -> int:
    """Confirmed matches between generated records and demo cases; returns how many."""
    rng = random.Random(seed + 2)  # noqa: S311  (fictional data)
    generated = Record.objects.filter(source_list__file_format=lists_demo.GENERATED_FORMAT)
    case_ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    wanted = min(len(case_ids), generated.count() // CONFIRMED_SHARE)
    picked = _picked_records(rng, wanted)
    rng.shuffle(case_ids)
    now = timezone.now()
    matches: dict[int, Match] = {}  # by record
    unkeyed: dict[str, list] = {}
    for (record_id, publisher, kind, key), case_id in zip(picked, case_ids, strict=False):
        matches[record_id] = _confirmed(case_id, record_id, kind, staff, now)
        if not key:
            unkeyed.setdefault(publisher, []).append((record_id, kind, case_id))
    # One person in two lists that matching did not link: both records confirmed to one case.
    for first, second in itertools.pairwise(sorted(unkeyed)):
        pairs = zip(unkeyed[first][::3], unkeyed[second][1::3], strict=False)
        for (_record, _kind, case_id), (record_id, kind, _case) in pairs:
            matches[record_id] = _confirmed(case_id, record_id, kind, staff, now)
    Match.objects.bulk_create(matches.values(), batch_size=2000)
    return len(matches)


def _confirmed(case_id: int, record_id: int, kind: str, staff: list, now) -> Match:
    return Match(
        case_id=case_id,
        record_id=record_id,
        probability=0.97,
        match_weight=9.0,
        seriousness=SERIOUSNESS.get(kind, 0),
        status=MatchStatus.CONFIRMED,
        decided_by=staff[0] if staff else None,
        reason="demo",
        decided_at=now,
        found_at=now,
    )
