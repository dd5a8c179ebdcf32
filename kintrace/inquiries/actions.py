"""Every write to inquiries, institutions, rules and letter templates.

Keyword-only, atomic, each with its audit row and, where a case is concerned, its timeline
event in the same transaction. Status changes go through `status.check_transition`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases.models import Case, Event, EventKind
from kintrace.inquiries import deadlines, notifications
from kintrace.inquiries.letters.text import draft_text
from kintrace.inquiries.models import (
    AWAITING,
    FollowUp,
    Inquiry,
    InquiryKind,
    InquiryStatus,
    Institution,
    InstitutionKind,
    Jurisdiction,
    Response,
    ResponseKind,
)
from kintrace.inquiries.status import TransitionRefused, can_move, check_transition
from kintrace.names import unit_key

# The body a unit commander answers to, by the initial data's key.
COMMANDER_PARENT_CODE = "vp-district"


def _audit(request, action: AuditAction, obj, *, actor_label: str | None = None, **detail):
    audit.record(
        request=request,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        actor_label=actor_label,
        detail=detail,
    )


def _event(inquiry: Inquiry, kind: EventKind, actor, text: str, **data) -> None:
    Event.objects.create(
        case=inquiry.case,
        kind=kind,
        author=actor,
        text=text,
        data={"inquiry": inquiry.pk, **data},
    )
    Case.objects.filter(pk=inquiry.case_id).update(updated_at=timezone.now())


def _set_status(inquiry: Inquiry, target: InquiryStatus, *, action: str) -> None:
    check_transition(inquiry.status, target, action=action)
    inquiry.status = target
    inquiry.status_changed_at = timezone.now()


@transaction.atomic
def commander_for_unit(*, unit: str, request: HttpRequest | None) -> Institution | None:
    """The unit commander of a unit number, created the first time it is needed."""
    key = unit_key(unit)
    if not key:
        return None
    found = Institution.objects.filter(unit_key=key).first()
    if found is not None:
        return found
    commander = Institution.objects.create(
        name=f"Командир войсковой части {key}",
        short_name=f"Командир в/ч {key}",
        kind=InstitutionKind.UNIT_COMMAND,
        jurisdiction=Jurisdiction.RUSSIA,
        parent=Institution.objects.filter(code=COMMANDER_PARENT_CODE).first(),
        rule_code="ru-59-fz",
        unit_key=key,
    )
    _audit(request, AuditAction.CREATE, commander, what="unit_commander", unit=key)
    return commander


def complaint_target(case: Case, kind: str, request: HttpRequest | None) -> Institution | None:
    """Whom a letter of this kind complains about: the unit's commander for conduct."""
    if kind != InquiryKind.CONDUCT:
        return None
    return commander_for_unit(unit=case.person.military_unit, request=request)


@transaction.atomic
def draft_inquiry(
    *,
    case: Case,
    institution: Institution,
    kind: str,
    language: str,
    channel: str,
    complained_about: Institution | None = None,
    no_study_needed: bool = False,
    attachments: str = "",
    previous: Inquiry | None = None,
    follow_up: str = "",
    actor,
    request: HttpRequest | None,
) -> Inquiry:
    """A new draft, its text made from the template of its kind and language."""
    if complained_about is None:
        complained_about = complaint_target(case, kind, request)
    if complained_about is None and previous is not None:
        complained_about = previous.complained_about
    earlier = [*previous.earlier(), previous] if previous is not None else []
    subject, body = draft_text(
        case=case,
        institution=institution,
        kind=kind,
        follow_up=follow_up,
        language=language,
        earlier=earlier,
        complained_about=complained_about,
        organisation=settings.ORGANISATION_NAME,
    )
    inquiry = Inquiry.objects.create(
        case=case,
        institution=institution,
        kind=kind,
        language=language,
        channel=channel,
        complained_about=complained_about,
        no_study_needed=no_study_needed,
        attachments=attachments,
        subject=subject,
        body=body,
        previous=previous,
        follow_up=follow_up,
        created_by=actor,
    )
    _audit(request, AuditAction.CREATE, inquiry, case=case.reference, to=institution.pk)
    return inquiry


@transaction.atomic
def edit_draft(*, inquiry: Inquiry, changed: list[str], actor, request) -> None:
    """Save the caseworker's corrections to a draft; a sent letter is never changed."""
    if inquiry.status != InquiryStatus.DRAFT:
        raise TransitionRefused(inquiry.status, inquiry.status, "edit_draft")
    if not changed:
        return
    inquiry.save()
    _audit(request, AuditAction.UPDATE, inquiry, what="draft", fields=changed)


