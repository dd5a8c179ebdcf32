"""The POST views that change a case: assign, status, priority, note, message."""

import pytest
from django.core import mail

from kintrace.accounts.models import AuditAction
from kintrace.cases.models import Event, EventKind, Priority, Status
from tests.conftest import last_audit


def url(case, action):
    return f"/staff/cases/{case.reference}/{action}/"


def test_change_status_with_reason_and_family_message(
    caseworker, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = caseworker.post(
            url(case, "status"),
            {"status": "active", "reason": "unit confirmed", "message_to_family": "We started."},
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ACTIVE
    event = case.events.get(kind=EventKind.STATUS_CHANGED)
    assert event.visible_to_family and event.text == "We started."
    assert event.data == {"from": "new", "to": "active"}
    assert event.reason == "unit confirmed"
    assert event.author == caseworker.user
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.UPDATE,
        {"what": "status", "to": "active"},
    )
    assert len(mail.outbox) == 1
    assert "We started." not in mail.outbox[0].body  # news only on the status page


def test_status_needs_a_reason(caseworker, case):
    response = caseworker.post(url(case, "status"), {"status": "found_dead", "reason": ""})
    assert response.status_code == 400
    assert response.context["status_form"].errors["reason"]
    case.refresh_from_db()
    assert case.status == Status.NEW


def test_unknown_status_is_refused(caseworker, case):
    response = caseworker.post(url(case, "status"), {"status": "vanished", "reason": "x"})
    assert response.status_code == 400
    assert "status" in response.context["status_form"].errors


def test_assign(caseworker, other_caseworker, case):
    response = caseworker.post(url(case, "assign"), {"assignee": other_caseworker.user.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.assigned_to == other_caseworker.user
    event = case.events.get(kind=EventKind.ASSIGNED)
    assert event.data == {"from": None, "to": "oleg"}
    assert not event.visible_to_family


def test_assign_to_an_analyst_is_refused(caseworker, analyst, case):
    response = caseworker.post(url(case, "assign"), {"assignee": analyst.user.pk})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.assigned_to is None


def test_priority(caseworker, case):
    response = caseworker.post(url(case, "priority"), {"priority": Priority.URGENT})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.priority == Priority.URGENT


def test_note_is_internal(caseworker, case):
    response = caseworker.post(url(case, "note"), {"text": "Called the commissariat."})
    assert response.status_code == 302
    note = case.events.get(kind=EventKind.NOTE)
    assert note.text == "Called the commissariat." and not note.visible_to_family
    assert last_audit().detail == {"what": "note"}


def test_message_is_visible_to_the_family(caseworker, case, family):
    caseworker.post(url(case, "message"), {"text": "We wrote to the prosecutor."})
    assert case.events.get(kind=EventKind.MESSAGE).visible_to_family
    assert (
        "We wrote to the prosecutor." in family.get(f"/status/{case.reference}/").content.decode()
    )


def test_an_empty_note_is_refused(caseworker, case):
    response = caseworker.post(url(case, "note"), {"text": ""})
    assert response.status_code == 400
    assert not case.events.filter(kind=EventKind.NOTE).exists()


@pytest.mark.parametrize("action", ["assign", "status", "priority", "note", "message"])
@pytest.mark.parametrize("persona", ["analyst", "family", "anonymous"])
def test_without_permission_nothing_changes(request, persona, action, case):
    client = request.getfixturevalue(persona)
    before = Event.objects.count()
    response = client.post(
        url(case, action), {"status": "found_dead", "reason": "x", "text": "x", "priority": 4}
    )
    assert response.status_code in {302, 404}
    if response.status_code == 302:
        assert response["Location"].startswith("/staff/login/")
    case.refresh_from_db()
    assert case.status == Status.NEW and case.priority == Priority.NORMAL
    assert Event.objects.count() == before


@pytest.mark.parametrize("action", ["assign", "status", "note"])
def test_get_is_not_allowed(caseworker, case, action):
    assert caseworker.get(url(case, action)).status_code == 405


def test_the_timeline_is_append_only(case):
    event = case.events.first()
    event.text = "rewritten"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        Event.objects.filter(case=case).update(text="rewritten")
    with pytest.raises(TypeError):
        Event.objects.filter(case=case).delete()
    case.delete()  # erasing the whole case takes its timeline with it
    assert not Event.objects.exists()
