"""Letters read back: the PDF through pdftotext, the DOCX through python-docx."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest
from docx import Document

from kintrace.inquiries.letters.render import letter_docx, letter_pdf
from tests.conftest import last_audit
from tests.inquiries.conftest import make_inquiry, send

LAW = "Федерального закона от 02.05.2006 № 59-ФЗ"


def pdf_text(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


@pytest.fixture
def sent_letter(case, mod):
    inquiry = make_inquiry(case, mod, attachments="Копия паспорта заявителя\nФото")
    return send(inquiry, dt.date(2025, 3, 3))


def test_pdf_has_the_due_date_legal_basis_reference_and_cyrillic(sent_letter, case):
    text = pdf_text(letter_pdf(sent_letter))
    assert "05.04.2025" in text
    assert f"ч. 1 ст. 12 {LAW}" in text
    assert case.reference in text
    assert "Министерство обороны Российской Федерации" in text
    assert "119160, г. Москва, ул. Знаменка, д. 19" in text
    assert "Иванов Алексей Петрович" in text
    assert "Иванова Мария" in text
    assert "Копия паспорта заявителя" in text
    assert "«О порядке рассмотрения обращений граждан Российской Федерации»" in text


def test_a_drafts_letter_states_the_due_date_if_sent_today(case, mod):
    draft = make_inquiry(case, mod)
    text = pdf_text(letter_pdf(draft))
    assert LAW in text
    assert draft.due_on is None
    assert "Please answer in substance by" in text or "ответ" in text.lower()


def test_docx_has_the_same_facts(sent_letter, case):
    document = Document(io.BytesIO(letter_docx(sent_letter)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "05.04.2025" in text
    assert LAW in text
    assert case.reference in text
    assert "Иванов Алексей Петрович" in text
    assert "1. Копия паспорта заявителя" in text
    assert "{{" not in text and "{%" not in text


def test_ukrainian_letter_keeps_its_letters(case):
    from kintrace.inquiries.models import Institution

    police = Institution.objects.get(code="police-ua")
    inquiry = send(make_inquiry(case, police, language="uk"), dt.date(2025, 1, 15))
    text = pdf_text(letter_pdf(inquiry))
    assert "Національна поліція України" in text
    assert "зв'язок з ним втрачено" in text.lower() or "Зв'язок з ним втрачено" in text
    assert "17.02.2025" in text  # one month from receipt, off a Saturday
    assert "ст. 20 Закону України «Про звернення громадян»" in text


@pytest.mark.parametrize(("fmt", "kind"), [("pdf", "application/pdf"), ("docx", "wordprocessing")])
def test_download_by_a_caseworker_is_audited(caseworker, sent_letter, fmt, kind):
    response = caseworker.get(f"/staff/inquiries/{sent_letter.pk}/letter.{fmt}")
    assert response.status_code == 200
    assert kind in response["Content-Type"]
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id) == (
        "view",
        "inquiry",
        str(sent_letter.pk),
    )


@pytest.mark.parametrize("persona", ["analyst", "family", "anonymous"])
def test_others_get_no_letter(request, persona, sent_letter):
    client = request.getfixturevalue(persona)
    response = client.get(f"/staff/inquiries/{sent_letter.pk}/letter.pdf")
    assert response.status_code in {302, 404}
    assert b"%PDF" not in response.content


def test_unknown_format_is_404(caseworker, sent_letter):
    assert caseworker.get(f"/staff/inquiries/{sent_letter.pk}/letter.exe").status_code == 404


def test_markup_characters_stay_text_in_both_formats(case, mod):
    inquiry = make_inquiry(case, mod, attachments="Справка <форма 3> & копия")
    inquiry.body = "Просим ответить <b>срочно</b> & по существу."
    inquiry.save()
    assert "<b>срочно</b> & по существу" in pdf_text(letter_pdf(inquiry))
    document = Document(io.BytesIO(letter_docx(inquiry)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<b>срочно</b> & по существу" in text
    assert "Справка <форма 3> & копия" in text
