"""Coordinator pages for published lists: upload, map columns with a preview, watch the import."""

from __future__ import annotations

from itertools import islice

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.lists import actions
from kintrace.lists.access import access_import_job, access_source_list
from kintrace.lists.forms import FIELD_LABELS, MappingForm, UploadForm
from kintrace.lists.importers import ImportProblem, open_table
from kintrace.lists.importers.base import problem_message
from kintrace.lists.models import ImportJob, JobState, SourceList

PREVIEW_ROWS = 8


@login_required
def list_index(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("lists.view_sourcelist"):
        raise Http404
    context = {"lists": SourceList.objects.all()[:200]}
    if request.user.has_perm("lists.add_sourcelist"):
        context["form"] = UploadForm()
        context["jobs"] = ImportJob.objects.exclude(state=JobState.DONE)[:20]
    audit.record(request=request, action=AuditAction.VIEW, object_type="source_list", object_id="*")
    return render(request, "lists/index.html", context)


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("lists.add_sourcelist"):
        raise Http404
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        context = {"lists": SourceList.objects.all()[:200], "form": form, "jobs": []}
        return render(request, "lists/index.html", context, status=400)
    job = actions.upload_file(
        upload=form.cleaned_data["file"],
        details=form.details(),
        actor=request.user,
        request=request,
    )
    return redirect("lists:import_job", job_id=job.pk)


def _preview(job: ImportJob) -> tuple[list[str], list[list[str]], ImportProblem | None]:
    try:
        table = open_table(job.file.path, name=job.file_name)
        return table.columns, list(islice(table.rows(), PREVIEW_ROWS)), None
    except ImportProblem as problem:
        return [], [], problem


@login_required
@require_http_methods(["GET", "POST"])
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_import_job(request, job_id, for_write=request.method == "POST")
    columns, preview, problem = ([], [], None) if job.running else _preview(job)
    initial = job.mapping or actions.default_mapping(columns, job.details.get("publisher", ""))
    form = None
    if not job.running and job.state != JobState.DONE and problem is None:
        data = request.POST if request.method == "POST" else None
        form = MappingForm(data, columns=columns, initial=initial)
        if request.method == "POST" and form.is_valid():
            only_check = "check" in request.POST
            actions.queue_import(
                job=job, mapping=form.mapping, only_check=only_check, request=request
            )
            return redirect("lists:import_job", job_id=job.pk)
    elif request.method == "POST":
        messages.error(request, _("This import cannot be changed now."))
        return redirect("lists:import_job", job_id=job.pk)
    context = {
        "job": job,
        "problems": [
            {**p, "why": problem_message(p.get("message_id", p.get("why", "")), p.get("params"))}
            for p in job.problems
        ],
        "columns": columns,
        "preview": preview,
        "problem": problem,
        "form": form,
        "labels": FIELD_LABELS,
        "status": 400 if request.method == "POST" else 200,
    }
    return render(request, "lists/import_job.html", context, status=context["status"])


@login_required
def source_list(request: HttpRequest, list_id: int) -> HttpResponse:
    found = access_source_list(request, list_id, for_write=False)
    page = Paginator(found.records.all(), 100).get_page(request.GET.get("page"))
    return render(request, "lists/source_list.html", {"source_list": found, "page": page})


EXPORT_TYPES = {"csv": "text/csv", "json": "application/json", "pfif": "application/xml"}


@login_required
def export_list(request: HttpRequest, list_id: int, fmt: str) -> HttpResponse:
    """A list's records as CSV (formulas neutralised), JSON or PFIF 1.4; audited as an export."""
    import io

    from kintrace.lists import export, exporters

    if fmt not in EXPORT_TYPES:
        raise Http404
    found = access_source_list(request, list_id, for_write=True)
    records = found.records.select_related("source_list").order_by("row_number")
    buffer = io.StringIO()
    if fmt == "csv":
        exporters.write_csv(buffer, export.RECORD_COLUMNS, export.record_rows(records))
    elif fmt == "json":
        exporters.write_json(buffer, export.record_rows(records))
    else:
        exporters.write_pfif(buffer, (export.record_pfif(r) for r in records.iterator()))
    audit.record(
        request=request,
        action=AuditAction.EXPORT,
        object_type="source_list",
        object_id=found.pk,
        detail={"format": fmt, "records": found.record_count},
    )
    suffix = "xml" if fmt == "pfif" else fmt
    response = HttpResponse(buffer.getvalue(), content_type=f"{EXPORT_TYPES[fmt]}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="list-{found.pk}.{suffix}"'
    return response
