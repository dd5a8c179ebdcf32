"""E-mails to families: rendered in their language, queued after the transaction commits.

They never carry news or names beyond the reference: e-mail is not a safe channel,
so they point the family to the status page, where the access code is needed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from kintrace.cases.models import Case, Requester

TEMPLATES = {
    "confirmation": ("cases/email/confirmation_subject.txt", "cases/email/confirmation.txt"),
    "update": ("cases/email/update_subject.txt", "cases/email/update.txt"),
}


def render_family_email(*, reference: str, kind: str) -> tuple[str, str, str] | None:
    """(address, subject, body) for the family of a case, or None when there is no address."""
    requester = Requester.objects.filter(case__reference=reference).first()
    if requester is None or not requester.email:
        return None
    subject_template, body_template = TEMPLATES[kind]
    with translation.override(requester.preferred_language):
        context = {
            "reference": reference,
            "status_url": f"{settings.SITE_URL}/status/",
            "organisation": settings.ORGANISATION_NAME,
        }
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(body_template, context)
    return requester.email, subject, body


def _queue(case: Case, kind: str) -> None:
    from kintrace.cases.tasks import send_family_email

    requester = getattr(case, "requester", None)
    if requester is None or not requester.email:
        return
    reference = case.reference
    transaction.on_commit(lambda: send_family_email.enqueue(reference=reference, kind=kind))


def queue_confirmation(case: Case) -> None:
    _queue(case, "confirmation")


def queue_update_notice(case: Case) -> None:
    _queue(case, "update")
