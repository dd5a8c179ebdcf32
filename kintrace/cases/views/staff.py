"""Caseworker pages: the dashboard, the case list and a case with its timeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.accounts.roles import role_of
from kintrace.cases import actions
from kintrace.cases.access import access_case
from kintrace.cases.forms import (
    AssignForm,
    CaseFilterForm,
    EraseForm,
    MessageForm,
    NoteForm,
    PersonForm,
    PriorityForm,
    StatusForm,
)
from kintrace.cases.models import (
    OPEN_STATUSES,
    Case,
    ErasureReason,
    Event,
    EventKind,
    Status,
)
from kintrace.crypto import blind_tokens
from kintrace.names import unit_key


def _with_family_news(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Mark cases where the family wrote after the last thing a caseworker did."""
    staff_events = Event.objects.filter(case=OuterRef(OuterRef("pk")), author__isnull=False)
    last_staff_at = Subquery(staff_events.order_by("-created_at").values("created_at")[:1])
    newer_family_info = Event.objects.filter(
        case=OuterRef("pk"), kind=EventKind.FAMILY_INFO
    ).filter(Q(created_at__gt=last_staff_at) | ~Exists(staff_events))
    return cases.annotate(family_news=Exists(newer_family_info))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.view_case_counts"):
        raise Http404
    counts = dict(Case.objects.values_list("status").annotate(n=Count("id")).order_by())
    context = {
        "role": role_of(request.user),
        "status_counts": [(value, label, counts.get(value, 0)) for value, label in Status.choices],
        "open_total": sum(counts.get(s, 0) for s in OPEN_STATUSES),
        "total": sum(counts.values()),
    }
    if request.user.has_perm("cases.view_case"):
        cases = _with_family_news(Case.objects.select_related("person", "assigned_to"))
        context["mine"] = cases.filter(assigned_to=request.user, status__in=OPEN_STATUSES)[:20]
        context["unassigned"] = cases.filter(assigned_to=None, status__in=OPEN_STATUSES)[:20]
        context["family_news"] = cases.filter(family_news=True)[:20]
        audit.record(
            request=request, action=AuditAction.VIEW, object_type="case_list", object_id="dashboard"
        )
    return render(request, "cases/staff/dashboard.html", context)


def _filtered_cases(request: HttpRequest, form: CaseFilterForm) -> QuerySet[Case]:
    cases = Case.objects.select_related("person", "assigned_to")
    if not form.is_valid():
        return cases.none()
    data = form.cleaned_data
    for token in blind_tokens(data["q"]).split():
        cases = cases.filter(person__name_index__contains=token)
    if data["status"] == "open":
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif data["status"]:
        cases = cases.filter(status=data["status"])
    if data["region"]:
        cases = cases.filter(person__region=data["region"])
    if data["unit"]:
        cases = cases.filter(person__unit_key=unit_key(data["unit"]) or data["unit"])
    if data["assignee"] == "me":
        cases = cases.filter(assigned_to=request.user)
    elif data["assignee"] == "none":
        cases = cases.filter(assigned_to=None)
    elif data["assignee"]:
        cases = cases.filter(assigned_to_id=data["assignee"])
    return cases.order_by("-priority", "-created_at")


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("cases.view_case"):
        raise Http404
    form = CaseFilterForm(request.GET)
    page = Paginator(_with_family_news(_filtered_cases(request, form)), 50).get_page(
        request.GET.get("page")
    )
    audit.record(
        request=request,
        action=AuditAction.VIEW,
        object_type="case_list",
        object_id=f"page {page.number}",
        # Which filters, never their values: a searched name must not outlive an erased case.
        detail={"filters": sorted(k for k, v in request.GET.items() if v and k != "page")},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/staff/case_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _detail_context(case: Case, **forms) -> dict:
    defaults = {
        "assign_form": AssignForm(initial={"assignee": case.assigned_to_id}),
        "status_form": StatusForm(initial={"status": case.status}),
        "priority_form": PriorityForm(initial={"priority": case.priority}),
        "note_form": NoteForm(),
        "message_form": MessageForm(),
    }
    defaults.update(forms)
    return {
        "case": case,
        "person": case.person,
        "requester": case.requester,
        "events": case.events.select_related("author"),
        **defaults,
    }


@login_required
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, for_write=False)
    return render(request, "cases/staff/case_detail.html", _detail_context(case))


def _case_form_view(form_class, context_name: str, apply):
    """A POST-only view that validates one form and applies one action to the case."""

    @login_required
    @require_POST
    def view(request: HttpRequest, reference: str) -> HttpResponse:
        case = access_case(request, reference, for_write=True)
        form = form_class(request.POST)
        if not form.is_valid():
            context = _detail_context(case, **{context_name: form})
            return render(request, "cases/staff/case_detail.html", context, status=400)
        apply(request, case, form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("cases:case_detail", reference=case.reference)

    return view


case_assign = _case_form_view(
    AssignForm,
    "assign_form",
    lambda request, case, data: actions.assign_case(
        case=case, assignee=data["assignee"], actor=request.user, request=request
    ),
)
case_status = _case_form_view(
    StatusForm,
    "status_form",
    lambda request, case, data: actions.change_status(
        case=case,
        status=Status(data["status"]),
        reason=data["reason"],
        message_to_family=data["message_to_family"],
        actor=request.user,
        request=request,
    ),
)
case_priority = _case_form_view(
    PriorityForm,
    "priority_form",
    lambda request, case, data: actions.set_priority(
        case=case, priority=data["priority"], actor=request.user, request=request
    ),
)
case_note = _case_form_view(
    NoteForm,
    "note_form",
    lambda request, case, data: actions.add_note(
        case=case, text=data["text"], actor=request.user, request=request
    ),
)
case_message = _case_form_view(
    MessageForm,
    "message_form",
    lambda request, case, data: actions.send_family_message(
        case=case, text=data["text"], actor=request.user, request=request
    ),
)


@login_required
def case_erase(request: HttpRequest, reference: str) -> HttpResponse:
    """A coordinator erases a case: its personal data goes everywhere, for good."""
    case = access_case(request, reference, for_write=True)
    if not request.user.has_perm("cases.delete_case"):
        raise Http404
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm"].strip().upper() != case.reference:
            form.add_error("confirm", _("This is not the reference of this case."))
        else:
            actions.erase_case(
                case=case,
                reason=ErasureReason(form.cleaned_data["reason"]),
                actor_label=request.user.get_username(),
                request=request,
            )
            messages.success(request, _("The case was erased."))
            return redirect("cases:case_list")
    return render(request, "cases/staff/case_erase.html", {"case": case, "form": form})


@login_required
def person_edit(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, for_write=True)
    person = case.person
    if request.method == "POST":
        form = PersonForm(request.POST, request.FILES, instance=person)
        if form.is_valid():
            actions.edit_person(
                person=form.save(commit=False),
                changed=form.changed_data,
                actor=request.user,
                request=request,
            )
            messages.success(request, _("Saved."))
            return redirect("cases:case_detail", reference=case.reference)
    else:
        form = PersonForm(instance=person)
    return render(request, "cases/staff/person_edit.html", {"case": case, "form": form})


@login_required
def person_photo(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, for_write=False)
    if not case.person.photo:
        raise Http404
    response = FileResponse(case.person.photo.open("rb"))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
