"""The initial rules, institutions and letter templates; coordinators edit them afterwards."""

import tomllib
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parents[1] / "initial_data"


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("inquiries", "DeadlineRule")
    MinimumServiceRule = apps.get_model("inquiries", "MinimumServiceRule")
    Institution = apps.get_model("inquiries", "Institution")
    LetterTemplate = apps.get_model("inquiries", "LetterTemplate")
    directory = tomllib.loads((DATA / "institutions.toml").read_text(encoding="utf-8"))
    for row in directory["rule"]:
        DeadlineRule.objects.get_or_create(code=row["code"], valid_from=row["valid_from"], defaults=row)
    for row in directory["minimum_service"]:
        MinimumServiceRule.objects.get_or_create(valid_from=row["valid_from"], defaults=row)
    made = {}
    for row in directory["institution"]:
        made[row["key"]], _created = Institution.objects.get_or_create(
            code=row["key"],
            defaults={
                "name": row["name"],
                "short_name": row.get("short_name", ""),
                "kind": row["kind"],
                "jurisdiction": row["jurisdiction"],
                "address": row.get("address", ""),
                "rule_code": row.get("rule", ""),
            },
        )
    for row in directory["institution"]:
        if row.get("parent"):
            Institution.objects.filter(pk=made[row["key"]].pk).update(parent=made[row["parent"]])
    letters = tomllib.loads((DATA / "letters.toml").read_text(encoding="utf-8"))
    for row in letters["template"]:
        body = row["body"]
        for name, text in letters["common"][row["language"]].items():
            body = body.replace("{" + name + "}", text)
        LetterTemplate.objects.get_or_create(
            kind=row["kind"],
            language=row["language"],
            defaults={"subject": row["subject"], "body": body},
        )


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
