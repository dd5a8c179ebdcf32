"""Coordinator pages for partner API tokens: create (the key is shown once), list, revoke."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases.actions import normalise_reference
from kintrace.cases.models import Case
from kintrace.lists import actions
from kintrace.lists.access import MAX_ID
from kintrace.lists.models import PartnerToken, Scope


class TokenForm(forms.Form):
    partner = forms.CharField(label=_("Partner organisation"), max_length=200)
    scopes = forms.MultipleChoiceField(
        label=_("What the token may do"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1)
    referred = forms.CharField(
        label=_("Cases this partner referred"),
        required=False,
        help_text=_("Case references, one per line; the token may read their status."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].initial = settings.API_TOKEN_DAYS
        self.fields["days"].validators.append(_max_days)

    def clean_referred(self) -> list[Case]:
        cases = []
        for line in self.cleaned_data["referred"].split():
            reference = normalise_reference(line)
            case = Case.objects.filter(reference=reference).first() if reference else None
            if case is None:
                raise forms.ValidationError(_("No case %(ref)s."), params={"ref": line[:20]})
            cases.append(case)
        return cases


def _max_days(value: int) -> None:
    if value > settings.API_TOKEN_DAYS:
        raise forms.ValidationError(
            _("At most %(days)s days."), params={"days": settings.API_TOKEN_DAYS}
        )


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_perm("lists.add_partnertoken"):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    new_key = None
    status = 200
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            token, new_key = actions.create_token(
                partner=data["partner"],
                scopes=data["scopes"],
                days=data["days"],
                actor=request.user,
                request=request,
            )
            for case in data["referred"]:
                actions.add_referral(partner=token.partner, case=case, request=request)
            form = TokenForm()
        else:
            status = 400
    else:
        form = TokenForm()
        audit.record(
            request=request, action=AuditAction.VIEW, object_type="partner_token", object_id="*"
        )
    context = {"form": form, "tokens": PartnerToken.objects.all()[:100], "new_key": new_key}
    return render(request, "lists/tokens.html", context, status=status)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    _allowed(request)
    token = PartnerToken.objects.filter(pk=token_id).first() if token_id <= MAX_ID else None
    if token is None:
        raise Http404
    actions.revoke_token(token=token, request=request)
    return redirect("lists:tokens")