def compute_due(inquiry: Inquiry) -> dt.date | None:
    if inquiry.rule is None:
        return None
    start = deadlines.start_of_count(
        inquiry.rule.terms, sent=inquiry.sent_on, registered=inquiry.registered_on
    )
    if start is None:
        return None
    return deadlines.answer_due(
        inquiry.rule.terms, start, short=inquiry.no_study_needed, extended=inquiry.extended
    )


def expected_due(inquiry: Inquiry, today: dt.date) -> dt.date | None:
    """The due date if the letter went out today: what a draft's letter states."""
    if inquiry.sent_on is not None:
        return inquiry.due_on
    rule = inquiry.institution.rule_on(today)
    if rule is None:
        return None
    start = deadlines.start_of_count(rule.terms, sent=today, registered=None)
    return deadlines.answer_due(rule.terms, start, short=inquiry.no_study_needed)


@transaction.atomic
def send_inquiry(*, inquiry: Inquiry, sent_on: dt.date, channel: str, actor, request) -> None:
    """The letter went out: the rule in force that day sets the due date."""
    _set_status(inquiry, InquiryStatus.SENT, action="send_inquiry")
    inquiry.sent_on = sent_on
    inquiry.channel = channel
    inquiry.rule = inquiry.institution.rule_on(sent_on)
    inquiry.due_on = compute_due(inquiry)
    inquiry.save()
    due = inquiry.due_on.strftime("%d.%m.%Y") if inquiry.due_on else "—"
    _event(inquiry, EventKind.INQUIRY_SENT, actor, f"{inquiry.institution} · {due}")
    _audit(request, AuditAction.UPDATE, inquiry, what="sent", due=str(inquiry.due_on))
    previous = inquiry.previous
    escalates = inquiry.follow_up in (FollowUp.ESCALATION, FollowUp.UNLAWFUL_REDIRECT)
    # an earlier letter still awaiting its answer is left as it is
    if previous is not None and escalates and can_move(previous.status, InquiryStatus.ESCALATED):
        _set_status(previous, InquiryStatus.ESCALATED, action="send_inquiry")
        previous.save(update_fields=["status", "status_changed_at"])
        _audit(request, AuditAction.UPDATE, previous, what="escalated", by=inquiry.pk)


def _after_new_due(inquiry: Inquiry, today: dt.date, *, action: str) -> None:
    inquiry.due_on = compute_due(inquiry)
    overdue = inquiry.due_on is not None and inquiry.due_on < today
    if inquiry.status == InquiryStatus.OVERDUE and not overdue:
        waiting = InquiryStatus.REGISTERED if inquiry.registered_on else InquiryStatus.SENT
        _set_status(inquiry, waiting, action=action)


@transaction.atomic
def record_registration(
    *,
    inquiry: Inquiry,
    registered_on: dt.date,
    number: str,
    actor,
    request,
    today: dt.date | None = None,
) -> None:
    """The body registered the letter: the term now counts from that day."""
    if inquiry.status == InquiryStatus.SENT:
        _set_status(inquiry, InquiryStatus.REGISTERED, action="record_registration")
    elif inquiry.status != InquiryStatus.OVERDUE:
        check_transition(inquiry.status, InquiryStatus.REGISTERED, action="record_registration")
    inquiry.registered_on = registered_on
    inquiry.registration_number = number
    _after_new_due(inquiry, today or timezone.localdate(), action="record_registration")
    inquiry.save()
    _audit(request, AuditAction.UPDATE, inquiry, what="registered", due=str(inquiry.due_on))


@transaction.atomic
def record_extension(*, inquiry: Inquiry, actor, request, today: dt.date | None = None) -> None:
    """The body gave notice that it extends the term, once, as the law allows."""
    if inquiry.status not in (*AWAITING, InquiryStatus.OVERDUE) or inquiry.extended:
        raise ValueError("The term can be extended once, while an answer is awaited.")
    inquiry.extended = True
    _after_new_due(inquiry, today or timezone.localdate(), action="record_extension")
    inquiry.save()
    _audit(request, AuditAction.UPDATE, inquiry, what="extended", due=str(inquiry.due_on))


@dataclass(frozen=True)
class RedirectCheck:
    unlawful: bool
    rule_cited: str


def check_redirect(inquiry: Inquiry, redirected_to: Institution | None) -> RedirectCheck:
    """A complaint sent on to the body it complains about breaks the law (59-FZ art. 8 p. 6)."""
    if redirected_to is None:
        return RedirectCheck(False, "")
    about = {inquiry.complained_about_id} - {None}
    if inquiry.kind == InquiryKind.CONDUCT and inquiry.case.person.unit_key:
        about |= set(
            Institution.objects.filter(unit_key=inquiry.case.person.unit_key).values_list(
                "pk", flat=True
            )
        )
    if redirected_to.pk not in about:
        return RedirectCheck(False, "")
    rule = inquiry.rule or inquiry.institution.rule_on(inquiry.sent_on or timezone.localdate())
    cited = f"{rule.redirect_ban_article} {rule.law}".strip() if rule else ""
    return RedirectCheck(True, cited)


