"""The inquiry status machine, in one place: which transitions exist and which action makes each.

Actions call `check_transition` before they change a status, so a transition that is not in
the table cannot happen, whatever a form or a job asks for.
"""

from __future__ import annotations

from kintrace.inquiries.models import InquiryStatus as S

# (from, to) -> the actions in `inquiries.actions` that may perform it.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.DRAFT, S.SENT): frozenset({"send_inquiry"}),
    (S.SENT, S.REGISTERED): frozenset({"record_registration"}),
    # a late registration or an extension can bring the due date back into the future
    (S.OVERDUE, S.REGISTERED): frozenset({"record_registration", "record_extension"}),
    (S.OVERDUE, S.SENT): frozenset({"record_extension"}),
    (S.SENT, S.OVERDUE): frozenset({"mark_overdue_inquiries"}),
    (S.REGISTERED, S.OVERDUE): frozenset({"mark_overdue_inquiries"}),
    **{
        (source, target): frozenset({"record_response"})
        for source in (S.SENT, S.REGISTERED, S.OVERDUE)
        for target in (S.ANSWERED, S.REDIRECTED, S.NON_ANSWER)
    },
    **{
        # sending the follow-up letter escalates the one it follows
        (source, S.ESCALATED): frozenset({"send_inquiry"})
        for source in (S.OVERDUE, S.REDIRECTED, S.NON_ANSWER, S.ANSWERED)
    },
}


class TransitionRefused(ValueError):
    """A status change the table does not allow."""

    def __init__(self, source: str, target: str, action: str) -> None:
        super().__init__(f"{action} cannot move an inquiry from {source} to {target}")
        self.source, self.target, self.action = source, target, action


def check_transition(source: str, target: str, *, action: str) -> None:
    if action not in TRANSITIONS.get((str(source), str(target)), ()):
        raise TransitionRefused(str(source), str(target), action)


def can_move(source: str, target: str) -> bool:
    return (str(source), str(target)) in TRANSITIONS
