"""A staff log-in ends after STAFF_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE after
it began however active; both are audited as a log-out by timeout. Time is moved, not waited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kintrace.accounts.models import AuditAction
from tests.conftest import last_audit


class Clock:
    """django.utils.timezone.now, moved forward on demand."""

    def __init__(self, monkeypatch) -> None:
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


def _assert_logged_out(response, client, *, reason: str, next_url: str | None) -> None:
    expected = "/staff/login/" + (f"?next={next_url.replace('/', '%2F')}" if next_url else "")
    assert response.status_code == 302 and response["Location"] == expected
    assert "_auth_user_id" not in client.session
    event = last_audit()
    assert (event.action, event.detail, event.actor_label) == (
        AuditAction.LOGOUT_TIMEOUT,
        {"reason": reason},
        client.user.username,
    )


def test_an_idle_staff_member_is_logged_out_with_a_message(clock, caseworker):
    assert caseworker.get("/staff/cases/").status_code == 200
    clock.advance(minutes=31)
    response = caseworker.get("/staff/cases/")
    _assert_logged_out(response, caseworker, reason="idle", next_url="/staff/cases/")
    page = caseworker.get(response["Location"])
    assert "away for more than 30 minutes" in page.content.decode()
    # The session is gone: the next page asks for the log-in again.
    assert caseworker.get("/staff/cases/")["Location"].startswith("/staff/login/")


def test_requests_within_the_idle_time_keep_the_log_in(clock, caseworker):
    for _ in range(4):
        clock.advance(minutes=25)
        assert caseworker.get("/staff/cases/").status_code == 200


def test_the_idle_time_is_a_setting(clock, settings, caseworker):
    settings.STAFF_IDLE_MINUTES = 5
    caseworker.get("/staff/cases/")
    clock.advance(minutes=4)
    assert caseworker.get("/staff/cases/").status_code == 200
    clock.advance(minutes=6)
    _assert_logged_out(
        caseworker.get("/staff/cases/"), caseworker, reason="idle", next_url="/staff/cases/"
    )


def test_a_log_in_ends_at_its_maximum_age_however_active(clock, settings, caseworker):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    for _ in range(8 * 60 // 20):
        clock.advance(minutes=20)
        assert caseworker.get("/staff/").status_code == 200
    clock.advance(minutes=20)
    response = caseworker.get("/staff/")
    _assert_logged_out(response, caseworker, reason="too_old", next_url="/staff/")
    assert "a log-in lasts at most 480 minutes" in caseworker.get("/staff/login/").content.decode()


def test_a_form_sent_after_the_timeout_is_not_sent_again(clock, caseworker, case):
    clock.advance(hours=1)
    response = caseworker.post(f"/staff/cases/{case.reference}/note/", {"text": "called"})
    _assert_logged_out(response, caseworker, reason="idle", next_url=None)


def test_a_plain_log_out_is_audited_as_before(caseworker):
    caseworker.post("/staff/logout/")
    assert (last_audit().action, last_audit().detail) == (AuditAction.LOGOUT, {})


def test_a_family_s_opened_case_has_no_staff_idle_time(clock, family, case):
    page = f"/status/{case.reference}/"
    assert family.get(page).status_code == 200
    clock.advance(hours=2)
    assert family.get(page).status_code == 200
