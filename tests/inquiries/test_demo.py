"""`kintrace demo` makes inquiries in every status, overdue ones and unlawful redirects."""

from __future__ import annotations

import io

from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.cases.demo import create_demo_cases
from kintrace.inquiries.demo import load_demo
from kintrace.inquiries.models import Inquiry, InquiryStatus, Response


def test_demo_inquiries_cover_every_status_and_run_once(db):
    worker, _password = create_staff(username="demo-caseworker", role="caseworker")
    create_demo_cases(count=60, staff=[worker], seed=7)
    out = io.StringIO()
    load_demo(staff=[worker], seed=7, options={}, stdout=out)
    statuses = set(Inquiry.objects.values_list("status", flat=True))
    assert statuses == set(InquiryStatus.values)
    assert Response.objects.filter(unlawful=True).exists()
    assert Inquiry.objects.filter(follow_up="unlawful_redirect").exists()
    assert "fictional inquiries" in out.getvalue()
    count = Inquiry.objects.count()
    again = io.StringIO()
    load_demo(staff=[worker], seed=7, options={}, stdout=again)
    assert Inquiry.objects.count() == count
    assert "exist already" in again.getvalue()
