"""Four eyes for grave news, rejection with a reason, and the family told only on purpose."""

from __future__ import annotations

import pytest

from kintrace.cases.models import EventKind, Status
from kintrace.matching import actions
from kintrace.matching.models import Match, MatchStatus
from tests.matching.conftest import IVANOV_UK


def confirm(match, client, reason="same unit and date"):
    return actions.confirm_match(match=match, reason=reason, actor=client.user, request=None)


def test_captivity_needs_two_caseworkers(match, caseworker, other_caseworker):
    first = confirm(match, caseworker)
    assert first.status == MatchStatus.SECOND_REVIEW and first.first_by == caseworker.user
    assert not match.case.events.filter(kind=EventKind.MATCH_CONFIRMED).exists()
    with pytest.raises(actions.ReviewRefused, match="second caseworker"):
        confirm(match, caseworker)
    done = confirm(match, other_caseworker, "called the unit")
    assert done.status == MatchStatus.CONFIRMED and done.decided_by == other_caseworker.user
    event = match.case.events.get(kind=EventKind.MATCH_CONFIRMED)
    assert not event.visible_to_family
    assert event.text.startswith("prisoners list (Ministry), row 1: Іванов Олексій Петрович")
    assert event.data["list"] == "prisoners list" and event.data["confirmed_by"] == [
        "katya",
        "oleg",
    ]


def test_news_of_a_wounded_person_needs_one_caseworker(new_case, import_rows, caseworker):
    case = new_case()
    import_rows([IVANOV_UK], kind="wounded")
    match = Match.objects.get(case=case)
    assert not match.needs_four_eyes
    assert confirm(match, caseworker).status == MatchStatus.CONFIRMED


def test_a_decided_match_cannot_be_decided_again(match, caseworker, other_caseworker):
    actions.reject_match(match=match, reason="no", actor=caseworker.user, request=None)
    with pytest.raises(actions.ReviewRefused):
        confirm(match, other_caseworker)
    with pytest.raises(actions.ReviewRefused):
        actions.reject_match(match=match, reason="no", actor=caseworker.user, request=None)


def test_the_family_sees_nothing_until_a_caseworker_writes(
    match, caseworker, other_caseworker, family_of
):
    family = family_of(match.case)
    confirm(match, caseworker)
    confirm(match, other_caseworker)
    response = family.get(f"/status/{match.case.reference}/")
    page = response.content.decode()
    assert response.status_code == 200 and "Request received" in page
    assert "prisoners list" not in page and "Found: in captivity" not in page
    match.case.refresh_from_db()
    assert match.case.status == Status.NEW
    actions.tell_family(
        match=match,
        message="Your son is on a list of prisoners. We will call you today.",
        actor=caseworker.user,
        request=None,
    )
    match.refresh_from_db()
    match.case.refresh_from_db()
    assert match.family_told_at is not None and match.case.status == Status.FOUND_CAPTURED
    page = family.get(f"/status/{match.case.reference}/").content.decode()
    assert "Your son is on a list of prisoners" in page and "Found: in captivity" in page


def test_unconfirmed_news_cannot_be_told(match, caseworker):
    with pytest.raises(actions.ReviewRefused, match="Only a confirmed match"):
        actions.tell_family(match=match, message="x", actor=caseworker.user, request=None)
    confirm(match, caseworker)
    with pytest.raises(actions.ReviewRefused, match="Only a confirmed match"):
        actions.tell_family(match=match, message="x", actor=caseworker.user, request=None)
    match.case.refresh_from_db()
    assert not match.case.events.filter(visible_to_family=True, kind="message").exists()
