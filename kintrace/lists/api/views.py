"""The partner API: push a list, follow its import, search records, refer a family's request
and read the status of the cases referred.

Every call, refused ones included, writes an audit row naming the partner.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases import actions as case_actions
from kintrace.cases.actions import normalise_reference
from kintrace.cases.models import fold_for_search
from kintrace.lists import actions
from kintrace.lists.access import MAX_ID
from kintrace.lists.api import serializers as s
from kintrace.lists.importers import ImportProblem, open_table
from kintrace.lists.models import ImportJob, Record, Referral, Scope

PAGE_SIZE = 50


def exception_handler(exc, context):
    return drf_exception_handler(exc, context)


class AuditedView(APIView):
    required_scope = ""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        user = getattr(request._request, "user", None)
        audit.record(
            request=request._request,
            action=AuditAction.API_CALL,
            object_type="api",
            object_id=request.path[:64],
            actor_label=user.get_username() if user is not None else "anonymous",
            detail={"method": request.method, "status": response.status_code},
        )
        return response

    def partner(self, request) -> str:
        return request.user.partner


class ListPush(AuditedView):
    required_scope = Scope.PUSH_LISTS

    @extend_schema(
        request={"multipart/form-data": s.ListPushSerializer},
        responses={202: s.ImportJobSerializer, 400: None},
        summary="Push a published list; it is checked and imported whole, or not at all.",
    )
    def post(self, request):
        data = s.ListPushSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        upload, mapping = values.pop("file"), values.pop("mapping")
        values["published_on"] = (
            values["published_on"].isoformat() if values["published_on"] else None
        )
        job = actions.upload_file(
            upload=upload,
            details=values,
            actor=None,
            request=request._request,
            partner=self.partner(request),
        )
        if not mapping:
            try:
                columns = open_table(job.file.path, name=job.file_name).columns
            except ImportProblem:
                columns = []
            mapping = actions.default_mapping(columns, values["publisher"])
        actions.queue_import(job=job, mapping=mapping, only_check=False, request=request._request)
        job.refresh_from_db()
        return Response(s.ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ImportStatus(AuditedView):
    required_scope = Scope.PUSH_LISTS

    @extend_schema(responses={200: s.ImportJobSerializer}, summary="The state of a pushed list.")
    def get(self, request, job_id: int):
        if job_id > MAX_ID:
            raise Http404
        job = get_object_or_404(ImportJob, pk=job_id, partner=self.partner(request))
        return Response(s.ImportJobSerializer(job).data)


class RecordSearch(AuditedView):
    required_scope = Scope.SEARCH_RECORDS

    @extend_schema(
        parameters=[s.RecordQuerySerializer],
        responses={200: s.RecordPageSerializer},
        summary="Records of published lists by name words, year of birth and list.",
    )
    def get(self, request):
        query = s.RecordQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        q = query.validated_data
        records = Record.objects.select_related("source_list").order_by("id")
        for word in fold_for_search(q["name"]).split()[:5]:
            records = records.filter(name_search__contains=word)
        if "birth_year" in q:
            records = records.filter(birth_year=q["birth_year"])
        if "list" in q:
            records = records.filter(source_list_id=q["list"])
        paginator = Paginator(records, PAGE_SIZE)
        page = paginator.get_page(q["page"])
        data = {
            "count": paginator.count,
            "page": page.number,
            "results": s.RecordSerializer(page.object_list, many=True).data,
        }
        return Response(data)


def _form_data(values: dict) -> dict[str, str]:
    """API values as the public form receives them (booleans as the form's own words)."""
    out = {}
    for name, value in values.items():
        if isinstance(value, bool):
            if value:
                out[name] = "on"
        else:
            out[name] = value
    return out


class CaseReferral(AuditedView):
    required_scope = Scope.REFER_CASES

    @extend_schema(
        request=s.ReferralSerializer,
        responses={201: s.ReferredCaseSerializer, 400: None},
        summary="Refer a family's tracing request: the same fields and checks as the public "
        "form; the reference and the family's access code come back once.",
    )
    def post(self, request):
        from kintrace.cases.forms import PersonForm, RequesterForm

        data = s.ReferralSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        person = PersonForm(data=_form_data(data.validated_data["person"]))
        requester = RequesterForm(data=_form_data(data.validated_data["requester"]))
        errors = {}
        for key, form in (("person", person), ("requester", requester)):
            if not form.is_valid():
                errors[key] = {field: list(messages) for field, messages in form.errors.items()}
        if errors:
            raise ValidationError(errors)
        partner = self.partner(request)
        with transaction.atomic():
            case, code = case_actions.file_request(
                person=person.save(commit=False),
                requester=requester.save(commit=False),
                request=request._request,
                partner=partner,
            )
            actions.add_referral(partner=partner, case=case, request=request._request)
        body = {"reference": case.reference, "access_code": code, "status": case.status}
        return Response(s.ReferredCaseSerializer(body).data, status=status.HTTP_201_CREATED)


class CaseStatus(AuditedView):
    required_scope = Scope.CASE_STATUS

    @extend_schema(
        parameters=[OpenApiParameter("reference", str, OpenApiParameter.PATH)],
        responses={200: s.CaseStatusSerializer},
        summary="The status of a case this partner referred (404 for any other).",
    )
    def get(self, request, reference: str):
        normalised = normalise_reference(reference) or "-"
        referral = get_object_or_404(
            Referral.objects.select_related("case"),
            partner=self.partner(request),
            case__reference=normalised,
        )
        case = referral.case
        data = {
            "reference": case.reference,
            "status": case.status,
            "status_label": str(case.get_status_display()),
            "updated_at": case.updated_at,
        }
        return Response(s.CaseStatusSerializer(data).data)


# The Swagger UI files the docs page loads, served from the installed sidecar package.
DOCS_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-standalone-preset.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon-32x32.png": "image/png",
}


def docs_asset(request, name: str):
    from pathlib import Path

    import drf_spectacular_sidecar
    from django.http import FileResponse

    if name not in DOCS_ASSETS:
        raise Http404
    folder = Path(drf_spectacular_sidecar.__file__).parent / "static/drf_spectacular_sidecar"
    response = FileResponse((folder / "swagger-ui-dist" / name).open("rb"))
    response["Content-Type"] = DOCS_ASSETS[name]
    response["Cache-Control"] = "public, max-age=86400"
    return response
