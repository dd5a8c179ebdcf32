"""Personal data is encrypted at rest, searchable by keyed hashes, and keys can be rotated."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from kintrace import crypto
from kintrace.cases.models import Event, Person
from tests.cases.test_intake import _image
from tests.conftest import file_case


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_names_phones_and_text_are_stored_encrypted(caseworker, db):
    case, _code = file_case(phone_numbers="+7 900 000-11-22", distinguishing_marks="шрам")
    person = case.person
    for column in ("surname", "given_name", "patronymic", "phone_numbers", "distinguishing_marks"):
        stored = raw("cases_person", column, person.pk)
        assert stored.startswith(crypto.PREFIX)
        assert "Иванов" not in stored and "+7 900" not in stored
    assert raw("cases_requester", "email", case.requester.pk).startswith(crypto.PREFIX)
    assert Person.objects.get(pk=person.pk).surname == "Иванов"  # read back as text


def test_the_status_reason_is_encrypted(caseworker, case):
    caseworker.post(
        f"/staff/cases/{case.reference}/status/",
        {"status": "active", "reason": "звонок сослуживца"},
    )
    event = Event.objects.get(case=case, kind="status_changed")
    assert raw("cases_event", "reason", event.pk).startswith(crypto.PREFIX)
    assert event.reason == "звонок сослуживца"


def test_search_by_whole_words_through_keyed_hashes(caseworker, case):
    stored = raw("cases_person", "name_index", case.person.pk)
    assert "иванов" not in stored.lower()
    for query, found in [
        ("Иванов", True),
        ("иванов алексей", True),
        ("ИВАНОВ", True),
        ("Иван", False),
        ("Петров", False),
    ]:
        response = caseworker.get("/staff/cases/", {"q": query})
        assert (case.reference in response.content.decode()) is found, query


def test_photos_are_encrypted_on_disk(caseworker, db):
    png = _image("PNG")
    case, _code = file_case(photo=SimpleUploadedFile("p.png", png, content_type="image/png"))
    path = case.person.photo.path
    with open(path, "rb") as handle:
        assert not handle.read().startswith(b"\x89PNG")
    response = caseworker.get(f"/staff/cases/{case.reference}/photo/")
    assert b"".join(response.streaming_content) == png


def test_the_key_file_is_made_once_and_private(settings, db):
    first = crypto.keyring().keys
    crypto.reset_keyring()
    assert crypto.keyring().keys == first
    assert crypto.key_file().stat().st_mode & 0o077 == 0


def test_rotation_moves_every_field_and_file_to_a_new_key(caseworker, db, capsys):
    png = _image("PNG")
    case, _code = file_case(photo=SimpleUploadedFile("p.png", png, content_type="image/png"))
    caseworker.post(f"/staff/cases/{case.reference}/note/", {"text": "заметка"})
    old_keys = crypto.keyring().keys
    before = raw("cases_person", "surname", case.person.pk)

    call_command("rotate_field_key")

    assert "encrypted again" in capsys.readouterr().out
    assert len(crypto.keyring().keys) == 1 and crypto.keyring().keys[0] not in old_keys
    assert raw("cases_person", "surname", case.person.pk) != before
    person = Person.objects.get(pk=case.person.pk)
    assert person.surname == "Иванов"
    assert Event.objects.get(case=case, kind="note").text == "заметка"
    with person.photo.open("rb") as handle:
        assert handle.read() == png
    response = caseworker.get("/staff/cases/", {"q": "Иванов"})
    assert case.reference in response.content.decode()


def test_rotation_refuses_keys_from_the_environment(settings, db):
    from cryptography.fernet import Fernet

    settings.FIELD_KEYS = [Fernet.generate_key().decode()]
    crypto.reset_keyring()
    with pytest.raises(CommandError, match="KINTRACE_FIELD_KEYS"):
        call_command("rotate_field_key")


def test_a_lost_key_is_named(settings, case):
    from cryptography.fernet import Fernet
    from django.core.exceptions import ImproperlyConfigured

    settings.FIELD_KEYS = [Fernet.generate_key().decode()]
    crypto.reset_keyring()
    with pytest.raises(ImproperlyConfigured, match="field_keys"):
        Person.objects.get(pk=case.person.pk)
