from django.db import migrations

import kintrace.crypto
from kintrace.crypto import decrypt_rows, encrypt_rows

SEALED = {"Inquiry": ["subject", "body", "attachments"], "Response": ["summary"]}


def encrypt_existing(apps, schema_editor):
    for name, fields in SEALED.items():
        encrypt_rows(apps.get_model("inquiries", name), fields)


def decrypt_existing(apps, schema_editor):
    for name, fields in SEALED.items():
        decrypt_rows(apps.get_model("inquiries", name), fields, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0002_initial_data"),
    ]

    operations = [
        migrations.AlterField(
            model_name="inquiry",
            name="attachments",
            field=kintrace.crypto.EncryptedTextField(
                blank=True, verbose_name="attachments, one per line"
            ),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="body",
            field=kintrace.crypto.EncryptedTextField(verbose_name="text of the letter"),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="subject",
            field=kintrace.crypto.EncryptedCharField(max_length=300, verbose_name="subject"),
        ),
        migrations.AlterField(
            model_name="response",
            name="summary",
            field=kintrace.crypto.EncryptedTextField(blank=True, verbose_name="what it says"),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
