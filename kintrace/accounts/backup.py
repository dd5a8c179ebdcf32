"""Encrypted backups: every table as Django fixtures plus the uploaded files, in one file.

The archive is a tar.gz of `data.json` (dumpdata with natural keys, so it loads into a
fresh database of either engine) and `media/`, encrypted with a key derived from a
passphrase (scrypt) and sealed with Fernet (AES-CBC + HMAC): a changed byte is refused.
"""

from __future__ import annotations

import base64
import io
import json
import os
import tarfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from kintrace import crypto

MAGIC = b"KINTRACE-BACKUP-1\n"
SALT_BYTES = 16
# Created again by `migrate`; restoring them would clash with what migrate made.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "django_tasks_database"]


class BackupError(Exception):
    """A backup that cannot be made or read; the message says why."""


def _key(passphrase: str, salt: bytes) -> bytes:
    if len(passphrase) < 12:
        raise BackupError("The backup passphrase must have at least 12 characters.")
    kdf = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1)
    return base64.urlsafe_b64encode(kdf.derive(passphrase.encode()))


def _excluded() -> list[str]:
    """Tables migrate makes again, and models without a table of their own."""
    from django.apps import apps

    unmanaged = [m._meta.label for m in apps.get_models() if not m._meta.managed]
    return [*EXCLUDED, *unmanaged]


def _archive() -> bytes:
    data = io.StringIO()
    call_command(
        "dumpdata",
        exclude=_excluded(),
        natural_foreign=True,
        natural_primary=True,
        stdout=data,
        verbosity=0,
    )
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        payload = data.getvalue().encode()
        info = tarfile.TarInfo("data.json")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
        # The field keys travel inside the backup's own encryption: without them its
        # personal fields and photos could not be read on another machine.
        keys = b"".join(key + b"\n" for key in crypto.keyring().keys)
        info = tarfile.TarInfo("field_keys")
        info.size = len(keys)
        tar.addfile(info, io.BytesIO(keys))
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            tar.add(media, arcname="media")
    return buffer.getvalue()


def write_backup(path: Path, *, passphrase: str) -> int:
    """Write an encrypted backup to `path`; returns the number of database rows in it."""
    salt = os.urandom(SALT_BYTES)
    archive = _archive()
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        rows = len(json.load(tar.extractfile("data.json")))
    sealed = Fernet(_key(passphrase, salt)).encrypt(archive)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(MAGIC + salt + sealed)
    return rows


def _open(path: Path, passphrase: str) -> tarfile.TarFile:
    raw = path.read_bytes()
    if not raw.startswith(MAGIC):
        raise BackupError(f"{path} is not a kintrace backup.")
    salt, sealed = raw[len(MAGIC) : len(MAGIC) + SALT_BYTES], raw[len(MAGIC) + SALT_BYTES :]
    try:
        archive = Fernet(_key(passphrase, salt)).decrypt(sealed)
    except InvalidToken:
        raise BackupError("Wrong passphrase, or the backup file was changed.") from None
    return tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz")


def _use_keys(keys: list[bytes]) -> None:
    """The backup's field keys become this machine's (the old key file is kept aside)."""
    if settings.FIELD_KEYS:
        if [k.encode() for k in settings.FIELD_KEYS] != keys:
            raise BackupError(
                "The backup was made with other field keys: set KINTRACE_FIELD_KEYS to the "
                "keys of the backup, or unset it to use the key file."
            )
        return
    current = crypto.key_file()
    if current.exists() and current.read_bytes().split() != keys:
        current.replace(current.with_name("field_keys.before-restore"))
    crypto.write_keys(keys)


def restore_backup(path: Path, *, passphrase: str) -> int:
    """Replace the database's content and the uploaded files with a backup's; returns rows."""
    with _open(path, passphrase) as tar:
        data = tar.extractfile("data.json").read()
        media = [m for m in tar.getmembers() if m.name.startswith("media/") and m.isfile()]
        for member in media:
            if ".." in Path(member.name).parts or member.name.startswith("/"):
                raise BackupError(f"Refusing a file outside the media folder: {member.name}")
        rows = len(json.loads(data))
        _use_keys([k for k in tar.extractfile("field_keys").read().split() if k])
        fixture = Path(settings.DATA_DIR) / "restore.json"
        fixture.write_bytes(data)
        try:
            with transaction.atomic():
                # flush runs post_migrate: content types, permissions and role groups come back
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(fixture), verbosity=0)
        finally:
            fixture.unlink()
        target = Path(settings.MEDIA_ROOT)
        for member in media:
            destination = target / Path(member.name).relative_to("media")
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(tar.extractfile(member).read())
    return rows
