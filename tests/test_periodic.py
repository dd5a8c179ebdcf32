"""The scheduler queues each app's periodic tasks once per interval, restarts included."""

from __future__ import annotations

import datetime as dt
import io

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kintrace.cases import actions
from kintrace.cases.models import Case, ErasedCase, Status
from kintrace.inquiries.models import InquiryStatus, Institution
from kintrace.periodic.models import PeriodicRun
from kintrace.periodic.scheduler import periodic_tasks, run_due
from tests.conftest import file_case
from tests.inquiries.conftest import make_inquiry, send

DAILY = ["cases.erase_expired", "inquiries.check_deadlines"]


def test_every_periodic_task_is_found():
    assert [p.name for p in periodic_tasks()] == DAILY
    assert {p.every for p in periodic_tasks()} == {dt.timedelta(days=1)}


def test_the_scheduler_runs_a_task_once_per_interval(case):
    mod = Institution.objects.get(code="mod-ru")
    late = send(make_inquiry(case, mod), dt.date(2025, 3, 3))
    now = timezone.now()
    assert run_due(now) == DAILY
    late.refresh_from_db()
    assert late.status == InquiryStatus.OVERDUE  # the immediate backend ran it
    assert run_due(now + dt.timedelta(hours=23)) == []  # a restart the same day: nothing
    assert run_due(now + dt.timedelta(days=1)) == DAILY
    assert set(PeriodicRun.objects.values_list("last_run_at", flat=True)) == {
        now + dt.timedelta(days=1)
    }


def test_the_daily_run_erases_cases_past_their_retention(caseworker, settings):
    settings.RETENTION_DAYS = {"closed": 10}
    closed, _code = file_case()
    kept, _code = file_case()
    for case in (closed, kept):
        actions.change_status(
            case=case, status=Status.CLOSED, reason="r", actor=caseworker.user, request=None
        )
    with connection.cursor() as cursor:  # the closed case's outcome 20 days back
        cursor.execute(
            "UPDATE cases_event SET created_at = %s WHERE case_id = %s",
            [timezone.now() - dt.timedelta(days=20), closed.pk],
        )
    assert "cases.erase_expired" in run_due()
    assert list(Case.objects.values_list("pk", flat=True)) == [kept.pk]
    assert ErasedCase.objects.get().reason == "retention"


def test_the_scheduler_command_once(db):
    out = io.StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert out.getvalue().splitlines() == [f"Queued {name}" for name in DAILY]
    out = io.StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert out.getvalue() == ""


def test_the_scheduler_survives_a_database_error(db, monkeypatch, caplog):
    from django.db import OperationalError

    from kintrace.periodic import scheduler

    def locked(now=None):
        raise OperationalError("database is locked")

    monkeypatch.setattr(scheduler, "run_due", locked)
    out = io.StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert out.getvalue() == ""
    assert "could not reach the database" in caplog.text
