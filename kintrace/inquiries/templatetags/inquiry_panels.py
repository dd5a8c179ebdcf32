"""Inquiry panels the case page and the dashboard include, so `cases` never imports this app."""

from __future__ import annotations

from django import template

from kintrace.inquiries.letters.text import contract_check
from kintrace.inquiries.models import Inquiry, InquiryKind, InquiryStatus, Institution

register = template.Library()

PROSECUTOR_CODE = "gvp"


@register.inclusion_tag("inquiries/staff/case_panel.html", takes_context=True)
def case_inquiries(context, case) -> dict:
    flag = contract_check(case)
    return {
        "perms": context.get("perms"),
        "case": case,
        "inquiries": Inquiry.objects.filter(case=case).select_related("institution"),
        "flag": flag,
        "prosecutor": Institution.objects.filter(code=PROSECUTOR_CODE).first() if flag else None,
        "contract_kind": InquiryKind.CONTRACT,
    }


@register.inclusion_tag("inquiries/staff/dashboard_panel.html", takes_context=True)
def overdue_inquiries(context) -> dict:
    user = context["request"].user
    overdue = []
    if user.has_perm("inquiries.view_inquiry"):
        overdue = list(
            Inquiry.objects.filter(case__assigned_to=user, status=InquiryStatus.OVERDUE)
            .select_related("case", "institution")
            .order_by("due_on")[:20]
        )
    return {"overdue": overdue, "shown": user.has_perm("inquiries.view_inquiry")}
