"""The words of a letter: the context its template sees, and the draft text made from it."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Engine, TemplateSyntaxError
from django.utils import timezone, translation

from kintrace.cases.models import Case
from kintrace.inquiries.coercion import check_contract
from kintrace.inquiries.models import (
    DeadlineRule,
    FollowUp,
    Inquiry,
    Institution,
    LetterKind,
    LetterTemplate,
    MinimumServiceRule,
    ResponseKind,
)
from kintrace.names import unit_key

# Plain text out: letters are not HTML; the PDF page escapes what it shows.
ENGINE = Engine(autoescape=False, libraries={})

VARIABLES = (
    "organisation",
    "requester_name",
    "relation",
    "person_name",
    "birth",
    "rank",
    "unit",
    "region",
    "conscription_date",
    "contract_date",
    "under_pressure",
    "last_contact_date",
    "phone_taken",
    "last_known_location",
    "reference",
    "institution",
    "law",
    "answer_article",
    "ban_article",
    "complained_about",
    "earlier",
    "redirect",
    "min_service",
)


def render_text(text: str, context: dict) -> str:
    return ENGINE.from_string(text).render(Context(context))


def check_template_text(text: str) -> str | None:
    """The syntax error of a template text, or None when it renders."""
    try:
        ENGINE.from_string(text)
    except TemplateSyntaxError as exc:
        return str(exc)
    return None


def _birth(person) -> str:
    if person.birth_date is not None:
        return person.birth_date.strftime("%d.%m.%Y")
    if person.birth_year and person.birth_month:
        return f"{person.birth_month:02d}.{person.birth_year}"
    return str(person.birth_year or "")


def _earlier_item(inquiry: Inquiry) -> dict:
    responses = list(inquiry.responses.all())
    redirect = next((r for r in responses if r.kind == ResponseKind.REDIRECT), None)
    answer = next((r for r in responses if r.counts_as_answer), None)
    return {
        "institution": inquiry.institution.name,
        "sent_on": inquiry.sent_on,
        "registered_on": inquiry.registered_on,
        "registration_number": inquiry.registration_number,
        "due_on": inquiry.due_on,
        "status": str(inquiry.status),
        "redirected_to": redirect.redirected_to.name if redirect and redirect.redirected_to else "",
        "answered_on": answer.received_on if answer else None,
    }


def _last_redirect(earlier: list[Inquiry]) -> dict | None:
    for inquiry in reversed(earlier):
        for response in inquiry.responses.all():
            if response.kind == ResponseKind.REDIRECT and response.redirected_to_id:
                return {
                    "by": inquiry.institution.name,
                    "to": response.redirected_to.name,
                    "received_on": response.received_on,
                    "reference": response.reference,
                    "unlawful": response.unlawful,
                }
    return None


def contract_check(case: Case):
    person = case.person
    return check_contract(
        conscription_date=person.conscription_date,
        contract_date=person.contract_date,
        under_pressure=person.contract_under_pressure,
        rules=[rule.terms for rule in MinimumServiceRule.objects.all()],
    )


def _min_service(case: Case) -> dict | None:
    flag = contract_check(case)
    if flag is None:
        return None
    rule = flag.rule
    return {
        "law": rule.law if rule else "",
        "article": rule.article if rule else "",
        "months": rule.months if rule else None,
        "earliest_lawful": flag.earliest_lawful,
        "too_early": flag.too_early,
    }


def letter_context(
    *,
    case: Case,
    institution: Institution,
    rule: DeadlineRule | None,
    language: str,
    earlier: list[Inquiry],
    complained_about: Institution | None,
    organisation: str,
) -> dict:
    person, requester = case.person, case.requester
    ban_rule = rule
    redirect = _last_redirect(earlier)
    if redirect is not None and earlier:
        ban_rule = earlier[-1].rule or ban_rule
    with translation.override(language):
        relation = str(requester.get_relation_display()).lower()
    return {
        "organisation": organisation,
        "requester_name": requester.name,
        "relation": relation,
        "person_name": person.full_name,
        "birth": _birth(person),
        "rank": person.rank,
        "unit": unit_key(person.military_unit) or person.military_unit,
        "region": person.region,
        "conscription_date": person.conscription_date,
        "contract_date": person.contract_date,
        "under_pressure": bool(person.contract_under_pressure),
        "last_contact_date": person.last_contact_date,
        "phone_taken": bool(person.phone_taken),
        "last_known_location": person.last_known_location,
        "reference": case.reference,
        "institution": institution.name,
        "law": rule.law if rule else "",
        "answer_article": rule.answer_article if rule else "",
        "ban_article": ban_rule.redirect_ban_article if ban_rule else "",
        "complained_about": complained_about.name if complained_about else "",
        "earlier": [_earlier_item(item) for item in earlier],
        "redirect": redirect,
        "min_service": _min_service(case),
    }


def template_for(*, kind: str, follow_up: str, language: str) -> LetterTemplate | None:
    letter_kind = {
        FollowUp.ESCALATION: LetterKind.ESCALATION,
        FollowUp.UNLAWFUL_REDIRECT: LetterKind.UNLAWFUL_REDIRECT,
    }.get(follow_up, kind)
    found = LetterTemplate.objects.filter(kind=letter_kind, language=language).first()
    return found or LetterTemplate.objects.filter(kind=letter_kind, language="ru").first()


def draft_text(
    *,
    case: Case,
    institution: Institution,
    kind: str,
    follow_up: str,
    language: str,
    earlier: list[Inquiry],
    complained_about: Institution | None,
    organisation: str,
    today: dt.date | None = None,
) -> tuple[str, str]:
    """Subject and body of a new letter from the template of its kind and language."""
    template = template_for(kind=kind, follow_up=follow_up, language=language)
    if template is None:
        return "", ""
    rule = institution.rule_on(today or timezone.localdate())
    context = letter_context(
        case=case,
        institution=institution,
        rule=rule,
        language=language,
        earlier=earlier,
        complained_about=complained_about,
        organisation=organisation,
    )
    subject = " ".join(render_text(template.subject, context).split())
    body = _tidy(render_text(template.body, context))
    return subject, body


def _tidy(text: str) -> str:
    """Collapse the blank lines that empty template blocks leave behind."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip()
