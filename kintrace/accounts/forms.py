import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction, AuditEvent


def recent_login_failures(*, username: str, client: str) -> int:
    since = timezone.now() - dt.timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    failures = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, at__gte=since)
    by_name = failures.filter(detail__username=username).count() if username else 0
    by_client = failures.filter(client=client).count() if client else 0
    return max(by_name, by_client)


class StaffLoginForm(AuthenticationForm):
    """Django's log-in form, refusing further tries after too many wrong passwords."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocapitalize": "none", "autocomplete": "username"}
        )

    def clean(self):
        username = (self.cleaned_data.get("username") or "")[:150]
        client = audit.client_address(self.request)
        if recent_login_failures(username=username, client=client) >= settings.LOGIN_MAX_FAILURES:
            audit.record(
                request=self.request,
                action=AuditAction.LOGIN_LOCKED,
                object_type="user",
                actor_label="anonymous",
                detail={"username": username},
            )
            raise ValidationError(
                _("Too many failed log-ins. Please wait %(minutes)d minutes and try again."),
                code="locked",
                params={"minutes": settings.LOGIN_WINDOW_MINUTES},
            )
        return super().clean()


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
