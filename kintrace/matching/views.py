"""The review queue: candidates side by side, confirm or reject, then tell the family."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.matching import actions
from kintrace.matching.access import access_match
from kintrace.matching.explain import plain_words
from kintrace.matching.forms import ReasonForm, TellFamilyForm
from kintrace.matching.models import Match, MatchStatus


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("matching.view_match"):
        raise Http404
    related = ("case__person", "record__source_list", "first_by")
    page = Paginator(Match.objects.for_review().select_related(*related), 50).get_page(
        request.GET.get("page")
    )
    untold = Match.objects.filter(status=MatchStatus.CONFIRMED, family_told_at=None)
    audit.record(
        request=request,
        action=AuditAction.VIEW,
        object_type="match_list",
        object_id=f"page {page.number}",
    )
    return render(
        request,
        "matching/queue.html",
        {"page": page, "untold": untold.select_related(*related)[:50]},
    )


def _detail_context(request: HttpRequest, match: Match, **forms) -> dict:
    person, record = match.case.person, match.record
    points = plain_words(
        match.evidence, sought_name=person.full_name, record_name=record.name_as_printed
    )
    return {
        "match": match,
        "person": person,
        "record": record,
        "source": record.source_list,
        "points": points,
        "new_status": actions.status_after(match),
        "waits_for_other": match.status == MatchStatus.SECOND_REVIEW
        and match.first_by_id == request.user.pk,
        "confirm_form": forms.get("confirm_form") or ReasonForm(prefix="confirm"),
        "reject_form": forms.get("reject_form") or ReasonForm(prefix="reject"),
        "tell_form": forms.get("tell_form") or TellFamilyForm(),
    }


@login_required
def match_detail(request: HttpRequest, match_id: int) -> HttpResponse:
    match = access_match(request, match_id, for_write=False)
    return render(request, "matching/match.html", _detail_context(request, match))


def _review_view(form_class, prefix: str | None, context_name: str, apply):
    @login_required
    @require_POST
    def view(request: HttpRequest, match_id: int) -> HttpResponse:
        match = access_match(request, match_id, for_write=True)
        form = form_class(request.POST, prefix=prefix)
        if form.is_valid():
            try:
                apply(request, match, form.cleaned_data)
            except actions.ReviewRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("Saved."))
                return redirect("matching:match", match_id=match.pk)
        context = _detail_context(request, match, **{context_name: form})
        return render(request, "matching/match.html", context, status=400)

    return view


match_confirm = _review_view(
    ReasonForm,
    "confirm",
    "confirm_form",
    lambda request, match, data: actions.confirm_match(
        match=match, reason=data["reason"], actor=request.user, request=request
    ),
)
match_reject = _review_view(
    ReasonForm,
    "reject",
    "reject_form",
    lambda request, match, data: actions.reject_match(
        match=match, reason=data["reason"], actor=request.user, request=request
    ),
)
match_tell = _review_view(
    TellFamilyForm,
    None,
    "tell_form",
    lambda request, match, data: actions.tell_family(
        match=match, message=data["message"], actor=request.user, request=request
    ),
)


@login_required
@require_POST
def run_all(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("matching.run_matching"):
        raise Http404
    count = actions.queue_full_run(request=request)
    messages.success(
        request,
        _("Matching of %(count)s lists against the open cases is queued.") % {"count": count},
    )
    return redirect("matching:queue")
