"""Staff account pages: the second factor, one's own account, the coordinator's user list and
the audit log."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kintrace.accounts import audit, passkeys, second_factor
from kintrace.accounts.forms import TokenForm
from kintrace.accounts.models import AuditAction, AuditEvent
from kintrace.accounts.roles import role_of


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
        detail={"filters": sorted(k for k, v in request.GET.items() if v and k != "page")},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "accounts/audit_log.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
        return target
    return reverse("cases:dashboard")


@never_cache
@login_required
def second_factor_page(request: HttpRequest) -> HttpResponse:
    """Prove the second factor, or set one up on the first log-in."""
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    form = TokenForm(request.POST or None)
    if not second_factor.confirmed_devices(request.user):
        return _enrol(request, form, next_url)
    if request.method == "POST" and form.is_valid():
        device = second_factor.verify(request.user, form.cleaned_data["token"])
        if device is not None:
            second_factor.record_use(request=request, device=device)
            return redirect(next_url)
        audit.record(
            request=request,
            action=AuditAction.LOGIN_FAILED,
            object_type="user",
            object_id=request.user.pk,
            detail={"username": request.user.get_username(), "factor": "second"},
        )
        form.add_error("token", _("This code is not right, or it was used already."))
    context = {
        "form": form,
        "next": next_url,
        "has_authenticator": second_factor.has_authenticator(request.user),
        "has_passkey": second_factor.passkeys_of(request.user).exists(),
    }
    return render(request, "accounts/second_factor.html", context)


def _enrol(request: HttpRequest, form: TokenForm, next_url: str) -> HttpResponse:
    device = second_factor.pending_authenticator(request.user)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.confirm_authenticator(
            request=request, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            request.session["recovery_codes_once"] = codes
            codes_url = reverse("accounts:recovery_codes")
            return redirect(f"{codes_url}?{urlencode({'next': next_url})}")
        form.add_error("token", _("This code is not right. Check the time on your phone."))
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": second_factor.qr_code_svg(device),
        "secret": second_factor.secret_text(device),
        # After a passkey is registered the page's script goes on to the recovery codes.
        "passkey_next": f"{reverse('accounts:recovery_codes')}?{urlencode({'next': next_url})}",
    }
    return render(request, "accounts/second_factor_setup.html", context)


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    codes = request.session.pop("recovery_codes_once", None)
    return render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@never_cache
@login_required
def account(request: HttpRequest) -> HttpResponse:
    """One's own second factors: passkeys to add or remove, the authenticator app."""
    context = {
        "passkeys": second_factor.passkeys_of(request.user),
        "has_authenticator": second_factor.has_authenticator(request.user),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def passkey_remove(request: HttpRequest, passkey_id: int) -> HttpResponse:
    passkey = passkeys.access_passkey(request, passkey_id)
    if passkey is None:
        raise Http404
    if passkeys.remove_passkey(request=request, passkey=passkey):
        messages.success(request, _("The passkey was removed."))
    else:
        messages.error(
            request,
            _("This is your only second factor: add another passkey before removing this one."),
        )
    return redirect("accounts:account")


@login_required
def staff_users(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("auth.change_user"):
        raise Http404
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    rows = [
        {"user": user, "role": role_of(user), "factors": len(second_factor.confirmed_devices(user))}
        for user in users
    ]
    audit.record(request=request, action=AuditAction.VIEW, object_type="user_list")
    return render(request, "accounts/staff_users.html", {"rows": rows})


@login_required
@require_POST
def reset_factor(request: HttpRequest, user_id: int) -> HttpResponse:
    if not request.user.has_perm("auth.change_user"):
        raise Http404
    user = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    second_factor.reset_second_factor(user=user, request=request)
    return redirect("accounts:staff_users")
