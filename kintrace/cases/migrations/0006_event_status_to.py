from django.db import migrations, models

BATCH = 500


def fill_status_to(apps, schema_editor):
    """Status changes written before: the new status comes from the event's data."""
    Event = apps.get_model("cases", "Event")
    changes = Event.objects.filter(kind="status_changed").only("data").order_by("pk")
    batch = []
    for event in changes.iterator(chunk_size=BATCH):
        event.status_to = str((event.data or {}).get("to") or "")
        batch.append(event)
        if len(batch) == BATCH:
            Event.objects.bulk_update(batch, ["status_to"])
            batch = []
    Event.objects.bulk_update(batch, ["status_to"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_encrypted_personal_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="status_to",
            field=models.CharField(
                blank=True,
                choices=[
                    ("new", "New"),
                    ("triage", "In triage"),
                    ("active", "Search under way"),
                    ("found_alive", "Found alive"),
                    ("found_captured", "Found: in captivity"),
                    ("found_dead", "Found: dead"),
                    ("closed", "Closed without result"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(fill_status_to, migrations.RunPython.noop),
    ]
