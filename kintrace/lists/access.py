"""The one way views get a list or an import: 404 for "missing" and "not allowed" alike."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.lists.models import ImportJob, SourceList

MAX_ID = 2**63 - 1  # a larger number in a URL is no row's id (and overflows SQLite)


def access_source_list(request: HttpRequest, list_id: int, *, for_write: bool) -> SourceList:
    perm = "lists.add_sourcelist" if for_write else "lists.view_sourcelist"
    if not request.user.has_perm(perm) or not 0 < list_id <= MAX_ID:
        raise Http404
    source_list = SourceList.objects.filter(pk=list_id).first()
    if source_list is None:
        raise Http404
    if request.method == "GET":
        audit.record(
            request=request,
            action=AuditAction.VIEW,
            object_type="source_list",
            object_id=source_list.pk,
        )
    return source_list


def access_import_job(request: HttpRequest, job_id: int, *, for_write: bool) -> ImportJob:
    """Imports are a coordinator's work, reading them included."""
    if not request.user.has_perm("lists.add_sourcelist") or not 0 < job_id <= MAX_ID:
        raise Http404
    job = ImportJob.objects.select_related("source_list").filter(pk=job_id).first()
    if job is None:
        raise Http404
    if request.method == "GET":
        audit.record(
            request=request, action=AuditAction.VIEW, object_type="import_job", object_id=job.pk
        )
    return job
