"""Background work of the cases app: e-mail leaves from the task queue, never from a request.

Also the daily erasure of cases kept past their retention period, queued by the scheduler.
"""

import datetime as dt

from django.core.mail import send_mail
from django_tasks import task

from kintrace.periodic.scheduler import Periodic


@task()
def send_email(*, to: str, subject: str, body: str) -> None:
    """A staff e-mail (addresses of staff only: queued arguments are stored in the database)."""
    send_mail(subject, body, None, [to], fail_silently=False)


@task()
def send_family_email(*, reference: str, kind: str) -> None:
    """An e-mail to a family, looked up when it is sent: the queue keeps no address or name."""
    from kintrace.cases.notifications import render_family_email

    rendered = render_family_email(reference=reference, kind=kind)
    if rendered is not None:  # the case was erased, or the address removed, meanwhile
        to, subject, body = rendered
        send_mail(subject, body, None, [to], fail_silently=False)


@task()
def erase_expired() -> int:
    """Erase the cases kept past the retention period of their outcome; returns how many."""
    from kintrace.cases.retention import erase_expired as erase

    return erase()


PERIODIC = [Periodic(name="cases.erase_expired", task=erase_expired, every=dt.timedelta(days=1))]
