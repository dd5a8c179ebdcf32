"""Every write to a case: keyword-only, atomic, with its timeline event and audit row.

Views call these and nothing else to change a case.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases import notifications
from kintrace.cases.models import (
    AccessFailure,
    Case,
    ErasedCase,
    ErasureReason,
    Event,
    EventKind,
    Person,
    Priority,
    Requester,
    Status,
    new_access_code,
)
from kintrace.cases.signals import person_changed

REFERENCE_RE = re.compile(r"^KT-?([2-9A-HJKMNP-TV-Z]{4})-?([2-9A-HJKMNP-TV-Z]{4})$")


def normalise_reference(text: str) -> str | None:
    """`kt 7q4m 2p9x` -> `KT-7Q4M-2P9X`; None when it cannot be a reference."""
    compact = re.sub(r"[\s\u2010-\u2015]", "", text or "").upper().replace("—", "-")
    match = REFERENCE_RE.match(compact)
    return f"KT-{match[1]}-{match[2]}" if match else None


def _touch(case_pk: int) -> None:
    """The case changed: what its timeline gained counts as a change of the case."""
    Case.objects.filter(pk=case_pk).update(updated_at=timezone.now())


def _case_audit(
    request: HttpRequest | None,
    case: Case,
    action: AuditAction,
    *,
    actor_label: str | None = None,
    **detail,
) -> None:
    audit.record(
        request=request,
        action=action,
        object_type="case",
        object_id=case.reference,
        actor_label=actor_label,
        detail=detail,
    )


@transaction.atomic
def file_request(
    *, person: Person, requester: Requester, request: HttpRequest | None, partner: str = ""
) -> tuple[Case, str]:
    """Open a case from the public intake; returns the case and its access code (shown once).

    `partner`: the partner organisation that referred the family's request through the API.
    """
    code = new_access_code()
    case = Case(access_code_hash=make_password(code))
    case.save()
    person.case = case
    person.save()
    requester.case = case
    requester.consented_at = timezone.now()
    requester.save()
    Event.objects.create(case=case, kind=EventKind.CREATED, visible_to_family=True)
    actor_label = f"partner:{partner}"[:150] if partner else "family"
    _case_audit(request, case, AuditAction.CREATE, actor_label=actor_label)
    notifications.queue_confirmation(case)
    _queue_matching(case)
    return case, code


@transaction.atomic
def add_family_information(*, case: Case, text: str, request: HttpRequest | None) -> Event:
    """What the family adds on the status page: visible to them, flagged for the caseworker."""
    event = Event.objects.create(
        case=case,
        kind=EventKind.FAMILY_INFO,
        text=text,
        visible_to_family=True,
        needs_attention=True,
    )
    _touch(case.pk)
    _case_audit(request, case, AuditAction.UPDATE, actor_label="family", what="family_info")
    return event


@transaction.atomic
def assign_case(*, case: Case, assignee, actor, request: HttpRequest | None) -> None:
    previous = case.assigned_to
    if previous == assignee:
        return
    case.assigned_to = assignee
    case.save(update_fields=["assigned_to", "updated_at"])
    Event.objects.create(
        case=case,
        kind=EventKind.ASSIGNED,
        author=actor,
        data={
            "from": previous.get_username() if previous else None,
            "to": assignee.get_username() if assignee else None,
        },
    )
    _case_audit(request, case, AuditAction.UPDATE, what="assigned")


@transaction.atomic
def change_status(
    *,
    case: Case,
    status: Status,
    reason: str,
    message_to_family: str = "",
    actor,
    request: HttpRequest | None,
) -> None:
    """Change the status; the family sees the new status and the message, never the reason."""
    previous = case.status
    if previous == status:
        return
    case.status = status
    case.save(update_fields=["status", "updated_at"])
    Event.objects.create(
        case=case,
        kind=EventKind.STATUS_CHANGED,
        author=actor,
        text=message_to_family,
        reason=reason,
        visible_to_family=True,
        data={"from": previous, "to": str(status)},
        status_to=status,
    )
    _case_audit(request, case, AuditAction.UPDATE, what="status", to=str(status))
    notifications.queue_update_notice(case)


@transaction.atomic
def set_priority(*, case: Case, priority: Priority, actor, request: HttpRequest | None) -> None:
    previous = case.priority
    if previous == priority:
        return
    case.priority = priority
    case.save(update_fields=["priority", "updated_at"])
    Event.objects.create(
        case=case,
        kind=EventKind.PRIORITY_CHANGED,
        author=actor,
        data={"from": previous, "to": int(priority)},
    )
    _case_audit(request, case, AuditAction.UPDATE, what="priority")


@transaction.atomic
def add_note(*, case: Case, text: str, actor, request: HttpRequest | None) -> Event:
    """An internal note: caseworkers see it, the family does not."""
    event = Event.objects.create(case=case, kind=EventKind.NOTE, text=text, author=actor)
    _touch(case.pk)
    _case_audit(request, case, AuditAction.UPDATE, what="note")
    return event


@transaction.atomic
def send_family_message(*, case: Case, text: str, actor, request: HttpRequest | None) -> Event:
    """A message the family reads on the status page; they get an e-mail that there is news."""
    event = Event.objects.create(
        case=case, kind=EventKind.MESSAGE, text=text, author=actor, visible_to_family=True
    )
    _touch(case.pk)
    _case_audit(request, case, AuditAction.UPDATE, what="message")
    notifications.queue_update_notice(case)
    return event


@transaction.atomic
def edit_person(*, person: Person, changed: list[str], actor, request: HttpRequest | None) -> None:
    """Save corrected details of the sought person; the timeline names the fields, not values."""
    if not changed:
        return
    person.save()
    _touch(person.case_id)
    Event.objects.create(
        case=person.case, kind=EventKind.PERSON_EDITED, author=actor, data={"fields": changed}
    )
    _case_audit(request, person.case, AuditAction.UPDATE, what="person", fields=changed)
    _queue_matching(person.case)


def _queue_matching(case: Case) -> None:
    """After the commit, tell whoever matches people (the matching app) to look again."""
    transaction.on_commit(lambda: person_changed.send(sender=Case, case_id=case.pk))


@dataclass(frozen=True)
class FamilyAccess:
    case: Case | None
    locked: bool = False


def _recent_failures(**lookup) -> int:
    since = timezone.now() - dt.timedelta(minutes=settings.ACCESS_CODE_WINDOW_MINUTES)
    return AccessFailure.objects.filter(at__gte=since, **lookup).count()


# Checked against a wrong reference too, so a guess takes as long either way.
_DUMMY_HASH = make_password("not-a-real-code")


@transaction.atomic
def open_family_access(*, reference: str, code: str, request: HttpRequest) -> FamilyAccess:
    """Check a reference and access code; too many wrong tries lock the reference and the client."""
    client = audit.client_address(request)
    limit = settings.ACCESS_CODE_MAX_FAILURES
    if _recent_failures(reference=reference) >= limit or _recent_failures(client=client) >= limit:
        audit.record(
            request=request,
            action=AuditAction.ACCESS_LOCKED,
            object_type="case",
            object_id=reference,
            actor_label="family",
            detail={"refused": True},
        )
        return FamilyAccess(case=None, locked=True)
    case = Case.objects.filter(reference=reference).first()
    if case is not None and case.check_access_code(code):
        _case_audit(request, case, AuditAction.FAMILY_ACCESS, actor_label="family")
        return FamilyAccess(case=case)
    if case is None:
        Case(access_code_hash=_DUMMY_HASH).check_access_code(code)
    AccessFailure.objects.create(reference=reference, client=client)
    audit.record(
        request=request,
        action=AuditAction.FAMILY_ACCESS_FAILED,
        object_type="case",
        object_id=reference,
        actor_label="family",
    )
    now_locked = (
        _recent_failures(reference=reference) >= limit or _recent_failures(client=client) >= limit
    )
    if now_locked:
        audit.record(
            request=request,
            action=AuditAction.ACCESS_LOCKED,
            object_type="case",
            object_id=reference,
            actor_label="family",
            detail={"failures": limit},
        )
    return FamilyAccess(case=None, locked=now_locked)


@transaction.atomic
def erase_case(
    *, case: Case, reason: ErasureReason, actor_label: str, request: HttpRequest | None
) -> None:
    """Remove a case's personal data everywhere, files included; keep counts and the audit trail.

    Other apps drop what they hold about the case on the `case_erased` signal (and through
    their foreign keys); the audit rows keep only the reference, never a name.
    """
    from kintrace.cases.signals import case_erased

    person = case.person
    ErasedCase.objects.create(
        opened_month=timezone.localtime(case.created_at).date().replace(day=1),
        status=case.status,
        region=person.region,
        service_type=person.service_type,
        reason=reason,
    )
    photo = person.photo.name if person.photo else None
    reference = case.reference
    case_erased.send(sender=Case, case=case)
    AccessFailure.objects.filter(reference=reference).delete()
    case.delete()
    if photo:
        storage = person.photo.storage
        transaction.on_commit(lambda: storage.delete(photo))
    audit.record(
        request=request,
        action=AuditAction.DELETE,
        object_type="case",
        object_id=reference,
        actor_label=actor_label,
        detail={"reason": str(reason)},
    )
