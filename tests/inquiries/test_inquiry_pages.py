"""Drafting, the inquiry page and its forms, per persona: status, page, state, audit row."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.accounts.models import AuditAction, AuditEvent
from kintrace.inquiries.models import Inquiry, InquiryStatus, Institution, Response
from tests.conftest import last_audit
from tests.inquiries.conftest import make_inquiry, send


def test_caseworker_drafts_an_inquiry_from_the_template(caseworker, case, mod):
    page = caseworker.get(f"/staff/cases/{case.reference}/inquiries/new/")
    assert page.status_code == 200 and 'id="draft-form"' in page.content.decode()
    response = caseworker.post(
        f"/staff/cases/{case.reference}/inquiries/new/",
        {"institution": mod.pk, "kind": "whereabouts", "language": "ru", "channel": "post"},
    )
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/inquiries/{inquiry.pk}/"
    assert inquiry.status == InquiryStatus.DRAFT
    assert inquiry.created_by == caseworker.user
    assert "Иванов Алексей Петрович" in inquiry.subject
    assert "Иванова Мария (мать)" in inquiry.body or "Иванова Мария" in inquiry.body
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id) == (
        AuditAction.CREATE,
        "inquiry",
        str(inquiry.pk),
    )


def test_a_draft_without_an_institution_names_the_field(caseworker, case):
    response = caseworker.post(
        f"/staff/cases/{case.reference}/inquiries/new/",
        {"kind": "whereabouts", "language": "ru", "channel": "post"},
    )
    assert response.status_code == 200
    assert "has-error" in response.content.decode()
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("persona", ["analyst", "family"])
def test_others_cannot_draft(request, persona, case, mod):
    client = request.getfixturevalue(persona)
    response = client.post(
        f"/staff/cases/{case.reference}/inquiries/new/",
        {"institution": mod.pk, "kind": "whereabouts", "language": "ru", "channel": "post"},
    )
    assert response.status_code in {302, 404}
    assert not Inquiry.objects.exists()


def test_caseworker_sees_the_inquiry_and_the_view_is_audited(caseworker, draft):
    response = caseworker.get(f"/staff/inquiries/{draft.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Минобороны России" in page and 'id="send-form"' in page
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id, audit.actor_label) == (
        AuditAction.VIEW,
        "inquiry",
        str(draft.pk),
        "katya",
    )


def test_coordinator_sees_the_inquiry(coordinator, draft):
    assert coordinator.get(f"/staff/inquiries/{draft.pk}/").status_code == 200


@pytest.mark.parametrize("persona", ["analyst", "family", "anonymous"])
def test_others_get_404_and_no_name(request, persona, draft):
    client = request.getfixturevalue(persona)
    before = AuditEvent.objects.filter(action=AuditAction.VIEW).count()
    response = client.get(f"/staff/inquiries/{draft.pk}/")
    assert response.status_code in {302, 404}
    assert "Иванов" not in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.VIEW).count() == before


def test_unknown_inquiry_is_404(caseworker, db):
    assert caseworker.get("/staff/inquiries/999999/").status_code == 404


def test_caseworker_edits_the_draft(caseworker, draft):
    response = caseworker.post(
        f"/staff/inquiries/{draft.pk}/edit/",
        {"subject": "Запрос", "body": "Текст письма", "attachments": "Копия паспорта"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.subject, draft.body) == ("Запрос", "Текст письма")
    assert last_audit().detail["what"] == "draft"


def test_a_sent_letter_cannot_be_edited(caseworker, draft):
    send(draft)
    response = caseworker.post(
        f"/staff/inquiries/{draft.pk}/edit/", {"subject": "X", "body": "Y", "attachments": ""}
    )
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.subject != "X"


def test_caseworker_records_sending(caseworker, draft):
    response = caseworker.post(
        f"/staff/inquiries/{draft.pk}/send/", {"sent_on": "03.03.2025", "channel": "email"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.sent_on, draft.channel) == (
        InquiryStatus.SENT,
        dt.date(2025, 3, 3),
        "email",
    )
    assert draft.due_on == dt.date(2025, 4, 5)
    assert last_audit().detail["what"] == "sent"


@pytest.mark.parametrize(
    ("value", "message"),
    [("2099-01-01", "This date is in the future."), ("31.02.2025", "Enter a valid date.")],
)
def test_bad_send_dates_are_refused_by_name(caseworker, draft, value, message):
    response = caseworker.post(
        f"/staff/inquiries/{draft.pk}/send/", {"sent_on": value, "channel": "post"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == InquiryStatus.DRAFT


def test_a_response_to_a_draft_is_refused_with_a_message(caseworker, draft):
    response = caseworker.post(
        f"/staff/inquiries/{draft.pk}/response/",
        {"kind": "substantive", "received_on": "2025-03-20"},
    )
    assert response.status_code == 400
    assert "Not possible while the inquiry is “Draft”." in response.content.decode()
    assert not Response.objects.exists()


def test_redirect_to_the_units_commander_is_flagged_on_the_page(caseworker, case, mod):
    complaint = send(make_inquiry(case, mod, kind="conduct"))
    response = caseworker.post(
        f"/staff/inquiries/{complaint.pk}/response/",
        {"kind": "redirect", "received_on": "2025-03-20", "unit": "в/ч 12345"},
    )
    assert response.status_code == 302
    page = caseworker.get(f"/staff/inquiries/{complaint.pk}/").content.decode()
    assert 'id="unlawful-redirect"' in page
    assert "ч. 6 ст. 8" in page
    prosecutor = Institution.objects.get(code="vp-district")
    assert f"?institution={prosecutor.pk}&amp;previous={complaint.pk}" in page


def test_a_redirect_must_name_where(caseworker, case, mod):
    inquiry = send(make_inquiry(case, mod))
    response = caseworker.post(
        f"/staff/inquiries/{inquiry.pk}/response/",
        {"kind": "redirect", "received_on": "2025-03-20"},
    )
    assert response.status_code == 400
    assert "Name the body the letter was redirected to." in response.content.decode()
    assert not Response.objects.exists()


def test_registration_and_extension(caseworker, draft):
    send(draft)
    caseworker.post(
        f"/staff/inquiries/{draft.pk}/register/",
        {"registered_on": "2025-03-04", "number": "OG-1"},
    )
    caseworker.post(f"/staff/inquiries/{draft.pk}/extend/")
    draft.refresh_from_db()
    assert (draft.registration_number, draft.extended, draft.due_on) == (
        "OG-1",
        True,
        dt.date(2025, 5, 3),
    )


def test_the_case_page_lists_inquiries_and_flags_an_early_contract(caseworker, case, mod):
    case.person.conscription_date = dt.date(2022, 5, 15)
    case.person.contract_date = dt.date(2022, 7, 1)
    case.person.save()
    send(make_inquiry(case, mod))
    page = caseworker.get(f"/staff/cases/{case.reference}/").content.decode()
    assert 'id="case-inquiries"' in page and "Минобороны России" in page
    assert 'id="contract-flag"' in page
    assert "п. 1 ст. 34" in page and "53-ФЗ" in page
    gvp = Institution.objects.get(code="gvp")
    assert f"?institution={gvp.pk}&amp;kind=contract" in page


def test_no_flag_for_a_lawful_contract(caseworker, case):
    case.person.conscription_date = dt.date(2022, 5, 15)
    case.person.contract_date = dt.date(2022, 9, 1)
    case.person.contract_under_pressure = False
    case.person.save()
    page = caseworker.get(f"/staff/cases/{case.reference}/").content.decode()
    assert 'id="contract-flag"' not in page


def test_inquiry_list_filters_by_status(caseworker, case, mod, gvp):
    send(make_inquiry(case, mod))
    make_inquiry(case, gvp)
    page = caseworker.get("/staff/inquiries/?status=sent").content.decode()
    assert "Минобороны России" in page and "Главная военная прокуратура" not in page
    assert last_audit().object_type == "inquiry_list"


def test_analyst_has_no_inquiry_list(analyst, db):
    assert analyst.get("/staff/inquiries/").status_code == 404


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("response", {"kind": "substantive", "received_on": "2025-03-01"}),
        ("register", {"registered_on": "2025-03-01", "number": "1"}),
    ],
)
def test_dates_before_sending_are_refused(caseworker, draft, url, data):
    send(draft)  # 3 March 2025
    response = caseworker.post(f"/staff/inquiries/{draft.pk}/{url}/", data)
    assert response.status_code == 400
    assert "before the letter was sent (03.03.2025)" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.registered_on) == (InquiryStatus.SENT, None)
    assert not Response.objects.exists()
