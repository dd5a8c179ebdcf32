"""The daily deadline check: the job, `kintrace check-deadlines`, e-mail, dashboard."""

from __future__ import annotations

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kintrace.cases.actions import assign_case
from kintrace.cases.models import Event, EventKind
from kintrace.inquiries.models import InquiryStatus
from tests.inquiries.conftest import make_inquiry, send


def test_check_deadlines_marks_overdue_tells_the_caseworker_and_prints_the_count(
    caseworker, case, mod, gvp, django_capture_on_commit_callbacks
):
    caseworker.user.email = "katya@example.org"
    caseworker.user.save()
    assign_case(case=case, assignee=caseworker.user, actor=None, request=None)
    late = send(make_inquiry(case, mod), dt.date(2025, 3, 3))
    on_time = send(make_inquiry(case, gvp), timezone.localdate())
    mail.outbox.clear()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_deadlines", stdout=out)
    assert out.getvalue().strip() == "1 inquiries became overdue."
    late.refresh_from_db()
    on_time.refresh_from_db()
    assert (late.status, on_time.status) == (InquiryStatus.OVERDUE, InquiryStatus.SENT)
    assert Event.objects.filter(case=case, kind=EventKind.INQUIRY_OVERDUE).count() == 1
    [message] = [m for m in mail.outbox if m.to == ["katya@example.org"]]
    assert case.reference in message.body and "05.04.2025" in message.body
    assert "Иванов" not in message.body
    page = caseworker.get("/staff/").content.decode()
    assert 'id="overdue-inquiries"' in page and f"/staff/inquiries/{late.pk}/" in page
    again = io.StringIO()
    call_command("check_deadlines", stdout=again)
    assert again.getvalue().strip() == "0 inquiries became overdue."
