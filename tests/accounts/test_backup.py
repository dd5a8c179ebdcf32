"""Backup and restore round trip, on the database the tests run on (SQLite or PostgreSQL)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from kintrace.accounts.models import AuditEvent
from kintrace.cases import actions
from kintrace.cases.models import Case, Event, Person, Requester
from tests.cases.test_intake import _image

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def with_passphrase(settings):
    settings.BACKUP_PASSPHRASE = PASSPHRASE
    return settings


def _case_with_photo():
    person = Person(
        surname="Журавлёв",
        given_name="Пётр",
        birth_year=1999,
        photo=SimpleUploadedFile("p.png", _image("PNG"), content_type="image/png"),
    )
    requester = Requester(name="Журавлёва Анна", relation="mother", consent_processing=True)
    return actions.file_request(person=person, requester=requester, request=None)


@pytest.mark.django_db(transaction=True)
def test_round_trip(with_passphrase, tmp_path, caseworker, capsys):
    case, code = _case_with_photo()
    actions.add_note(case=case, text="проверено", actor=caseworker.user, request=None)
    photo = case.person.photo
    photo_bytes = photo.read()
    photo.close()
    audit_rows = AuditEvent.objects.count()
    archive = tmp_path / "kintrace.backup"

    call_command("backup", str(archive))
    assert "Журавлёв".encode() not in archive.read_bytes()  # encrypted
    assert archive.stat().st_mode & 0o077 == 0

    Case.objects.all().delete()
    photo.storage.delete(photo.name)
    call_command("restore", str(archive))

    restored = Case.objects.get(reference=case.reference)
    assert restored.person.surname == "Журавлёв"
    assert restored.check_access_code(code)
    assert [e.kind for e in Event.objects.filter(case=restored)] == ["created", "note"]
    with restored.person.photo.open("rb") as handle:
        assert handle.read() == photo_bytes
    assert AuditEvent.objects.count() == audit_rows
    call_command("verify_audit")  # the chain came back whole


def test_a_wrong_passphrase_is_refused(with_passphrase, tmp_path, db):
    archive = tmp_path / "kintrace.backup"
    call_command("backup", str(archive))
    with_passphrase.BACKUP_PASSPHRASE = "another long passphrase"
    with pytest.raises(CommandError, match="Wrong passphrase"):
        call_command("restore", str(archive))


def test_a_changed_byte_is_refused(with_passphrase, tmp_path, db):
    archive = tmp_path / "kintrace.backup"
    call_command("backup", str(archive))
    raw = bytearray(archive.read_bytes())
    raw[-10] ^= 1
    archive.write_bytes(bytes(raw))
    with pytest.raises(CommandError, match="changed"):
        call_command("restore", str(archive))


def test_no_passphrase_no_backup(settings, tmp_path, db):
    settings.BACKUP_PASSPHRASE = ""
    with pytest.raises(CommandError, match="KINTRACE_BACKUP_PASSPHRASE"):
        call_command("backup", str(tmp_path / "x"))


def test_not_a_backup(with_passphrase, tmp_path, db):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(CommandError, match="not a kintrace backup"):
        call_command("restore", str(other))
