"""The fixed cast of every test: family, caseworker, coordinator, analyst, an outsider's case."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kintrace import crypto
from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.accounts.models import AuditEvent
from kintrace.cases import actions
from kintrace.cases.access import FAMILY_SESSION_KEY
from kintrace.cases.models import Person, Requester

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # A data folder per test: its own field keys, never the developer's.
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    settings.FIELD_KEYS = []
    crypto.reset_keyring()
    settings.TASKS = IMMEDIATE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LANGUAGE_CODE = "en"


def _staff_client(username: str, role: str) -> Client:
    """A staff member logged in with password and second factor (an authenticator app)."""
    user, _password = create_staff(username=username, role=role)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    client.user = user
    client.device = device
    return client


@pytest.fixture
def caseworker(db) -> Client:
    return _staff_client("katya", "caseworker")


@pytest.fixture
def other_caseworker(db) -> Client:
    return _staff_client("oleg", "caseworker")


@pytest.fixture
def coordinator(db) -> Client:
    return _staff_client("nadia", "coordinator")


@pytest.fixture
def analyst(db) -> Client:
    return _staff_client("artem", "analyst")


@pytest.fixture
def anonymous(db) -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def file_case(**person_fields):
    person = Person(
        surname="Иванов",
        given_name="Алексей",
        patronymic="Петрович",
        birth_year=2003,
        birth_month=3,
        birth_day=7,
        region="Бурятия",
        military_unit="в/ч 12345",
        **person_fields,
    )
    requester = Requester(
        name="Иванова Мария", relation="mother", email="maria@example.org", consent_processing=True
    )
    return actions.file_request(person=person, requester=requester, request=None)


@pytest.fixture
def filed(db):
    """A case as a family filed it: (case, access code)."""
    return file_case()


@pytest.fixture
def case(filed):
    return filed[0]


@pytest.fixture
def family(filed) -> Client:
    """A browser that proved the access code of `case`."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    session = client.session
    session[FAMILY_SESSION_KEY] = filed[0].reference
    session.save()
    return client


def last_audit() -> AuditEvent:
    return AuditEvent.objects.order_by("-id").first()
