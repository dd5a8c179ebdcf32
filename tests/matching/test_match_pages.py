"""The review queue and a match page, per persona: status, content, state and audit."""

from __future__ import annotations

import pytest

from kintrace.accounts.models import AuditEvent
from kintrace.matching.models import Match, MatchStatus
from tests.conftest import last_audit


def test_queue_lists_candidates_gravest_first(match, caseworker, import_rows, new_case):
    response = caseworker.get("/staff/matches/")
    page = response.content.decode()
    assert response.status_code == 200
    assert match.case.reference in page and "Іванов Олексій Петрович" in page
    assert "Prisoners" in page
    audit = last_audit()
    assert (audit.action, audit.object_type) == ("view", "match_list")


def test_match_page_side_by_side_with_plain_words(match, caseworker):
    response = caseworker.get(f"/staff/matches/{match.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Иванов Алексей Петрович" in page and "Іванов Олексій Петрович" in page
    assert "same birth date" in page and "unit matches" in page
    assert "surname written in Ukrainian (Іванов)" in page
    assert "News of death or captivity" in page and 'id="confirm-form"' in page
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id) == ("view", "match", str(match.pk))


def test_confirm_twice_by_two_caseworkers(match, caseworker, other_caseworker):
    url = f"/staff/matches/{match.pk}/confirm/"
    assert caseworker.post(url, {"confirm-reason": "same unit"}).status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.SECOND_REVIEW
    page = caseworker.get(f"/staff/matches/{match.pk}/").content.decode()
    assert "another caseworker must confirm it" in page and 'id="confirm-form"' not in page
    again = caseworker.post(url, {"confirm-reason": "sure"})
    assert again.status_code == 400 and "A second caseworker must confirm" in again.content.decode()
    assert other_caseworker.post(url, {"confirm-reason": "called"}).status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.CONFIRMED
    audit = last_audit()
    assert (audit.action, audit.detail["step"]) == ("review", "confirmed")


def test_reject_needs_a_reason(match, caseworker):
    url = f"/staff/matches/{match.pk}/reject/"
    assert caseworker.post(url, {"reject-reason": ""}).status_code == 400
    assert caseworker.post(url, {"reject-reason": "other father"}).status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.REJECTED and match.reason == "other father"


def test_tell_the_family(match, caseworker, other_caseworker, family_of):
    family = family_of(match.case)
    for client in (caseworker, other_caseworker):
        client.post(f"/staff/matches/{match.pk}/confirm/", {"confirm-reason": "ok"})
    response = caseworker.post(f"/staff/matches/{match.pk}/tell/", {"message": "He is alive."})
    assert response.status_code == 302
    assert "He is alive." in family.get(f"/status/{match.case.reference}/").content.decode()
    match.refresh_from_db()
    assert match.family_told_at is not None


@pytest.mark.parametrize("persona", ["analyst", "anonymous"])
def test_outsiders_get_nothing(request, match, persona):
    client = request.getfixturevalue(persona)
    for url in ("/staff/matches/", f"/staff/matches/{match.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 404)
    response = client.post(f"/staff/matches/{match.pk}/confirm/", {"confirm-reason": "x"})
    assert response.status_code in (302, 404)
    match.refresh_from_db()
    assert match.status == MatchStatus.CANDIDATE


def test_family_cannot_open_staff_pages(match, family):
    response = family.get(f"/staff/matches/{match.pk}/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_missing_match_is_404(caseworker):
    assert caseworker.get("/staff/matches/99999/").status_code == 404


def test_coordinator_runs_matching_again(match, coordinator, django_capture_on_commit_callbacks):
    assert 'id="run-form"' in coordinator.get("/staff/matches/").content.decode()
    Match.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post("/staff/matches/run/")
    assert response.status_code == 302
    assert Match.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="matching", object_id="all").get().detail == {
        "lists": 1
    }


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_cannot_run_matching(request, match, persona):
    client = request.getfixturevalue(persona)
    assert 'id="run-form"' not in client.get("/staff/matches/").content.decode()
    assert client.post("/staff/matches/run/").status_code == 404


def test_the_case_page_lists_its_matches_likeliest_first_rejected_last(match, caseworker):
    page = caseworker.get(f"/staff/cases/{match.case.reference}/").content.decode()
    panel = page[page.index('id="case-matches"') :]
    assert f"/staff/matches/{match.pk}/" in panel and "Іванов Олексій Петрович" in panel
    assert "Prisoners" in panel and "To review" in panel
    match.status = MatchStatus.REJECTED
    match.save()
    panel = caseworker.get(f"/staff/cases/{match.case.reference}/").content.decode()
    assert "Rejected" in panel[panel.index('id="case-matches"') :]


def test_the_case_page_says_when_nothing_matched(caseworker, case):
    page = caseworker.get(f"/staff/cases/{case.reference}/").content.decode()
    assert 'id="case-matches"' in page and "No record of a published list" in page
