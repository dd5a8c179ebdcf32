"""Every field of every kintrace model has a sensitivity level, and no level names a lost field."""

from django.apps import apps

from kintrace.accounts.classification import Level, fields_up_to, registry


def kintrace_models():
    return [
        m for m in apps.get_models() if m.__module__.startswith("kintrace.") and m._meta.managed
    ]


def test_every_field_is_classified():
    declared = registry()
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in kintrace_models()
        for field in model._meta.concrete_fields
        if field.name not in declared.get(model._meta.label, {})
    ]
    assert missing == [], "classify these fields in <app>/classification.py"


def test_no_level_names_a_field_that_is_gone():
    labels = {model._meta.label: model for model in kintrace_models()}
    stale = [
        f"{label}.{name}"
        for label, fields in registry().items()
        for name in fields
        if label not in labels or name not in {f.name for f in labels[label]._meta.concrete_fields}
    ]
    assert stale == []


def test_an_analyst_level_view_of_a_person_has_no_name_or_date():
    from kintrace.cases.models import Person

    shown = set(fields_up_to(Person, Level.INTERNAL))
    assert {"region", "military_unit", "service_type"} <= shown
    assert not shown & {"surname", "given_name", "birth_year", "phone_numbers", "photo"}