@dataclass(frozen=True)
class ForwardingCheck:
    """Whether a redirect's notice arrived after the law's term for forwarding had passed."""

    due: dt.date  # the last day to forward, counted from (the latest lawful) registration
    days: int
    article: str
    late: bool


def check_forwarding(inquiry: Inquiry, response) -> ForwardingCheck | None:
    """The forwarding term of a redirect (59-FZ art. 8 p. 3: 7 days from registration).

    Only the day the notice arrived is known, not the day the appeal was sent on, so a notice
    that arrives after the term is flagged as late forwarding for the caseworker to judge.
    """
    rule = inquiry.rule
    if response.kind != ResponseKind.REDIRECT or rule is None or rule.forwarding_days is None:
        return None
    start = deadlines.start_of_count(
        rule.terms, sent=inquiry.sent_on, registered=inquiry.registered_on
    )
    if start is None:
        return None
    due = deadlines.forwarding_due(rule.terms, start)
    article = f"{rule.forwarding_article} {rule.law}".strip()
    return ForwardingCheck(due, rule.forwarding_days, article, response.received_on > due)


RESPONSE_STATUS = {
    ResponseKind.SUBSTANTIVE: InquiryStatus.ANSWERED,
    ResponseKind.REFUSAL: InquiryStatus.ANSWERED,
    ResponseKind.FORMAL: InquiryStatus.NON_ANSWER,
    ResponseKind.REDIRECT: InquiryStatus.REDIRECTED,
}


@transaction.atomic
def record_response(
    *,
    inquiry: Inquiry,
    kind: str,
    received_on: dt.date,
    reference: str = "",
    redirected_to: Institution | None = None,
    summary: str = "",
    actor,
    request,
) -> Response:
    """What the body answered; a redirect to the body complained about is flagged unlawful."""
    kind = ResponseKind(kind)
    if kind == ResponseKind.REDIRECT and redirected_to is None:
        raise ValueError("A redirect names the body it redirects to.")
    _set_status(inquiry, RESPONSE_STATUS[kind], action="record_response")
    inquiry.save(update_fields=["status", "status_changed_at"])
    check = check_redirect(inquiry, redirected_to if kind == ResponseKind.REDIRECT else None)
    response = Response.objects.create(
        inquiry=inquiry,
        kind=kind,
        received_on=received_on,
        reference=reference,
        redirected_to=redirected_to if kind == ResponseKind.REDIRECT else None,
        summary=summary,
        unlawful=check.unlawful,
        rule_cited=check.rule_cited,
        recorded_by=actor,
    )
    text = f"{inquiry.institution}: {kind.label}"
    if response.redirected_to is not None:
        text += f" → {response.redirected_to}"
    _event(inquiry, EventKind.INQUIRY_RESPONSE, actor, text, unlawful=check.unlawful)
    _audit(request, AuditAction.UPDATE, inquiry, what="response", kind=str(kind))
    return response


@transaction.atomic
def mark_overdue_inquiries(*, today: dt.date | None = None) -> list[Inquiry]:
    """Every awaited inquiry past its due date becomes overdue; its caseworker is told."""
    today = today or timezone.localdate()
    due = list(
        Inquiry.objects.select_for_update(of=("self",))
        .filter(status__in=AWAITING, due_on__lt=today)
        .select_related("case__assigned_to", "institution")
    )
    for inquiry in due:
        _set_status(inquiry, InquiryStatus.OVERDUE, action="mark_overdue_inquiries")
        inquiry.save(update_fields=["status", "status_changed_at"])
        _event(
            inquiry,
            EventKind.INQUIRY_OVERDUE,
            None,
            f"{inquiry.institution} · {inquiry.due_on:%d.%m.%Y}",
        )
        _audit(None, AuditAction.UPDATE, inquiry, actor_label="system", what="overdue")
    notifications.queue_overdue_notices(due)
    return due


@transaction.atomic
def save_record(*, obj, changed: list[str], actor, request) -> None:
    """Save an institution, rule or letter template a coordinator edited or added."""
    created = obj.pk is None
    if not created and not changed:
        return
    obj.save()
    action = AuditAction.CREATE if created else AuditAction.UPDATE
    _audit(request, action, obj, fields=changed)
