"""The coordinator's view of the audit log."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction, AuditEvent


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=_("What"), required=False, choices=[("", _("Anything")), *AuditAction.choices]
    )
    object_id = forms.CharField(label=_("Object (case reference, user number)"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def _filtered(form: AuditFilterForm):
    events = AuditEvent.objects.all()
    if not form.is_valid():
        return events.none()
    data = form.cleaned_data
    if data["actor"]:
        events = events.filter(actor_label__iexact=data["actor"].strip())
    if data["action"]:
        events = events.filter(action=data["action"])
    if data["object_id"]:
        events = events.filter(object_id__iexact=data["object_id"].strip())
    if data["since"]:
        events = events.filter(at__date__gte=data["since"])
    if data["until"]:
        events = events.filter(at__date__lte=data["until"])
    return events


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.view_auditevent"):
        raise Http404
    form = AuditFilterForm(request.GET)
    page = Paginator(_filtered(form), 100).get_page(request.GET.get("page"))
    audit.record(
        request=request,
        action=AuditAction.VIEW,
        object_type="audit_log",
        object_id=f"page {page.number}",
        detail={k: v for k, v in request.GET.items() if k != "page"},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "accounts/audit_log.html", {"form": form, "page": page, "query": query.urlencode()}
    )
