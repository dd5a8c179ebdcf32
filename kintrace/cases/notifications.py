"""E-mails to families: rendered in their language, queued after the transaction commits.

They never carry news or names beyond the reference: e-mail is not a safe channel,
so they point the family to the status page, where the access code is needed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from kintrace.cases.models import Case
from kintrace.cases.tasks import send_email


def _queue(case: Case, template: str, subject_template: str) -> None:
    requester = getattr(case, "requester", None)
    if requester is None or not requester.email:
        return
    with translation.override(requester.preferred_language):
        context = {
            "reference": case.reference,
            "status_url": f"{settings.SITE_URL}/status/",
            "organisation": settings.ORGANISATION_NAME,
        }
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(template, context)
    to = requester.email
    transaction.on_commit(lambda: send_email.enqueue(to=to, subject=subject, body=body))


def queue_confirmation(case: Case) -> None:
    _queue(case, "cases/email/confirmation.txt", "cases/email/confirmation_subject.txt")


def queue_update_notice(case: Case) -> None:
    _queue(case, "cases/email/update.txt", "cases/email/update_subject.txt")
