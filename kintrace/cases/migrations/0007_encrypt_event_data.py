import json

from django.db import migrations

import kintrace.crypto

BATCH = 500


def encrypt_existing(apps, schema_editor):
    """Rows written before hold plain JSON: saving through the encrypted field encrypts them."""
    Event = apps.get_model("cases", "Event")
    pks = list(Event.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = list(Event.objects.filter(pk__in=pks[start : start + BATCH]).only("data"))
        Event.objects.bulk_update(batch, ["data"])


def decrypt_existing(apps, schema_editor):
    """Back to plain JSON text, which the column's change back to JSON reads."""
    Event = apps.get_model("cases", "Event")
    table = schema_editor.quote_name(Event._meta.db_table)
    rows = [(json.dumps(e.data, ensure_ascii=False), e.pk) for e in Event.objects.only("data")]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET data = %s WHERE id = %s", rows)  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_event_status_to"),
    ]

    operations = [
        migrations.AlterField(
            model_name="event",
            name="data",
            field=kintrace.crypto.EncryptedJSONField(blank=True, default=dict),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
