"""Writing audit rows: one call for every view of personal data and every write."""

from __future__ import annotations

from django.http import HttpRequest

from kintrace.accounts.models import AuditAction, AuditEvent


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")[:64]


def record(
    *,
    request: HttpRequest | None,
    action: AuditAction,
    object_type: str = "",
    object_id: str = "",
    actor_label: str | None = None,
    detail: dict | None = None,
) -> AuditEvent:
    """Write one audit row; the actor and page come from the request when there is one."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    if actor_label is None:
        actor_label = user.get_username() if signed_in else "anonymous"
    return AuditEvent.objects.create(
        actor_id=user.pk if signed_in else None,
        actor_label=actor_label[:150],
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        page=(request.resolver_match.view_name if request and request.resolver_match else "")[:200],
        client=client_address(request),
        detail=detail or {},
    )
