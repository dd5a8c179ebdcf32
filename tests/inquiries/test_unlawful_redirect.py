"""The seed's trap: a complaint sent on to the body it complains about is flagged, and the
next letter goes up the chain citing the rule and the dates of the earlier letters."""

from __future__ import annotations

import datetime as dt

from kintrace.inquiries import actions
from kintrace.inquiries.models import FollowUp, InquiryStatus, Institution, Response
from kintrace.inquiries.suggestions import suggest_next
from tests.inquiries.conftest import make_inquiry, send

d = dt.date
BAN = "ч. 6 ст. 8 Федерального закона от 02.05.2006 № 59-ФЗ"


def redirect(inquiry, to, on=None):
    return actions.record_response(
        inquiry=inquiry,
        kind="redirect",
        received_on=on or d(2025, 3, 20),
        reference="205/3/1",
        redirected_to=to,
        actor=None,
        request=None,
    )


def test_a_conduct_complaint_redirected_to_the_units_commander_is_flagged(case, mod):
    complaint = send(make_inquiry(case, mod, kind="conduct"))
    commander = Institution.objects.get(unit_key="12345")
    assert complaint.complained_about == commander
    response = redirect(complaint, commander)
    assert response.unlawful is True
    assert response.rule_cited.startswith(BAN)
    complaint.refresh_from_db()
    assert complaint.status == InquiryStatus.REDIRECTED


def test_the_commander_is_made_once_per_unit(case, mod):
    first = actions.commander_for_unit(unit="в/ч 12345", request=None)
    again = actions.commander_for_unit(unit="войсковая часть 12345", request=None)
    assert first == again and first.parent.code == "vp-district"
    assert actions.commander_for_unit(unit="somewhere", request=None) is None


def test_a_complaint_about_a_named_body_redirected_to_it_is_flagged(case, mod, gvp):
    inquiry = send(make_inquiry(case, mod, complained_about=gvp))
    assert redirect(inquiry, gvp).unlawful is True


def test_a_redirect_elsewhere_is_not_flagged_and_suggests_the_named_body(case, mod, gvp):
    inquiry = send(make_inquiry(case, mod, kind="conduct"))
    response = redirect(inquiry, gvp)
    assert response.unlawful is False
    inquiry.refresh_from_db()
    suggestion = suggest_next(inquiry)
    assert (suggestion.institution, suggestion.follow_up) == (gvp, FollowUp.REDIRECT)


def test_a_request_that_is_not_a_complaint_may_go_to_the_commander(case, mod):
    inquiry = send(make_inquiry(case, mod, kind="whereabouts"))
    commander = actions.commander_for_unit(unit="в/ч 12345", request=None)
    assert redirect(inquiry, commander).unlawful is False


def test_the_next_letter_goes_to_the_prosecutor_citing_the_rule_and_dates(
    case, mod, district_prosecutor
):
    complaint = send(make_inquiry(case, mod, kind="conduct"), d(2025, 3, 3))
    actions.record_registration(
        inquiry=complaint, registered_on=d(2025, 3, 5), number="OG-77", actor=None, request=None
    )
    redirect(complaint, Institution.objects.get(unit_key="12345"))
    complaint.refresh_from_db()
    suggestion = suggest_next(complaint)
    assert suggestion.institution == district_prosecutor
    assert suggestion.follow_up == FollowUp.UNLAWFUL_REDIRECT
    assert suggestion.rule_cited.startswith(BAN)

    follow = make_inquiry(
        case,
        suggestion.institution,
        kind="conduct",
        previous=complaint,
        follow_up="unlawful_redirect",
    )
    assert "неправомерное перенаправление" in follow.subject
    assert BAN in follow.body
    assert "03.03.2025, адресат: Министерство обороны Российской Федерации" in follow.body
    assert "рег. № OG-77 от 05.03.2025" in follow.body
    redirect_line = "20.03.2025 адресат Министерство обороны Российской Федерации (исх. № 205/3/1)"
    assert redirect_line in follow.body
    assert "Командир войсковой части 12345" in follow.body
    send(follow, d(2025, 3, 25))
    complaint.refresh_from_db()
    assert complaint.status == InquiryStatus.ESCALATED


def test_overdue_and_formal_replies_escalate_up_the_chain(case, mod, gvp):
    inquiry = send(make_inquiry(case, gvp))
    actions.mark_overdue_inquiries(today=d(2025, 5, 1))
    inquiry.refresh_from_db()
    suggestion = suggest_next(inquiry)
    assert (suggestion.institution, suggestion.follow_up) == (mod, FollowUp.ESCALATION)
    follow = make_inquiry(case, mod, previous=inquiry, follow_up="escalation")
    assert "ответ в установленный срок (до 05.04.2025) не получен" in follow.body
    assert "ч. 1 ст. 12" in follow.body


def test_a_redirect_noticed_after_the_forwarding_term_is_flagged_late(case, mod, gvp, caseworker):
    inquiry = send(make_inquiry(case, mod), d(2025, 3, 3))
    actions.record_registration(
        inquiry=inquiry, registered_on=d(2025, 3, 4), number="1", actor=None, request=None
    )
    inquiry.refresh_from_db()
    late = redirect(inquiry, gvp, on=d(2025, 3, 20))
    check = actions.check_forwarding(inquiry, late)
    # 59-FZ art. 8 p. 3: seven days from registration
    assert (check.due, check.days, check.late) == (d(2025, 3, 11), 7, True)
    assert check.article.startswith("ч. 3 ст. 8")
    in_time = Response(kind="redirect", received_on=d(2025, 3, 11))
    assert actions.check_forwarding(inquiry, in_time).late is False
    page = caseworker.get(f"/staff/inquiries/{inquiry.pk}/").content.decode()
    assert f'id="forwarding-{late.pk}"' in page and "Forwarded late" in page
    assert "until 11" in page or "11.03.2025" in page or "March 11, 2025" in page


def test_a_substantive_answer_has_no_forwarding_check(case, mod):
    inquiry = send(make_inquiry(case, mod), d(2025, 3, 3))
    answer = actions.record_response(
        inquiry=inquiry,
        kind="substantive",
        received_on=d(2025, 3, 20),
        reference="",
        redirected_to=None,
        actor=None,
        request=None,
    )
    assert actions.check_forwarding(inquiry, answer) is None
