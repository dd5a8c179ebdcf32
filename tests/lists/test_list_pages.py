"""The lists index and one list's records, per persona."""

from __future__ import annotations

import pytest

from kintrace.lists import actions
from tests.conftest import last_audit
from tests.lists import files


@pytest.fixture
def imported(db, tmp_path):
    path = files.write(tmp_path / "l.csv", files.PRISONERS_CSV)
    return actions.import_list(
        path=path,
        file_name="l.csv",
        details={"name": "March prisoners", "kind": "prisoners"},
        mapping=None,
        actor=None,
        request=None,
    )


@pytest.mark.parametrize(("persona", "upload_form"), [("caseworker", False), ("coordinator", True)])
def test_index(request, imported, persona, upload_form):
    client = request.getfixturevalue(persona)
    response = client.get("/staff/lists/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "March prisoners" in page and ">3<" in page
    assert ('id="upload-form"' in page) is upload_form
    assert last_audit().object_type == "source_list"


def test_list_records(caseworker, imported):
    response = caseworker.get(f"/staff/lists/{imported.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Иванов Алексей Петрович" in page and "07.03.2003" in page
    audit = last_audit()
    assert (audit.action, audit.object_id) == ("view", str(imported.pk))


def test_analyst_sees_no_names(analyst, imported):
    assert analyst.get("/staff/lists/").status_code == 404
    assert analyst.get(f"/staff/lists/{imported.pk}/").status_code == 404


def test_anonymous_is_sent_to_log_in(anonymous, imported):
    response = anonymous.get(f"/staff/lists/{imported.pk}/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_nav_link_for_caseworkers(caseworker, analyst):
    assert 'href="/staff/lists/"' in caseworker.get("/staff/").content.decode()
    assert 'href="/staff/lists/"' not in analyst.get("/staff/").content.decode()
