"""Matching runs after a case is filed or edited and after a list is imported (on commit)."""

from __future__ import annotations

from django.dispatch import receiver

from kintrace.cases.signals import person_changed
from kintrace.lists.signals import list_imported


@receiver(person_changed, dispatch_uid="kintrace-matching-case")
def _case_changed(sender, case_id: int, **kwargs) -> None:
    from kintrace.matching import tasks

    tasks.match_case.enqueue(case_id=case_id)


@receiver(list_imported, dispatch_uid="kintrace-matching-list")
def _list_imported(sender, source_list_id: int, **kwargs) -> None:
    from kintrace.matching import tasks

    tasks.match_list.enqueue(source_list_id=source_list_id)
