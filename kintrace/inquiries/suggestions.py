"""What to write next after a redirect, a formal reply or no answer at all."""

from __future__ import annotations

from dataclasses import dataclass

from kintrace.inquiries.models import (
    FollowUp,
    Inquiry,
    InquiryStatus,
    Institution,
    InstitutionKind,
    ResponseKind,
)


@dataclass(frozen=True)
class Suggestion:
    institution: Institution
    follow_up: FollowUp
    rule_cited: str = ""


def _above(start: Institution | None, skip: set[int]) -> Institution | None:
    """The nearest body at or above `start` that is not in `skip`, a prosecutor first."""
    chain = [body for body in (start.chain() if start else []) if body.pk not in skip]
    prosecutor = next((b for b in chain if b.kind == InstitutionKind.PROSECUTOR), None)
    return prosecutor or (chain[0] if chain else None)


def suggest_next(inquiry: Inquiry) -> Suggestion | None:
    """The next letter: to the body a lawful redirect named; up the chain otherwise."""
    if inquiry.status == InquiryStatus.REDIRECTED:
        redirect = inquiry.responses.filter(kind=ResponseKind.REDIRECT).order_by("-id").first()
        if redirect is None or redirect.redirected_to is None:
            return None
        if redirect.unlawful:
            about = redirect.redirected_to
            target = _above(about.parent, {about.pk, inquiry.institution_id}) or _above(
                inquiry.institution.parent, {about.pk, inquiry.institution_id}
            )
            if target is None:
                return None
            return Suggestion(target, FollowUp.UNLAWFUL_REDIRECT, redirect.rule_cited)
        return Suggestion(redirect.redirected_to, FollowUp.REDIRECT)
    if inquiry.status in (InquiryStatus.OVERDUE, InquiryStatus.NON_ANSWER):
        parent = inquiry.institution.parent
        return Suggestion(parent, FollowUp.ESCALATION) if parent is not None else None
    return None
