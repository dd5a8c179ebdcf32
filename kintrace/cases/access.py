"""The one way views get a case: 404 for "missing" and "not yours" alike, and an audit row."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases.actions import normalise_reference
from kintrace.cases.models import Case

FAMILY_SESSION_KEY = "family_case"


def access_case(request: HttpRequest, reference: str, *, for_write: bool) -> Case:
    """A case for a staff page; reading it with GET is audited as a view of personal data."""
    perm = "cases.change_case" if for_write else "cases.view_case"
    normalised = normalise_reference(reference)
    if not request.user.has_perm(perm) or normalised is None:
        raise Http404
    case = (
        Case.objects.select_related("person", "requester", "assigned_to")
        .filter(reference=normalised)
        .first()
    )
    if case is None:
        raise Http404
    if request.method == "GET":
        audit.record(
            request=request, action=AuditAction.VIEW, object_type="case", object_id=case.reference
        )
    return case


def grant_family_access(request: HttpRequest, case: Case) -> None:
    request.session.cycle_key()  # a fresh session id once the code is proven
    request.session[FAMILY_SESSION_KEY] = case.reference


def revoke_family_access(request: HttpRequest) -> None:
    request.session.pop(FAMILY_SESSION_KEY, None)


def access_case_as_family(request: HttpRequest, reference: str) -> Case | None:
    """The case whose code this browser proved; None (never an error) otherwise."""
    granted = request.session.get(FAMILY_SESSION_KEY)
    if granted is None or granted != normalise_reference(reference):
        return None
    case = Case.objects.select_related("person").filter(reference=granted).first()
    if case is not None and request.method == "GET":
        audit.record(
            request=request,
            action=AuditAction.VIEW,
            object_type="case",
            object_id=case.reference,
            actor_label="family",
        )
    return case
