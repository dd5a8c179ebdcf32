"""The partner API: scopes, expiry, every call audited; push a list, search, referred cases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kintrace.accounts.models import AuditEvent
from kintrace.lists import actions
from kintrace.lists.models import PartnerToken, Record, SourceList
from tests.conftest import last_audit
from tests.lists import files


@pytest.fixture
def token(db):
    def make(*scopes, partner="Committee", days=30):
        _token, key = actions.create_token(
            partner=partner, scopes=list(scopes), days=days, actor=None, request=None
        )
        return Client(HTTP_AUTHORIZATION=f"Token {key}")

    return make


@pytest.fixture
def records(db, tmp_path):
    path = files.write(tmp_path / "l.csv", files.PRISONERS_CSV)
    return actions.import_list(
        path=path, file_name="l.csv", details={"name": "L", "kind": "prisoners"},
        mapping=None, actor=None, request=None,
    )  # fmt: skip


def test_search_records(token, records):
    client = token("records:search")
    response = client.get("/api/records/", {"name": "иванов", "birth_year": 2003})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1 and data["results"][0]["name_as_printed"].startswith("Иванов")
    assert data["results"][0]["birth_date"] == "07.03.2003"
    audit = last_audit()
    assert (audit.action, audit.actor_label, audit.detail) == (
        "api_call",
        "partner:Committee",
        {"method": "GET", "status": 200},
    )


def test_bad_query_is_400(token, records):
    response = token("records:search").get("/api/records/", {"birth_year": "soon"})
    assert response.status_code == 400 and "birth_year" in response.json()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"HTTP_AUTHORIZATION": "Token nonsense"}, 401),
        ({"HTTP_AUTHORIZATION": "Token"}, 401),
    ],
)
def test_without_a_valid_token(db, headers, status):
    response = Client(**headers).get("/api/records/")
    assert response.status_code == status
    assert last_audit().action == "api_call" and last_audit().detail["status"] == status


def test_a_token_without_the_scope_is_refused(token, records):
    response = token("cases:status").get("/api/records/")
    assert response.status_code == 403


def test_an_expired_or_revoked_token_is_refused(token, records):
    client = token("records:search")
    PartnerToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get("/api/records/").status_code == 401
    PartnerToken.objects.update(expires_at=timezone.now() + dt.timedelta(days=1))
    assert client.get("/api/records/").status_code == 200
    actions.revoke_token(token=PartnerToken.objects.get(), request=None)
    assert client.get("/api/records/").status_code == 401


def test_push_a_list(token, django_capture_on_commit_callbacks):
    client = token("lists:push")
    upload = SimpleUploadedFile("march.csv", files.PRISONERS_CSV.encode("cp1251"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/lists/", {"file": upload, "name": "March", "kind": "prisoners"}
        )
    assert response.status_code == 202
    job_id = response.json()["id"]
    status = client.get(f"/api/imports/{job_id}/").json()
    assert status["state"] == "done" and status["rows_done"] == 3
    assert SourceList.objects.get().pk == status["list_id"]
    assert Record.objects.count() == 3
    other = token("lists:push", partner="Someone else")
    assert other.get(f"/api/imports/{job_id}/").status_code == 404


def test_push_a_bad_list_names_the_row(token, django_capture_on_commit_callbacks):
    client = token("lists:push")
    body = (files.PRISONERS_CSV + "4;Орлов;31.02.2001;;;;\n").encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/lists/",
            {"file": SimpleUploadedFile("l.csv", body), "name": "x", "kind": "killed"},
        )
    status = client.get(f"/api/imports/{response.json()['id']}/").json()
    assert status["state"] == "refused"
    assert status["problems"][0] == {
        "row": 4,
        "column": "Дата рождения",
        "value": "31.02.2001",
        "why": status["problems"][0]["why"],
    }
    assert SourceList.objects.count() == 0


def test_push_refuses_unknown_file_type_and_mapping(token):
    client = token("lists:push")
    bad = client.post(
        "/api/lists/", {"file": SimpleUploadedFile("a.exe", b"x"), "name": "x", "kind": "killed"}
    )
    assert bad.status_code == 400 and "file" in bad.json()
    upload = SimpleUploadedFile("a.csv", b"A\nB\n")
    bad = client.post(
        "/api/lists/", {"file": upload, "name": "x", "kind": "killed", "mapping": "{"}
    )
    assert bad.status_code == 400 and "mapping" in bad.json()


def test_case_status_only_for_referred_cases(token, case, filed):
    client = token("cases:status")
    assert client.get(f"/api/cases/{case.reference}/").status_code == 404
    actions.add_referral(partner="Committee", case=case, request=None)
    data = client.get(f"/api/cases/{case.reference.lower()}/").json()
    assert data["reference"] == case.reference and data["status"] == "new"
    assert set(data) == {"reference", "status", "status_label", "updated_at"}
    assert (
        token("cases:status", partner="Other").get(f"/api/cases/{case.reference}/").status_code
        == 404
    )


REFERRAL = {
    "person": {
        "surname": "Петренко",
        "given_name": "Олег",
        "birth_year": "2003",
        "military_unit": "в/ч 12345",
        "service_type": "contract",
        "contract_under_pressure": "true",
    },
    "requester": {
        "name": "Петренко Галина",
        "relation": "mother",
        "phone": "+7 900 123-45-67",
        "preferred_language": "ru",
        "consent_processing": True,
    },
}


def test_a_partner_refers_a_family_and_then_reads_the_status(
    token, django_capture_on_commit_callbacks
):
    from kintrace.cases.actions import open_family_access
    from kintrace.cases.models import Case

    client = token("cases:refer", "cases:status")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/cases/", REFERRAL, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert set(data) == {"reference", "access_code", "status"} and data["status"] == "new"
    case = Case.objects.get(reference=data["reference"])
    assert case.person.surname == "Петренко" and case.person.contract_under_pressure is True
    assert case.requester.consented_at is not None
    assert open_family_access(reference=case.reference, code=data["access_code"], request=None).case
    assert client.get(f"/api/cases/{case.reference}/").json()["status"] == "new"
    created = AuditEvent.objects.filter(action="create", object_type="case").get()
    assert (created.object_id, created.actor_label) == (case.reference, "partner:Committee")


@pytest.mark.parametrize(
    ("change", "where", "field"),
    [
        ({"person": {**REFERRAL["person"], "surname": ""}}, "person", "surname"),
        ({"person": {**REFERRAL["person"], "birth_year": "2203"}}, "person", "birth_year"),
        ({"requester": {**REFERRAL["requester"], "consent_processing": False}}, "requester",
         "consent_processing"),
        ({"requester": {**REFERRAL["requester"], "relation": "pope"}}, "requester", "relation"),
    ],
)  # fmt: skip
def test_a_bad_referral_names_the_field_and_files_nothing(token, change, where, field):
    from kintrace.cases.models import Case

    response = token("cases:refer").post(
        "/api/cases/", {**REFERRAL, **change}, content_type="application/json"
    )
    assert response.status_code == 400
    assert field in response.json()[where]
    assert Case.objects.count() == 0


def test_referring_needs_its_own_scope(token):
    response = token("cases:status").post("/api/cases/", REFERRAL, content_type="application/json")
    assert response.status_code == 403


def test_schema_and_docs_are_served_without_a_cdn(db):
    client = Client()
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/records/" in schema.content
    docs = client.get("/api/docs/")
    page = docs.content.decode()
    assert docs.status_code == 200
    assert "cdn" not in page.lower() and "/api/docs/assets/swagger-ui-bundle.js" in page
    script = client.get("/api/docs/?script")
    assert script.status_code == 200 and b"SwaggerUIBundle" in script.content
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and bundle["Content-Type"] == "text/javascript"
    assert client.get("/api/docs/assets/secret.py").status_code == 404
    assert AuditEvent.objects.filter(action="api_call").count() == 0
