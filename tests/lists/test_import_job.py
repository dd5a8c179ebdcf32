"""The import page: preview, mapping, check, import, progress and row-level problems."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kintrace.lists import actions
from kintrace.lists.models import ImportJob, PublisherMapping, Record, SourceList
from tests.conftest import last_audit
from tests.lists import files


@pytest.fixture
def post(coordinator, django_capture_on_commit_callbacks):
    """POST as the coordinator and run what the request queued after its commit."""

    def send(path, data):
        with django_capture_on_commit_callbacks(execute=True):
            return coordinator.post(path, data)

    return send


@pytest.fixture
def job(coordinator):
    def make(text=files.PRISONERS_CSV, name="march.csv", publisher="Ministry"):
        return actions.upload_file(
            upload=SimpleUploadedFile(name, text.encode("utf-8")),
            details={"name": "March", "kind": "prisoners", "publisher": publisher},
            actor=coordinator.user,
            request=None,
        )

    return make


def url(job):
    return f"/staff/lists/imports/{job.pk}/"


def mapping_post(**fields):
    data = {"full_name": "ФИО", "birth_date": "Дата рождения", "unit": "в/ч", "import": "1"}
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_preview_and_guessed_mapping(coordinator, job):
    uploaded = job()
    response = coordinator.get(url(uploaded))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Иванов Алексей Петрович" in page and "в/ч 12345" in page  # the preview rows
    assert '<option value="ФИО" selected>' in page
    audit = last_audit()
    assert (audit.action, audit.object_type) == ("view", "import_job")


def test_saved_publisher_mapping_is_offered(coordinator, job):
    PublisherMapping.objects.create(publisher="Ministry", mapping={"full_name": "Звание"})
    page = coordinator.get(url(job())).content.decode()
    assert '<option value="Звание" selected>' in page


def test_import_runs_and_reports_done(coordinator, job, post):
    uploaded = job()
    response = post(url(uploaded), mapping_post())
    assert response.status_code == 302
    uploaded.refresh_from_db()
    assert uploaded.state == "done" and uploaded.rows_done == 3
    source = SourceList.objects.get()
    assert uploaded.source_list == source and source.imported_by == coordinator.user
    assert Record.objects.filter(source_list=source).count() == 3
    page = coordinator.get(url(uploaded)).content.decode()
    assert "3 records imported." in page and f"/staff/lists/{source.pk}/" in page


def test_check_only_writes_nothing(coordinator, job, post):
    uploaded = job()
    post(url(uploaded), mapping_post(**{"import": None, "check": "1"}))
    uploaded.refresh_from_db()
    assert uploaded.state == "checked" and uploaded.rows_total == 3
    assert SourceList.objects.count() == 0
    assert "All 3 rows can be imported." in coordinator.get(url(uploaded)).content.decode()


def test_row_problems_are_listed_and_nothing_is_written(coordinator, job, post):
    text = files.PRISONERS_CSV + "4;Орлов Олег;31.02.2001;;;;\n5;;1990;;;;\n"
    uploaded = job(text)
    post(url(uploaded), mapping_post())
    uploaded.refresh_from_db()
    assert uploaded.state == "refused"
    assert [(p["row"], p["column"]) for p in uploaded.problems] == [
        (4, "Дата рождения"),
        (5, "ФИО"),
    ]
    assert SourceList.objects.count() == 0 and Record.objects.count() == 0
    page = coordinator.get(url(uploaded)).content.decode()
    assert "Problems: nothing was written" in page and "31.02.2001" in page


def test_a_mapping_without_a_name_is_refused(coordinator, job):
    uploaded = job()
    response = coordinator.post(url(uploaded), mapping_post(full_name=None))
    assert response.status_code == 400
    assert "map a column to the full name or to the surname" in response.content.decode()
    uploaded.refresh_from_db()
    assert uploaded.state == "uploaded"


def test_running_import_page_refreshes_itself(coordinator, job):
    uploaded = job()
    ImportJob.objects.filter(pk=uploaded.pk).update(state="checking", rows_done=20000)
    page = coordinator.get(url(uploaded)).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "20000 rows checked" in page and "<progress" in page


def test_the_page_counts_records_as_they_are_written(coordinator, job):
    from kintrace.lists import progress

    uploaded = job()
    ImportJob.objects.filter(pk=uploaded.pk).update(state="writing", rows_total=2000)
    page = coordinator.get(url(uploaded)).content.decode()
    assert "0 of 2000 records written" in page and 'value="0"' in page
    progress.save(uploaded.pk, 500, 2000)  # what the worker writes between batches
    page = coordinator.get(url(uploaded)).content.decode()
    assert "500 of 2000 records written" in page and 'value="25"' in page


def test_the_import_reports_each_batch_written_and_leaves_no_count_behind(
    coordinator, job, monkeypatch
):
    from kintrace.lists import actions, progress, tasks

    monkeypatch.setattr(actions, "BATCH", 1)
    seen = []
    monkeypatch.setattr(progress, "save", lambda job_id, done, total: seen.append((done, total)))
    uploaded = job()
    mapping = {"full_name": "ФИО", "birth_date": "Дата рождения", "unit": "в/ч"}
    ImportJob.objects.filter(pk=uploaded.pk).update(mapping=mapping)
    tasks.run_import.call(job_id=uploaded.pk)
    uploaded.refresh_from_db()
    assert uploaded.state == "done"
    total = uploaded.rows_total
    assert seen[0] == (1, total) and seen[-1] == (total, total)
    assert progress.load(uploaded.pk) is None


def test_a_hostile_file_is_named_on_the_page(coordinator, job):
    uploaded = job(text="\x00\x01\x02binary", name="x.csv")
    page = coordinator.get(url(uploaded)).content.decode()
    assert "The file cannot be read" in page and "binary data" in page
    assert 'id="mapping-form"' not in page


def test_reimport_is_refused(coordinator, job, post):
    first = job()
    post(url(first), mapping_post())
    again = job(name="copy.csv")
    post(url(again), mapping_post())
    again.refresh_from_db()
    assert again.state == "refused" and "imported already" in again.problems[0]["why"]
    assert SourceList.objects.count() == 1


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_get_404(request, persona, job):
    uploaded = job()
    client = request.getfixturevalue(persona)
    assert client.get(url(uploaded)).status_code == 404
    assert client.post(url(uploaded), mapping_post()).status_code == 404
    uploaded.refresh_from_db()
    assert uploaded.state == "uploaded"


def test_missing_job_is_404(coordinator):
    assert coordinator.get("/staff/lists/imports/999/").status_code == 404


def test_a_refused_import_reads_in_the_language_of_whoever_looks(coordinator, job):
    from kintrace.lists import tasks

    uploaded = job(text="ФИО;Дата рождения\nИванов Алексей;31.02.2001\n")
    mapping = {"full_name": "ФИО", "birth_date": "Дата рождения"}
    ImportJob.objects.filter(pk=uploaded.pk).update(mapping=mapping)
    tasks.run_import.call(job_id=uploaded.pk)
    uploaded.refresh_from_db()
    [problem] = uploaded.problems
    assert (
        problem["why"].startswith("not a date")
        and problem["message_id"] == "not a date (%(error)s)"
    )
    english = coordinator.get(url(uploaded)).content.decode()
    assert "not a date" in english
    russian = coordinator.get(url(uploaded), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "not a date" not in russian and "31.02.2001" in russian
