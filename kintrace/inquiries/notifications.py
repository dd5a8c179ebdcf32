"""Telling caseworkers that inquiries in their cases are overdue: one e-mail each, on commit.

The e-mail carries case references and institutions only, never a name.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from kintrace.cases.tasks import send_email


def queue_overdue_notices(inquiries) -> None:
    by_worker = defaultdict(list)
    for inquiry in inquiries:
        worker = inquiry.case.assigned_to
        if worker is not None and worker.email:
            by_worker[worker].append(inquiry)
    for worker, items in by_worker.items():
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "inquiries": items,
                "dashboard_url": f"{settings.SITE_URL}/staff/",
                "organisation": settings.ORGANISATION_NAME,
            }
            subject = render_to_string("inquiries/email/overdue_subject.txt", context).strip()
            body = render_to_string("inquiries/email/overdue.txt", context)
        to = worker.email
        transaction.on_commit(
            lambda to=to, subject=subject, body=body: send_email.enqueue(
                to=to, subject=subject, body=body
            )
        )
