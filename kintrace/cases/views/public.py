"""Pages for families: no account, a reference and an access code."""

from __future__ import annotations

from django.contrib import messages
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kintrace.cases import actions
from kintrace.cases.access import (
    access_case_as_family,
    grant_family_access,
    revoke_family_access,
)
from kintrace.cases.forms import FamilyAccessForm, FamilyInformationForm, PersonForm, RequesterForm
from kintrace.cases.models import OPEN_STATUSES, Status

NEW_CASE_SESSION_KEY = "new_case_once"


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/landing.html")


@never_cache
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    language = getattr(request, "LANGUAGE_CODE", "ru")
    if request.method == "POST":
        person_form = PersonForm(request.POST, request.FILES, prefix="person")
        requester_form = RequesterForm(request.POST, prefix="requester")
        if person_form.is_valid() and requester_form.is_valid():
            case, code = actions.file_request(
                person=person_form.save(commit=False),
                requester=requester_form.save(commit=False),
                request=request,
            )
            request.session[NEW_CASE_SESSION_KEY] = {"reference": case.reference, "code": code}
            return redirect("cases:intake_done")
    else:
        person_form = PersonForm(prefix="person")
        requester_form = RequesterForm(prefix="requester", initial={"preferred_language": language})
    return render(
        request,
        "cases/intake.html",
        {"person_form": person_form, "requester_form": requester_form},
    )


@never_cache
def intake_done(request: HttpRequest) -> HttpResponse:
    """Shows the reference and access code exactly once."""
    shown = request.session.pop(NEW_CASE_SESSION_KEY, None)
    return render(request, "cases/intake_done.html", {"new_case": shown})


@never_cache
@require_http_methods(["GET", "POST"])
def status_lookup(request: HttpRequest) -> HttpResponse:
    locked = False
    if request.method == "POST":
        form = FamilyAccessForm(request.POST)
        if form.is_valid():
            result = actions.open_family_access(
                reference=form.cleaned_data["reference"],
                code=form.cleaned_data["code"],
                request=request,
            )
            if result.case is not None:
                grant_family_access(request, result.case)
                return redirect("cases:family_case", reference=result.case.reference)
            locked = result.locked
            if locked:
                form.add_error(None, _("Too many wrong codes. Please try again later."))
            else:
                form.add_error(None, _("The reference or the access code is not right."))
    else:
        form = FamilyAccessForm(initial={"reference": request.GET.get("reference", "")[:20]})
    return render(
        request, "cases/status_lookup.html", {"form": form}, status=429 if locked else 200
    )


def _next_step(status: str) -> str:
    steps = {
        Status.NEW: _(
            "Your request has been received. A caseworker will read it and contact you, "
            "usually within a few working days."
        ),
        Status.TRIAGE: _("A caseworker is reviewing your request and deciding on the first steps."),
        Status.ACTIVE: _(
            "The search is under way: we write to the authorities and check published lists. "
            "We will write here as soon as we learn something."
        ),
    }
    return steps.get(
        status,
        _("The search has ended. A caseworker will contact you about what comes next."),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def family_case(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case_as_family(request, reference)
    if case is None:
        return redirect(f"{reverse('cases:status')}?reference={reference[:20]}")
    if request.method == "POST":
        form = FamilyInformationForm(request.POST)
        if form.is_valid():
            actions.add_family_information(
                case=case, text=form.cleaned_data["text"], request=request
            )
            messages.success(request, _("Thank you. Your caseworker will read it."))
            return redirect("cases:family_case", reference=case.reference)
    else:
        form = FamilyInformationForm()
    context = {
        "case": case,
        "events": case.events.for_family(),
        "next_step": _next_step(case.status),
        "is_open": case.status in OPEN_STATUSES,
        "form": form,
    }
    return render(request, "cases/family_case.html", context)


@require_POST
def family_leave(request: HttpRequest) -> HttpResponse:
    revoke_family_access(request)
    messages.info(request, _("You have left the case page. Keep your reference and code safe."))
    return redirect("cases:status")


def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
