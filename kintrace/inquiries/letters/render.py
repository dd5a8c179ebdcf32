"""A letter a lawyer would sign, as PDF (WeasyPrint) and DOCX (docxtpl), in its own language."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kintrace.inquiries.actions import expected_due
from kintrace.inquiries.models import Inquiry

DOCX_TEMPLATE = Path(__file__).with_name("letter.docx")


@dataclass(frozen=True)
class Letter:
    organisation: str
    on_behalf: str
    addressee: str
    address: str
    date: str
    reference: str
    subject: str
    paragraphs: list[str]
    deadline: str
    attachments_heading: str
    attachments: list[str]
    signature: str
    language: str


def build_letter(inquiry: Inquiry, *, today: dt.date | None = None) -> Letter:
    today = today or timezone.localdate()
    requester = inquiry.case.requester
    due = expected_due(inquiry, today)
    rule = inquiry.rule or inquiry.institution.rule_on(today)
    with translation.override(inquiry.language):
        relation = str(requester.get_relation_display()).lower()
        on_behalf = _("on behalf of %(name)s (%(relation)s)") % {
            "name": requester.name,
            "relation": relation,
        }
        deadline = ""
        if due is not None and rule is not None:
            deadline = _(
                "Please answer in substance by %(date)s, within the term set by "
                "%(article)s %(law)s."
            ) % {"date": due.strftime("%d.%m.%Y"), "article": rule.answer_article, "law": rule.law}
        return Letter(
            organisation=settings.ORGANISATION_NAME,
            on_behalf=on_behalf,
            addressee=inquiry.institution.name,
            address=inquiry.institution.address,
            date=(inquiry.sent_on or today).strftime("%d.%m.%Y"),
            reference=_("Our reference: %(reference)s") % {"reference": inquiry.case.reference},
            subject=inquiry.subject,
            paragraphs=[p.strip() for p in inquiry.body.split("\n\n") if p.strip()],
            deadline=deadline,
            attachments_heading=_("Attachments:"),
            attachments=inquiry.attachment_list,
            signature=requester.name,
            language=inquiry.language,
        )


def letter_pdf(inquiry: Inquiry) -> bytes:
    from weasyprint import HTML  # loads pango: only when a letter is made

    html = render_to_string("inquiries/letter.html", {"letter": build_letter(inquiry)})
    return HTML(string=html).write_pdf()


def letter_docx(inquiry: Inquiry) -> bytes:
    from docxtpl import DocxTemplate

    letter = build_letter(inquiry)
    document = DocxTemplate(DOCX_TEMPLATE)
    document.render({"letter": letter}, autoescape=True)  # "&" or "<" in a text stays text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
