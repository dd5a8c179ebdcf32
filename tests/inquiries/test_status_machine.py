"""The status machine: every transition through its action; the rest refused."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from kintrace.cases.models import Event, EventKind
from kintrace.inquiries import actions
from kintrace.inquiries.models import InquiryStatus as S
from kintrace.inquiries.models import ResponseKind
from kintrace.inquiries.status import TRANSITIONS, TransitionRefused, can_move, check_transition
from tests.inquiries.conftest import make_inquiry, send

d = dt.date
SENT_ON = d(2025, 3, 3)  # due 2 April 2025 without a registration date (6 March + 30 days)


def to_sent(inquiry):
    return send(inquiry, SENT_ON)


def to_registered(inquiry):
    to_sent(inquiry)
    actions.record_registration(
        inquiry=inquiry, registered_on=d(2025, 3, 4), number="OG-1", actor=None, request=None
    )
    return inquiry


def to_overdue(inquiry):
    to_sent(inquiry)
    actions.mark_overdue_inquiries(today=d(2025, 4, 10))
    inquiry.refresh_from_db()
    return inquiry


def respond(kind):
    def reach(inquiry, redirected_to=None):
        to_sent(inquiry)
        target = redirected_to or inquiry.institution.parent
        actions.record_response(
            inquiry=inquiry,
            kind=kind,
            received_on=d(2025, 3, 20),
            redirected_to=target if kind == ResponseKind.REDIRECT else None,
            actor=None,
            request=None,
        )
        inquiry.refresh_from_db()
        return inquiry

    return reach


REACH = {
    S.DRAFT: lambda inquiry: inquiry,
    S.SENT: to_sent,
    S.REGISTERED: to_registered,
    S.OVERDUE: to_overdue,
    S.ANSWERED: respond(ResponseKind.SUBSTANTIVE),
    S.REDIRECTED: respond(ResponseKind.REDIRECT),
    S.NON_ANSWER: respond(ResponseKind.FORMAL),
}


def perform(inquiry, target, case, gvp):
    """Move `inquiry` to `target` through the action the table names."""
    if target == S.SENT:
        to_sent(inquiry)
    elif target == S.REGISTERED:
        actions.record_registration(
            inquiry=inquiry,
            registered_on=d(2025, 4, 8),
            number="7",
            actor=None,
            request=None,
            today=d(2025, 4, 10),
        )
    elif target == S.OVERDUE:
        actions.mark_overdue_inquiries(today=d(2025, 6, 1))
    elif target in (S.ANSWERED, S.REDIRECTED, S.NON_ANSWER):
        kind = {
            S.ANSWERED: ResponseKind.SUBSTANTIVE,
            S.REDIRECTED: ResponseKind.REDIRECT,
            S.NON_ANSWER: ResponseKind.FORMAL,
        }[target]
        actions.record_response(
            inquiry=inquiry,
            kind=kind,
            received_on=d(2025, 4, 1),
            redirected_to=gvp if kind == ResponseKind.REDIRECT else None,
            actor=None,
            request=None,
        )
    elif target == S.ESCALATED:
        follow = make_inquiry(case, gvp, previous=inquiry, follow_up="escalation")
        send(follow, d(2025, 4, 15))
    inquiry.refresh_from_db()


ROUTES = sorted(
    (source, target)
    for (source, target), names in TRANSITIONS.items()
    if names & {"send_inquiry", "record_registration", "mark_overdue_inquiries", "record_response"}
)


@pytest.mark.parametrize(("source", "target"), ROUTES)
def test_every_transition_through_its_action(case, mod, gvp, source, target):
    inquiry = REACH[source](make_inquiry(case, mod))
    assert inquiry.status == source
    perform(inquiry, target, case, gvp)
    assert inquiry.status == target


def test_the_table_names_only_known_actions():
    known = {
        "send_inquiry",
        "record_registration",
        "record_extension",
        "mark_overdue_inquiries",
        "record_response",
    }
    assert set().union(*TRANSITIONS.values()) == known
    assert all(hasattr(actions, name) for name in known)


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S.values, S.values)))
def test_transitions_not_in_the_table_are_refused(source, target):
    if can_move(source, target):
        check_transition(source, target, action=next(iter(TRANSITIONS[(source, target)])))
        return
    for action in ("send_inquiry", "record_response", "mark_overdue_inquiries"):
        with pytest.raises(TransitionRefused):
            check_transition(source, target, action=action)


def test_a_transition_by_the_wrong_action_is_refused():
    with pytest.raises(TransitionRefused):
        check_transition(S.SENT, S.OVERDUE, action="record_response")


@pytest.mark.parametrize("status", [S.DRAFT, S.ANSWERED, S.REDIRECTED, S.NON_ANSWER])
def test_no_response_unless_an_answer_is_awaited(case, mod, status):
    inquiry = REACH[status](make_inquiry(case, mod))
    with pytest.raises(TransitionRefused):
        actions.record_response(
            inquiry=inquiry, kind="substantive", received_on=d(2025, 4, 1), actor=None, request=None
        )
    inquiry.refresh_from_db()
    assert inquiry.status == status
    assert inquiry.responses.count() == (0 if status == S.DRAFT else 1)


def test_sending_twice_is_refused(case, mod):
    inquiry = to_sent(make_inquiry(case, mod))
    with pytest.raises(TransitionRefused):
        actions.send_inquiry(
            inquiry=inquiry, sent_on=SENT_ON, channel="post", actor=None, request=None
        )


def test_sending_sets_the_rule_and_due_date_and_writes_the_timeline(case, mod):
    inquiry = to_sent(make_inquiry(case, mod))
    assert inquiry.rule.code == "ru-59-fz"
    assert inquiry.due_on == d(2025, 4, 5)  # registered at the latest 6 March, + 30 days
    event = Event.objects.filter(case=case, kind=EventKind.INQUIRY_SENT).get()
    assert "Минобороны России" in event.text and "05.04.2025" in event.text


def test_registration_recomputes_the_due_date(case, mod):
    inquiry = to_registered(make_inquiry(case, mod))
    assert (inquiry.status, inquiry.due_on) == (S.REGISTERED, d(2025, 4, 3))


def test_extension_once_by_thirty_days(case, mod):
    inquiry = to_registered(make_inquiry(case, mod))
    actions.record_extension(inquiry=inquiry, actor=None, request=None)
    inquiry.refresh_from_db()
    assert inquiry.due_on == d(2025, 5, 3)
    with pytest.raises(ValueError, match="once"):
        actions.record_extension(inquiry=inquiry, actor=None, request=None)


@pytest.mark.parametrize(
    ("kind", "status", "is_answer"),
    [
        (ResponseKind.SUBSTANTIVE, S.ANSWERED, True),
        (ResponseKind.REFUSAL, S.ANSWERED, True),
        (ResponseKind.FORMAL, S.NON_ANSWER, False),
        (ResponseKind.REDIRECT, S.REDIRECTED, False),
    ],
)
def test_redirect_and_non_answer_are_never_answers(case, mod, gvp, kind, status, is_answer):
    inquiry = to_sent(make_inquiry(case, mod))
    response = actions.record_response(
        inquiry=inquiry,
        kind=kind,
        received_on=d(2025, 3, 20),
        redirected_to=gvp if kind == ResponseKind.REDIRECT else None,
        actor=None,
        request=None,
    )
    inquiry.refresh_from_db()
    assert inquiry.status == status
    assert response.counts_as_answer is is_answer
    assert response.unlawful is False


def test_a_redirect_names_where_to(case, mod):
    inquiry = to_sent(make_inquiry(case, mod))
    with pytest.raises(ValueError, match="names the body"):
        actions.record_response(
            inquiry=inquiry, kind="redirect", received_on=d(2025, 3, 20), actor=None, request=None
        )
    inquiry.refresh_from_db()
    assert inquiry.status == S.SENT and inquiry.responses.count() == 0


def test_an_extension_can_end_an_overdue(case, mod):
    inquiry = to_overdue(make_inquiry(case, mod))
    actions.record_extension(inquiry=inquiry, actor=None, request=None, today=d(2025, 4, 10))
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.due_on) == (S.SENT, d(2025, 5, 5))


def test_an_early_follow_up_leaves_the_awaited_letter_as_it_is(case, mod, gvp):
    inquiry = to_registered(make_inquiry(case, mod))
    follow = send(make_inquiry(case, gvp, previous=inquiry, follow_up="escalation"))
    inquiry.refresh_from_db()
    assert (follow.status, inquiry.status) == (S.SENT, S.REGISTERED)
