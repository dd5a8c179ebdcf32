"""Upload: a coordinator's file is kept for mapping; everyone else gets nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kintrace.lists.models import ImportJob
from tests.conftest import last_audit
from tests.lists import files

URL = "/staff/lists/upload/"


CP1251_LIST = files.PRISONERS_CSV.encode("cp1251")


def form(name="march.csv", body=CP1251_LIST, **extra):
    return {
        "file": SimpleUploadedFile(name, body),
        "name": "Prisoners, March",
        "kind": "prisoners",
        "publisher": "Ministry",
        "category": "military",
        **extra,
    }


def test_coordinator_uploads_and_is_sent_to_the_mapping(coordinator):
    response = coordinator.post(URL, form())
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/lists/imports/{job.pk}/"
    assert job.file_format == "csv" and job.details["name"] == "Prisoners, March"
    assert job.state == "uploaded" and job.created_by == coordinator.user
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id) == (
        "create",
        "import_job",
        str(job.pk),
    )


def test_unknown_file_type_is_refused_with_a_message(coordinator):
    response = coordinator.post(URL, form(name="list.exe"))
    assert response.status_code == 400
    assert "Unknown file type .exe" in response.content.decode()
    assert ImportJob.objects.count() == 0


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_cannot_upload(request, persona):
    client = request.getfixturevalue(persona)
    assert client.post(URL, form()).status_code == 404
    assert ImportJob.objects.count() == 0


def test_anonymous_is_sent_to_log_in(anonymous):
    response = anonymous.post(URL, form())
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_a_file_over_the_upload_limit_is_refused(coordinator, settings):
    settings.LIST_UPLOAD_MAX_MB = 1
    response = coordinator.post(URL, form(body=b"x" * ((1 << 20) + 1)))
    assert response.status_code == 400
    assert "larger than 1 MB: import it with kintrace import-list" in response.content.decode()
    assert ImportJob.objects.count() == 0
