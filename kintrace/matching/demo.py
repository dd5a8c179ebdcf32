"""`kintrace demo`: match the demo lists against the demo cases, so the review queue is real."""

from __future__ import annotations

from kintrace.lists.models import SourceList
from kintrace.matching import actions
from kintrace.matching.models import Match


def load_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    if Match.objects.exists():
        stdout.write("Demo matches exist already.")
        return
    for source_list_id in SourceList.objects.order_by("pk").values_list("pk", flat=True):
        actions.match_list(source_list_id=source_list_id)
    stdout.write(f"Matching proposed {Match.objects.count()} candidates to review.")
