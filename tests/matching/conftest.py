"""Lists and cases for the matching tests; what actions queue after commit runs at once."""

from __future__ import annotations

import json

import pytest

from kintrace.lists import actions as list_actions
from kintrace.matching.models import Match
from tests.conftest import file_case

IVANOV_UK = {
    "surname": "Іванов",
    "given_name": "Олексій",
    "patronymic": "Петрович",
    "birth_date": "07.03.2003",
    "unit": "в/ч 12345",
    "status": "у полоні",
}
STRANGER = {"surname": "Сидоренко", "given_name": "Тарас", "birth_date": "1970"}


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    """Matching caches list features under the data folder: one per test."""
    settings.DATA_DIR = tmp_path / "data"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a function and run what it queued on commit (the matching tasks) at once."""

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


@pytest.fixture
def import_rows(db, tmp_path, run):
    def make(rows, kind="prisoners", name=None):
        path = tmp_path / f"{name or kind}-{len(list(tmp_path.iterdir()))}.json"
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        return run(
            list_actions.import_list,
            path=path,
            file_name=path.name,
            details={"name": name or f"{kind} list", "kind": kind, "publisher": "Ministry"},
            mapping=None,
            actor=None,
            request=None,
        )

    return make


@pytest.fixture
def new_case(run):
    def make(**fields):
        case, _code = run(file_case, **fields)
        return case

    return make


@pytest.fixture
def match(import_rows, new_case):
    """Иванов Алексей Петрович sought; Іванов Олексій in a prisoners list."""
    case = new_case()
    import_rows([IVANOV_UK, STRANGER])
    return Match.objects.get(case=case)


@pytest.fixture
def family_of(db):
    """A browser that proved the access code of the given case."""
    from django.test import Client

    from kintrace.cases.access import FAMILY_SESSION_KEY

    def make(case):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        session = client.session
        session[FAMILY_SESSION_KEY] = case.reference
        session.save()
        return client

    return make
