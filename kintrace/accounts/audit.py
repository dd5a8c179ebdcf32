"""Writing and checking the audit log: every view of personal data and every write.

Rows are chained: each row's hash covers its content and the previous row's hash. The
head row is locked while a row is written, so concurrent writers queue instead of forking
the chain (PostgreSQL: SELECT ... FOR UPDATE; SQLite: write transactions are serial).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from kintrace.accounts.models import AuditAction, AuditChainHead, AuditEvent

GENESIS = "0" * 64


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")[:64]


def seal(event: AuditEvent) -> str:
    """The hash of a row: its content in a canonical form, and the previous hash."""
    content = {
        "seq": event.seq,
        "at": event.at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": str(event.action),
        "object_type": event.object_type,
        "object_id": event.object_id,
        "page": event.page,
        "client": event.client,
        "detail": event.detail,
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


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
    page = request.resolver_match.view_name if request and request.resolver_match else ""
    now = timezone.now()
    event = AuditEvent(
        # Milliseconds: what Django's JSON serialisation keeps, so a restored row still seals.
        at=now.replace(microsecond=now.microsecond // 1000 * 1000),
        actor_id=user.pk if signed_in else None,
        actor_label=actor_label[:150],
        action=str(action),
        object_type=object_type,
        object_id=str(object_id)[:64],
        page=page[:200],
        client=client_address(request),
        # Through JSON and back, so the sealed form is the stored form.
        detail=json.loads(json.dumps(detail or {}, default=str)),
    )
    with transaction.atomic():
        head, _created = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        event.seq = head.seq + 1
        event.prev_hash = head.hash
        event.hash = seal(event)
        event.save()
        head.seq, head.hash = event.seq, event.hash
        head.save(update_fields=["seq", "hash"])
    return event


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify_chain(*, batch: int = 5000) -> Iterator[int | ChainBreak]:
    """Walk the chain in order: yield counts checked so far, and a ChainBreak at a fault."""
    expected_prev, expected_seq, checked = GENESIS, 1, 0
    rows = AuditEvent.objects.order_by("seq").iterator(chunk_size=batch)
    for event in rows:
        if event.seq != expected_seq:
            yield ChainBreak(expected_seq, f"row {expected_seq} is missing (next is {event.seq})")
            return
        if event.prev_hash != expected_prev:
            yield ChainBreak(event.seq, "does not follow the row before it")
            return
        if seal(event) != event.hash:
            yield ChainBreak(event.seq, "was changed after it was written")
            return
        expected_prev, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
        if checked % batch == 0:
            yield checked
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.seq != checked:
        yield ChainBreak(checked + 1, f"rows after {checked} were removed (the log had {head.seq})")
        return
    yield checked
