"""Log-ins, log-outs and failed log-ins go to the audit log."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from kintrace.accounts import audit
from kintrace.accounts.middleware import mark_signed_in
from kintrace.accounts.models import AuditAction


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        mark_signed_in(request)
    audit.record(request=request, action=AuditAction.LOGIN, object_type="user", object_id=user.pk)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    # Set by SessionTimeoutMiddleware: "idle" or "too_old".
    reason = getattr(request, "logout_reason", None)
    audit.record(
        request=request,
        action=AuditAction.LOGOUT_TIMEOUT if reason else AuditAction.LOGOUT,
        object_type="user",
        object_id=user.pk,
        actor_label=user.get_username(),
        detail={"reason": reason} if reason else None,
    )


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    audit.record(
        request=request,
        action=AuditAction.LOGIN_FAILED,
        object_type="user",
        actor_label="anonymous",
        detail={"username": str(credentials.get("username", ""))[:150]},
    )
