"""Institutions from the initial data, and inquiries in each state for the tests of this app."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.inquiries import actions
from kintrace.inquiries.models import Institution


@pytest.fixture
def mod(db) -> Institution:
    return Institution.objects.get(code="mod-ru")


@pytest.fixture
def gvp(db) -> Institution:
    return Institution.objects.get(code="gvp")


@pytest.fixture
def district_prosecutor(db) -> Institution:
    return Institution.objects.get(code="vp-district")


def make_inquiry(case, institution, *, kind="whereabouts", actor=None, **fields):
    return actions.draft_inquiry(
        case=case,
        institution=institution,
        kind=kind,
        language=fields.pop("language", "ru"),
        channel=fields.pop("channel", "post"),
        actor=actor,
        request=None,
        **fields,
    )


def send(inquiry, sent_on=dt.date(2025, 3, 3)):
    actions.send_inquiry(
        inquiry=inquiry, sent_on=sent_on, channel=inquiry.channel, actor=None, request=None
    )
    inquiry.refresh_from_db()
    return inquiry


@pytest.fixture
def draft(case, mod):
    return make_inquiry(case, mod)


def matrix_values(case) -> dict[str, str]:
    """URL arguments of the inquiries pages for the role matrix (tests/test_role_matrix.py)."""
    from kintrace.inquiries.models import DeadlineRule, LetterTemplate

    mod = Institution.objects.get(code="mod-ru")
    return {
        "inquiry_id": str(make_inquiry(case, mod).pk),
        "institution_id": str(mod.pk),
        "rule_id": str(DeadlineRule.objects.first().pk),
        "template_id": str(LetterTemplate.objects.first().pk),
        "letter_format": "pdf",
    }
