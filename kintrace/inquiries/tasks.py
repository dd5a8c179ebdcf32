"""Background work of the inquiries app, and the periodic tasks the scheduler queues."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from kintrace.periodic.scheduler import Periodic


@task()
def check_deadlines() -> int:
    """Mark the inquiries whose due date has passed as overdue; returns how many."""
    from kintrace.inquiries.actions import mark_overdue_inquiries

    return len(mark_overdue_inquiries())


PERIODIC = [
    Periodic(name="inquiries.check_deadlines", task=check_deadlines, every=dt.timedelta(days=1))
]
