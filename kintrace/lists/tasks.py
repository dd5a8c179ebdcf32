"""Imports run in the task queue; the job row carries the progress the page shows."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from kintrace.lists import progress
from kintrace.lists.importers import ImportProblem, open_table
from kintrace.lists.models import ImportJob, JobState


def _progress(job_id: int):
    def report(phase: str, done: int, total: int) -> None:
        # Rows written inside the import transaction are counted in a file beside the
        # database: the job's row would not show them before the commit.
        if phase == "write":
            progress.save(job_id, done, total)
        elif not transaction.get_connection().in_atomic_block:
            ImportJob.objects.filter(pk=job_id).update(rows_done=done, rows_total=total or done)

    return report


@task()
def run_import(*, job_id: int, only_check: bool = False) -> None:
    from kintrace.lists import actions

    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(state=JobState.CHECKING, rows_done=0)
    path = job.file.path
    try:
        actions.refuse_reimport(actions.file_sha256(path))
        table = open_table(path, name=job.file_name)
        total, problems = actions.check_table(table, job.mapping, progress=_progress(job.pk))
        if problems:
            raise problems[0] if len(problems) == 1 else _Many(problems)
        if only_check:
            ImportJob.objects.filter(pk=job.pk).update(
                state=JobState.CHECKED, rows_total=total, rows_done=total
            )
            return
        ImportJob.objects.filter(pk=job.pk).update(state=JobState.WRITING, rows_total=total)
        source_list = actions.write_list(
            table=table,
            mapping=job.mapping,
            details=job.details,
            sha256=actions.file_sha256(path),
            file_name=job.file_name,
            total=total,
            actor=job.created_by,
            request=None,
            progress=_progress(job.pk),
        )
    except _Many as many:
        _refuse(job, many.problems)
    except ImportProblem as problem:
        _refuse(job, [problem])
    else:
        ImportJob.objects.filter(pk=job.pk).update(
            state=JobState.DONE, source_list=source_list, rows_done=total
        )
    finally:
        progress.clear(job.pk)


class _Many(Exception):
    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems


def _refuse(job: ImportJob, problems: list[ImportProblem]) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        state=JobState.REFUSED, problems=[p.as_dict() for p in problems]
    )
