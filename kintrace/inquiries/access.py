"""The one way views get an inquiry: 404 for "missing" and "not yours" alike, and an audit row."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.inquiries.models import Inquiry


def access_inquiry(request: HttpRequest, inquiry_id: int, *, for_write: bool) -> Inquiry:
    perm = "inquiries.change_inquiry" if for_write else "inquiries.view_inquiry"
    if not request.user.has_perm(perm):
        raise Http404
    inquiry = (
        Inquiry.objects.select_related(
            "case__person", "case__requester", "institution", "rule", "complained_about"
        )
        .filter(pk=inquiry_id)
        .first()
    )
    if inquiry is None:
        raise Http404
    if request.method == "GET":
        audit.record(
            request=request,
            action=AuditAction.VIEW,
            object_type="inquiry",
            object_id=str(inquiry.pk),
            detail={"case": inquiry.case.reference},
        )
    return inquiry
