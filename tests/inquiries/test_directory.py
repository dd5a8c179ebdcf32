"""The institutions directory, deadline rules and letter templates: coordinators edit them."""

from __future__ import annotations

import pytest

from kintrace.accounts.models import AuditAction
from kintrace.inquiries.models import DeadlineRule, Institution, LetterTemplate
from tests.conftest import last_audit


def test_the_initial_directory_has_both_sides_and_a_chain(db):
    names = set(Institution.objects.values_list("code", flat=True))
    assert {"mod-ru", "gvp", "vp-district", "gvsu", "commissariat", "ombudsman-ru"} <= names
    assert {"ombudsman-region", "icrc-moscow", "koordshtab", "ombudsman-ua", "police-ua"} <= names
    chain = [body.code for body in Institution.objects.get(code="vp-district").chain()]
    assert chain == ["vp-district", "gvp", "mod-ru", "ombudsman-ru", "icrc-moscow"]
    assert LetterTemplate.objects.filter(language="ru").count() == 8
    assert LetterTemplate.objects.count() == 24


def test_caseworker_reads_the_directory_but_cannot_edit(caseworker, mod):
    page = caseworker.get("/staff/institutions/").content.decode()
    assert "Министерство обороны Российской Федерации" in page
    assert f"/staff/institutions/{mod.pk}/" not in page
    assert caseworker.get(f"/staff/institutions/{mod.pk}/").status_code == 404


def test_coordinator_edits_an_institution(coordinator, mod, gvp):
    response = coordinator.post(
        f"/staff/institutions/{mod.pk}/",
        {
            "name": mod.name,
            "short_name": mod.short_name,
            "kind": mod.kind,
            "jurisdiction": mod.jurisdiction,
            "parent": mod.parent_id,
            "address": "119160, Москва, ул. Знаменка, 19",
            "email": "",
            "online_reception": "mil.ru/reception",
            "rule_code": "ru-59-fz",
            "active": "on",
        },
    )
    assert response.status_code == 302
    mod.refresh_from_db()
    assert mod.address == "119160, Москва, ул. Знаменка, 19"
    assert mod.online_reception == "https://mil.ru/reception"
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id) == (
        AuditAction.UPDATE,
        "institution",
        str(mod.pk),
    )


def test_a_circular_chain_is_refused(coordinator, mod, gvp):
    response = coordinator.post(
        f"/staff/institutions/{mod.pk}/",
        {
            "name": mod.name,
            "kind": mod.kind,
            "jurisdiction": mod.jurisdiction,
            "parent": gvp.pk,  # gvp's parent is mod already
            "rule_code": "ru-59-fz",
        },
    )
    assert response.status_code == 200
    assert "go round in a circle" in response.content.decode()
    mod.refresh_from_db()
    assert mod.parent_id != gvp.pk


def test_a_new_version_of_a_law_is_one_new_row(coordinator, db):
    base = DeadlineRule.objects.get(code="ru-59-fz")
    form = coordinator.get(f"/staff/rules/new/?from={base.pk}").content.decode()
    assert base.law in form
    data = {
        field.name: getattr(base, field.name)
        for field in DeadlineRule._meta.concrete_fields
        if field.name not in ("id", "valid_from") and getattr(base, field.name) is not None
    }
    data.update(valid_from="2027-01-01", answer_days=15, roll_to_working_day="")
    response = coordinator.post("/staff/rules/new/", data)
    assert response.status_code == 302
    assert DeadlineRule.objects.filter(code="ru-59-fz").count() == 2
    import datetime as dt

    assert DeadlineRule.objects.in_force("ru-59-fz", dt.date(2026, 12, 31)).answer_days == 30
    assert DeadlineRule.objects.in_force("ru-59-fz", dt.date(2027, 1, 1)).answer_days == 15
    assert last_audit().action == AuditAction.CREATE


def test_a_template_that_does_not_parse_names_the_error(coordinator, db):
    template = LetterTemplate.objects.get(kind="whereabouts", language="ru")
    response = coordinator.post(
        f"/staff/letter-templates/{template.pk}/",
        {"subject": "Запрос", "body": "{% if person_name %}без конца"},
    )
    assert response.status_code == 200
    assert "The template cannot be read" in response.content.decode()
    template.refresh_from_db()
    assert template.subject != "Запрос"


def test_coordinator_edits_a_template(coordinator, db):
    template = LetterTemplate.objects.get(kind="whereabouts", language="en")
    response = coordinator.post(
        f"/staff/letter-templates/{template.pk}/",
        {"subject": "Where is {{ person_name }}?", "body": "Dear Sir or Madam, {{ reference }}"},
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.subject == "Where is {{ person_name }}?"


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_cannot_edit_templates_or_rules(request, persona, db):
    client = request.getfixturevalue(persona)
    template = LetterTemplate.objects.first()
    assert client.get(f"/staff/letter-templates/{template.pk}/").status_code == 404
    assert client.get("/staff/rules/new/").status_code == 404


@pytest.mark.parametrize("persona", ["analyst", "family", "anonymous"])
def test_others_do_not_see_the_directory(request, persona, db):
    response = request.getfixturevalue(persona).get("/staff/institutions/")
    assert response.status_code in {302, 404}
    assert "Знаменка" not in response.content.decode()
