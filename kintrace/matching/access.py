"""The one way views get a match: 404 for "missing" and "not allowed" alike, reads audited."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.lists.access import MAX_ID
from kintrace.matching.models import Match


def access_match(request: HttpRequest, match_id: int, *, for_write: bool) -> Match:
    perm = "matching.review_match" if for_write else "matching.view_match"
    if not request.user.has_perm(perm) or not 0 < match_id <= MAX_ID:
        raise Http404
    match = (
        Match.objects.select_related(
            "case__person", "record__source_list", "first_by", "decided_by"
        )
        .filter(pk=match_id)
        .first()
    )
    if match is None:
        raise Http404
    if request.method == "GET":
        audit.record(
            request=request,
            action=AuditAction.VIEW,
            object_type="match",
            object_id=match.pk,
            detail={"case": match.case.reference},
        )
    return match
