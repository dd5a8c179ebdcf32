from django.db import migrations

import kintrace.crypto
from kintrace.crypto import decrypt_rows, encrypt_rows

SEALED = ["evidence", "first_reason", "reason"]


def encrypt_existing(apps, schema_editor):
    encrypt_rows(apps.get_model("matching", "Match"), SEALED)


def decrypt_existing(apps, schema_editor):
    decrypt_rows(apps.get_model("matching", "Match"), SEALED, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="match",
            name="evidence",
            field=kintrace.crypto.EncryptedJSONField(default=list),
        ),
        migrations.AlterField(
            model_name="match",
            name="first_reason",
            field=kintrace.crypto.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name="match",
            name="reason",
            field=kintrace.crypto.EncryptedTextField(blank=True),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
