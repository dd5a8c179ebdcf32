"""Staff pages of inquiries: draft, send, record answers, letters, the directory, scorecards."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases.access import access_case
from kintrace.inquiries import actions, scorecards
from kintrace.inquiries.access import access_inquiry
from kintrace.inquiries.forms import (
    DeadlineRuleForm,
    DraftForm,
    EditDraftForm,
    InstitutionForm,
    LetterTemplateForm,
    PeriodForm,
    RegistrationForm,
    ResponseForm,
    SendForm,
)
from kintrace.inquiries.letters.render import letter_docx, letter_pdf
from kintrace.inquiries.letters.text import VARIABLES
from kintrace.inquiries.models import (
    DeadlineRule,
    FollowUp,
    Inquiry,
    InquiryKind,
    InquiryStatus,
    Institution,
    LetterTemplate,
)
from kintrace.inquiries.status import TransitionRefused, can_move
from kintrace.inquiries.suggestions import suggest_next


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise Http404


def _draft_initial(request: HttpRequest, case) -> dict:
    initial = {"language": case.requester.preferred_language, "channel": "post"}
    previous = Inquiry.objects.filter(case=case, pk=request.GET.get("previous") or 0).first()
    if previous is not None:
        initial.update(kind=previous.kind, language=previous.language, previous=previous.pk)
        initial["follow_up"] = request.GET.get("follow_up", "")
    for name in ("institution", "kind", "follow_up"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    return initial


@login_required
def inquiry_new(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request, reference, for_write=True)
    _require(request, "inquiries.add_inquiry")
    if request.method == "POST":
        form = DraftForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            previous = Inquiry.objects.filter(case=case, pk=data["previous"] or 0).first()
            follow_up = data["follow_up"] if data["follow_up"] in FollowUp.values else ""
            inquiry = actions.draft_inquiry(
                case=case,
                institution=data["institution"],
                kind=data["kind"],
                language=data["language"],
                channel=data["channel"],
                complained_about=data["complained_about"],
                no_study_needed=data["no_study_needed"],
                attachments=data["attachments"],
                previous=previous,
                follow_up=follow_up if previous else "",
                actor=request.user,
                request=request,
            )
            messages.success(request, _("The draft is ready: read it and correct it if needed."))
            return redirect("inquiries:detail", inquiry_id=inquiry.pk)
    else:
        form = DraftForm(initial=_draft_initial(request, case))
    return render(request, "inquiries/staff/new.html", {"case": case, "form": form})


def _detail_context(inquiry: Inquiry, **forms) -> dict:
    today = timezone.localdate()
    defaults = {
        "edit_form": EditDraftForm(instance=inquiry),
        "send_form": SendForm(initial={"sent_on": today, "channel": inquiry.channel}),
        "registration_form": RegistrationForm(initial={"registered_on": today}),
        "response_form": ResponseForm(initial={"received_on": today}),
    }
    defaults.update(forms)
    responses = list(inquiry.responses.select_related("redirected_to"))
    for response in responses:
        response.forwarding = actions.check_forwarding(inquiry, response)
    return {
        "inquiry": inquiry,
        "case": inquiry.case,
        "responses": responses,
        "unlawful": [r for r in responses if r.unlawful],
        "suggestion": suggest_next(inquiry),
        "follow_ups": list(inquiry.follow_ups.select_related("institution")),
        "earlier": inquiry.earlier(),
        "expected_due": actions.expected_due(inquiry, today),
        "awaiting": inquiry.status
        in (InquiryStatus.SENT, InquiryStatus.REGISTERED, InquiryStatus.OVERDUE),
        "can_register": can_move(inquiry.status, InquiryStatus.REGISTERED),
        "chain": inquiry.institution.chain()[1:],
        **defaults,
    }


@login_required
def inquiry_detail(request: HttpRequest, inquiry_id: int) -> HttpResponse:
    inquiry = access_inquiry(request, inquiry_id, for_write=False)
    return render(request, "inquiries/staff/detail.html", _detail_context(inquiry))


def _inquiry_form_view(form_class, context_name: str, apply, *, instance: bool = False):
    """A POST-only view that validates one form and applies one action to the inquiry."""

    @login_required
    @require_POST
    def view(request: HttpRequest, inquiry_id: int) -> HttpResponse:
        inquiry = access_inquiry(request, inquiry_id, for_write=True)
        form = form_class(request.POST, instance=inquiry) if instance else form_class(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    apply(request, inquiry, form)
            except ValueError as exc:  # refused in this state: say so, change nothing
                inquiry.refresh_from_db()
                error = str(exc)
                if isinstance(exc, TransitionRefused):
                    error = _("Not possible while the inquiry is “%(status)s”.") % {
                        "status": inquiry.get_status_display()
                    }
            else:
                messages.success(request, _("Saved."))
                return redirect("inquiries:detail", inquiry_id=inquiry.pk)
        else:
            error = _("Please correct the fields marked below.")
        context = _detail_context(inquiry, **{context_name: form}, action_error=error)
        return render(request, "inquiries/staff/detail.html", context, status=400)

    return view


inquiry_edit = _inquiry_form_view(
    EditDraftForm,
    "edit_form",
    lambda request, inquiry, form: actions.edit_draft(
        inquiry=form.save(commit=False),
        changed=form.changed_data,
        actor=request.user,
        request=request,
    ),
    instance=True,
)
inquiry_send = _inquiry_form_view(
    SendForm,
    "send_form",
    lambda request, inquiry, form: actions.send_inquiry(
        inquiry=inquiry,
        sent_on=form.cleaned_data["sent_on"],
        channel=form.cleaned_data["channel"],
        actor=request.user,
        request=request,
    ),
)


def _not_before_sending(inquiry: Inquiry, day) -> None:
    if inquiry.sent_on is not None and day < inquiry.sent_on:
        raise ValueError(
            _("This date is before the letter was sent (%(date)s).")
            % {"date": inquiry.sent_on.strftime("%d.%m.%Y")}
        )


def _apply_registration(request, inquiry, form) -> None:
    _not_before_sending(inquiry, form.cleaned_data["registered_on"])
    actions.record_registration(
        inquiry=inquiry,
        registered_on=form.cleaned_data["registered_on"],
        number=form.cleaned_data["number"],
        actor=request.user,
        request=request,
    )


inquiry_register = _inquiry_form_view(RegistrationForm, "registration_form", _apply_registration)


def _apply_response(request, inquiry, form) -> None:
    data = form.cleaned_data
    _not_before_sending(inquiry, data["received_on"])
    target = data["redirected_to"]
    if target is None and data["unit"].strip():
        target = actions.commander_for_unit(unit=data["unit"], request=request)
        if target is None:
            raise ValueError(_("There is no unit number in “%(unit)s”.") % {"unit": data["unit"]})
    actions.record_response(
        inquiry=inquiry,
        kind=data["kind"],
        received_on=data["received_on"],
        reference=data["reference"],
        redirected_to=target,
        summary=data["summary"],
        actor=request.user,
        request=request,
    )


inquiry_response = _inquiry_form_view(ResponseForm, "response_form", _apply_response)


@login_required
@require_POST
def inquiry_extend(request: HttpRequest, inquiry_id: int) -> HttpResponse:
    inquiry = access_inquiry(request, inquiry_id, for_write=True)
    try:
        actions.record_extension(inquiry=inquiry, actor=request.user, request=request)
    except ValueError:
        messages.error(request, _("The term can be extended once, while an answer is awaited."))
    else:
        messages.success(request, _("Saved."))
    return redirect("inquiries:detail", inquiry_id=inquiry.pk)


@login_required
def inquiry_letter(request: HttpRequest, inquiry_id: int, letter_format: str) -> HttpResponse:
    fmt = letter_format
    if fmt not in ("pdf", "docx"):
        raise Http404
    inquiry = access_inquiry(request, inquiry_id, for_write=False)
    name = f"{inquiry.case.reference}-{inquiry.pk}"
    if fmt == "pdf":
        response = HttpResponse(letter_pdf(inquiry), content_type="application/pdf")
    else:
        response = HttpResponse(
            letter_docx(inquiry),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def inquiry_list(request: HttpRequest) -> HttpResponse:
    _require(request, "inquiries.view_inquiry")
    status = request.GET.get("status", "")
    inquiries = Inquiry.objects.select_related("case__person", "institution").order_by(
        "due_on", "-created_at"
    )
    if status in InquiryStatus.values:
        inquiries = inquiries.filter(status=status)
    if request.GET.get("mine"):
        inquiries = inquiries.filter(case__assigned_to=request.user)
    page = Paginator(inquiries, 50).get_page(request.GET.get("page"))
    audit.record(
        request=request,
        action=AuditAction.VIEW,
        object_type="inquiry_list",
        object_id=f"page {page.number}",
        detail={"status": status},
    )
    return render(
        request,
        "inquiries/staff/list.html",
        {"page": page, "status": status, "statuses": InquiryStatus.choices},
    )


# --- The directory: institutions, deadline rules, letter templates (coordinators edit) -------


@login_required
def institution_list(request: HttpRequest) -> HttpResponse:
    _require(request, "inquiries.view_institution")
    return render(
        request,
        "inquiries/staff/institutions.html",
        {
            "institutions": Institution.objects.select_related("parent"),
            "rules": DeadlineRule.objects.all(),
            "templates": LetterTemplate.objects.all(),
        },
    )


def _edit_view(request, *, perm: str, form_class, obj, template: str, extra=None):
    _require(request, perm)
    if request.method == "POST":
        form = form_class(request.POST, instance=obj)
        if form.is_valid():
            actions.save_record(
                obj=form.save(commit=False),
                changed=form.changed_data,
                actor=request.user,
                request=request,
            )
            messages.success(request, _("Saved."))
            return redirect("inquiries:institutions")
    else:
        form = form_class(instance=obj)
    return render(request, template, {"form": form, "object": obj, **(extra or {})})


@login_required
def institution_edit(request: HttpRequest, institution_id: int | None = None) -> HttpResponse:
    obj = get_object_or_404(Institution, pk=institution_id) if institution_id else Institution()
    perm = "inquiries.change_institution" if institution_id else "inquiries.add_institution"
    return _edit_view(
        request,
        perm=perm,
        form_class=InstitutionForm,
        obj=obj,
        template="inquiries/staff/edit.html",
        extra={"title": _("Institution")},
    )


@login_required
def rule_edit(request: HttpRequest, rule_id: int | None = None) -> HttpResponse:
    if rule_id:
        obj = get_object_or_404(DeadlineRule, pk=rule_id)
    else:  # a new version starts as a copy of the one named, so only the change is typed
        base = DeadlineRule.objects.filter(pk=request.GET.get("from") or 0).first()
        obj = DeadlineRule()
        if base is not None:
            for field in DeadlineRule._meta.concrete_fields:
                if field.name not in ("id", "valid_from"):
                    setattr(obj, field.name, getattr(base, field.name))
    perm = "inquiries.change_deadlinerule" if rule_id else "inquiries.add_deadlinerule"
    return _edit_view(
        request,
        perm=perm,
        form_class=DeadlineRuleForm,
        obj=obj,
        template="inquiries/staff/edit.html",
        extra={"title": _("Deadline rule")},
    )


@login_required
def template_edit(request: HttpRequest, template_id: int) -> HttpResponse:
    obj = get_object_or_404(LetterTemplate, pk=template_id)
    return _edit_view(
        request,
        perm="inquiries.change_lettertemplate",
        form_class=LetterTemplateForm,
        obj=obj,
        template="inquiries/staff/edit.html",
        extra={"title": str(obj), "variables": VARIABLES},
    )


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    _require(request, "inquiries.view_scorecard")
    form = PeriodForm(request.GET or None)
    start = end = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    rows = scorecards.institution_scorecards(start=start, end=end, today=timezone.localdate())
    suppress = not request.user.has_perm("cases.view_case")
    flags = scorecards.contract_flag_counts(suppress_below=5 if suppress else 0)
    audit.record(
        request=request, action=AuditAction.VIEW, object_type="scorecard", object_id="institutions"
    )
    return render(
        request,
        "inquiries/staff/scorecard.html",
        {
            "form": form,
            "rows": rows,
            "chart": scorecards.chart(rows),
            "flags": flags,
            "kinds": InquiryKind.choices,
        },
    )
