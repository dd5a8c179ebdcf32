"""Background work of the cases app: e-mail leaves from the task queue, never from a request."""

from django.core.mail import send_mail
from django_tasks import task


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
