"""The scheduler's record of runs moved to the periodic app: carry the rows over."""

from django.db import migrations


def carry_over(apps, schema_editor):
    old = apps.get_model("inquiries", "PeriodicRun")
    new = apps.get_model("periodic", "PeriodicRun")
    for run in old.objects.all():
        new.objects.update_or_create(name=run.name, defaults={"last_run_at": run.last_run_at})


def carry_back(apps, schema_editor):
    old = apps.get_model("inquiries", "PeriodicRun")
    new = apps.get_model("periodic", "PeriodicRun")
    for run in new.objects.all():
        old.objects.update_or_create(name=run.name, defaults={"last_run_at": run.last_run_at})


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0003_encrypted_letters_and_responses"),
        ("periodic", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(carry_over, carry_back),
        migrations.DeleteModel(name="PeriodicRun"),
    ]
