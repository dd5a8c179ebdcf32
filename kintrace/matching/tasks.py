"""Matching in the task queue: one case against all records, or one list against all cases."""

from __future__ import annotations

from django_tasks import task


@task()
def match_case(*, case_id: int) -> None:
    from kintrace.matching import actions

    actions.match_case(case_id=case_id)


@task()
def match_list(*, source_list_id: int) -> None:
    from kintrace.matching import actions

    actions.match_list(source_list_id=source_list_id)
