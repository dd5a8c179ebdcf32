"""Background work of the cases app: e-mail leaves from the task queue, never from a request."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(*, to: str, subject: str, body: str) -> None:
    send_mail(subject, body, None, [to], fail_silently=False)
