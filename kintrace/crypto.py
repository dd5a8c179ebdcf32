"""Personal data encrypted at rest, with keys kept outside the database.

- `Keyring`: Fernet keys from KINTRACE_FIELD_KEYS (comma-separated, newest first) or the file
  `<data folder>/field_keys` (one per line, newest first), made on first use with mode 600.
  Old keys still decrypt; `kintrace rotate-field-key` re-encrypts everything with a new one.
- `EncryptedTextField`: stored as Fernet tokens (AES-CBC + HMAC); read back as plain text.
  Only `isnull` and `exact ""` make sense in queries: the database never sees the text.
- `EncryptedJSONField`: a JSON value (dicts, lists) stored the same way; no key look-ups in
  queries, so what reports filter on goes in a plain column beside it.
- `blind_tokens`: keyed hashes (HMAC-SHA256) of the folded words of a text, so staff can
  search by whole words without a plaintext column.
- `EncryptedFileSystemStorage`: uploaded files (photos) encrypted on disk.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

PREFIX = "enc1:"


class Keyring:
    """The field keys, newest first."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise ImproperlyConfigured("No field encryption key.")
        self.keys = keys
        self.fernet = MultiFernet([Fernet(key) for key in keys])
        # The search key is derived from the oldest key, so rotation keeps search working.
        self.search_key = hashlib.sha256(b"kintrace blind index\0" + keys[-1]).digest()

    def encrypt(self, text: str) -> str:
        return PREFIX + self.fernet.encrypt(text.encode()).decode()

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return stored  # written before encryption was switched on
        try:
            return self.fernet.decrypt(stored[len(PREFIX) :].encode()).decode()
        except InvalidToken:
            raise ImproperlyConfigured(
                "A field cannot be decrypted with the configured keys (KINTRACE_FIELD_KEYS or "
                "field_keys in the data folder): was the key file lost or replaced?"
            ) from None

    def rotate(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return self.encrypt(stored)
        return PREFIX + self.fernet.rotate(stored[len(PREFIX) :].encode()).decode()


def key_file() -> Path:
    return Path(settings.DATA_DIR) / "field_keys"


def _read_or_create_keys() -> list[bytes]:
    if settings.FIELD_KEYS:
        return [key.encode() for key in settings.FIELD_KEYS]
    path = key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it a moment ago
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(Fernet.generate_key().decode() + "\n")
    return [line.strip().encode() for line in path.read_text().splitlines() if line.strip()]


@cache
def keyring() -> Keyring:
    return Keyring(_read_or_create_keys())


def reset_keyring() -> None:
    keyring.cache_clear()


def fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def blind_token(word: str) -> str:
    digest = hmac.new(keyring().search_key, fold(word).encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode().lower()


def blind_tokens(text: str) -> str:
    """Space-separated keyed hashes of the distinct folded words of `text`."""
    words = dict.fromkeys(w.strip(".,'’ʼ-") for w in fold(text).replace("-", " ").split())
    return " ".join(blind_token(w) for w in words if w)


class EncryptedTextField(models.TextField):
    """Text encrypted at rest; reads give the plain text back."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return keyring().decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return keyring().encrypt(str(value))


class EncryptedCharField(EncryptedTextField):
    """A short encrypted text: a one-line input in forms, its length checked there."""

    def formfield(self, **kwargs):
        from django import forms

        return models.Field.formfield(
            self, **{"form_class": forms.CharField, "max_length": self.max_length, **kwargs}
        )


class EncryptedJSONField(EncryptedTextField):
    """A JSON value encrypted at rest; reads give dicts and lists back, as a JSONField does."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return json.loads(keyring().decrypt(value))

    def get_prep_value(self, value):
        if value is None:
            return value
        text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
        return keyring().encrypt(text)

    def to_python(self, value):
        return value  # already the JSON value, as in JSONField (fixtures, forms)

    def value_to_string(self, obj):
        return self.value_from_object(obj)  # fixtures (backups) keep it as JSON

    def formfield(self, **kwargs):
        from django import forms

        return models.Field.formfield(self, **{"form_class": forms.JSONField, **kwargs})


class EncryptedFileSystemStorage(FileSystemStorage):
    """Files encrypted on disk; `open` gives the plain bytes."""

    def _save(self, name, content):
        content.seek(0)
        sealed = keyring().fernet.encrypt(content.read())
        return super()._save(name, ContentFile(sealed))

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as handle:
            raw = handle.read()
        try:
            plain = keyring().fernet.decrypt(raw)
        except InvalidToken:
            plain = raw  # stored before encryption was switched on
        return File(io.BytesIO(plain), name=name)

    def rotate(self, name: str) -> None:
        """Encrypt a stored file again with the newest key, in place."""
        path = Path(self.path(name))
        raw = path.read_bytes()
        try:
            sealed = keyring().fernet.rotate(raw)
        except InvalidToken:
            sealed = keyring().fernet.encrypt(raw)
        replace_file(path, sealed)


def replace_file(path: Path, content: bytes) -> None:
    """Write a file whole or not at all, readable by its owner only."""
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.replace(temporary, path)


def write_keys(keys: list[bytes]) -> None:
    """Replace the key file (newest key first) and forget the cached keyring."""
    if settings.FIELD_KEYS:
        raise ImproperlyConfigured(
            "The field keys come from KINTRACE_FIELD_KEYS: change that variable instead."
        )
    replace_file(key_file(), b"".join(key + b"\n" for key in keys))
    reset_keyring()


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted fields, and those fields."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def encrypt_rows(model: type[models.Model], fields: list[str], *, batch: int = 500) -> None:
    """Save every row through its encrypted fields: a migration sealing rows written before."""
    manager = model._base_manager
    pks = list(manager.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), batch):
        rows = list(manager.filter(pk__in=pks[start : start + batch]).only(*fields))
        manager.bulk_update(rows, fields)


def decrypt_rows(model: type[models.Model], fields: list[str], schema_editor) -> None:
    """Write every row's plain values back: the same migration undone."""
    table = schema_editor.quote_name(model._meta.db_table)
    assignments = ", ".join(f"{schema_editor.quote_name(f)} = %s" for f in fields)
    as_json = {f for f in fields if isinstance(model._meta.get_field(f), EncryptedJSONField)}
    rows = []
    for row in model._base_manager.only(*fields).iterator():
        values = [(getattr(row, f), f in as_json) for f in fields]
        plain = [json.dumps(v) if is_json and v is not None else v for v, is_json in values]
        rows.append((*plain, row.pk))
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", rows)  # noqa: S608


def photo_storage() -> EncryptedFileSystemStorage:
    return EncryptedFileSystemStorage()
