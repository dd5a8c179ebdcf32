from kintrace.accounts.models import AuditAction
from kintrace.cases import actions
from kintrace.cases.models import EventKind, Status
from tests.conftest import file_case, last_audit


def test_the_family_sees_status_events_and_next_step(family, case, caseworker):
    actions.add_note(case=case, text="secret internal note", actor=caseworker.user, request=None)
    actions.change_status(
        case=case,
        status=Status.ACTIVE,
        reason="internal reason",
        message_to_family="We have started the search.",
        actor=caseworker.user,
        request=None,
    )
    response = family.get(f"/status/{case.reference}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Search under way" in page
    assert "We have started the search." in page
    assert "What happens next" in page
    assert "secret internal note" not in page
    assert "internal reason" not in page
    audit = last_audit()
    assert (audit.action, audit.object_id, audit.actor_label) == (
        AuditAction.VIEW,
        case.reference,
        "family",
    )


def test_without_the_code_the_page_sends_to_the_form(anonymous, case):
    response = anonymous.get(f"/status/{case.reference}/")
    assert response.status_code == 302
    assert response["Location"] == f"/status/?reference={case.reference}"


def test_one_case_code_does_not_open_another_case(family, db):
    other, _code = file_case()
    response = family.get(f"/status/{other.reference}/")
    assert response.status_code == 302
    assert "Иванов" not in response.content.decode()


def test_the_family_adds_information_flagged_for_the_caseworker(family, case):
    response = family.post(
        f"/status/{case.reference}/", {"text": "He called from +7 900 111-22-33"}
    )
    assert response.status_code == 302
    event = case.events.get(kind=EventKind.FAMILY_INFO)
    assert event.visible_to_family and event.needs_attention
    assert event.text == "He called from +7 900 111-22-33"
    audit = last_audit()
    assert (audit.action, audit.actor_label, audit.detail) == (
        AuditAction.UPDATE,
        "family",
        {"what": "family_info"},
    )


def test_empty_or_huge_information_is_refused(family, case):
    for text in ("", "x" * 5001):
        response = family.post(f"/status/{case.reference}/", {"text": text})
        assert response.status_code == 200
        assert response.context["form"].errors["text"]
    assert not case.events.filter(kind=EventKind.FAMILY_INFO).exists()


def test_anonymous_cannot_add_information(anonymous, case):
    response = anonymous.post(f"/status/{case.reference}/", {"text": "hello"})
    assert response.status_code == 302
    assert not case.events.filter(kind=EventKind.FAMILY_INFO).exists()


def test_a_stored_script_is_shown_as_text(family, case):
    family.post(f"/status/{case.reference}/", {"text": "<script>alert(1)</script>"})
    page = family.get(f"/status/{case.reference}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_leaving_ends_the_access(family, case):
    response = family.post("/status/leave/")
    assert response.status_code == 302
    assert family.get(f"/status/{case.reference}/").status_code == 302
