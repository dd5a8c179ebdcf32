"""Every model field of kintrace, classified by how much harm its leak can do.

Each app declares its fields in `<app>/classification.py` as
`FIELDS = {"ModelName": {"field": Level.X, ...}}`; a test fails on a field without a level.
Exports and the analyst's pages take only fields at or below what they may show.
"""

from __future__ import annotations

from enum import IntEnum
from importlib import import_module
from importlib.util import find_spec


class Level(IntEnum):
    PUBLIC = 0  # published already, or harmless: list records, institution addresses
    INTERNAL = 1  # about the work, not about a person: statuses, dates of steps, counts
    PERSONAL = 2  # identifies or reaches a person: names, birth dates, phones, e-mails
    SENSITIVE = 3  # can put someone in danger: captivity, death, coercion, free text, photos


def registry() -> dict[str, dict[str, Level]]:
    """{"app_label.ModelName": {field: level}} from every kintrace app."""
    from django.apps import apps

    found: dict[str, dict[str, Level]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("kintrace.") or not find_spec(
            f"{config.name}.classification"
        ):
            continue
        module = import_module(f"{config.name}.classification")
        for model_name, fields in getattr(module, "FIELDS", {}).items():
            found[f"{config.label}.{model_name}"] = dict(fields)
    return found


def level_of(model, field_name: str) -> Level:
    """The level of one field; an unclassified field counts as sensitive."""
    return registry().get(model._meta.label, {}).get(field_name, Level.SENSITIVE)


def fields_up_to(model, level: Level) -> list[str]:
    """Names of the model's fields that may be shown to someone cleared up to `level`."""
    return [
        field.name for field in model._meta.concrete_fields if level_of(model, field.name) <= level
    ]


# The accounts app's own fields.
FIELDS = {
    "AuditEvent": {
        "id": Level.INTERNAL,
        "seq": Level.INTERNAL,
        "at": Level.INTERNAL,
        "actor_id": Level.INTERNAL,
        "actor_label": Level.PERSONAL,
        "action": Level.INTERNAL,
        "object_type": Level.INTERNAL,
        "object_id": Level.INTERNAL,
        "page": Level.INTERNAL,
        "client": Level.PERSONAL,
        "detail": Level.PERSONAL,
        "prev_hash": Level.INTERNAL,
        "hash": Level.INTERNAL,
    },
    "AuditChainHead": {"id": Level.INTERNAL, "seq": Level.INTERNAL, "hash": Level.INTERNAL},
}
