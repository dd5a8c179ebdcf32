"""Writes of the matching app: storing candidates, reviewing them, telling the family.

A rejected or confirmed match is never touched by a later run; candidates of an edited
case are replaced by what the new details find.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases import actions as case_actions
from kintrace.cases.models import Case, Event, EventKind, Person, Status
from kintrace.lists import actions as list_actions
from kintrace.lists.models import ListKind, Record, SourceList
from kintrace.matching import engine
from kintrace.matching.models import SERIOUSNESS, Match, MatchStatus

# What a confirmed match from a list of this kind means for the case status.
STATUS_FOR_KIND = {
    ListKind.KILLED: Status.FOUND_DEAD,
    ListKind.PRISONERS: Status.FOUND_CAPTURED,
    ListKind.WOUNDED: Status.FOUND_ALIVE,
    ListKind.EXCHANGED: Status.FOUND_ALIVE,
}
SETTLED = (MatchStatus.CONFIRMED, MatchStatus.REJECTED, MatchStatus.SECOND_REVIEW)


class ReviewRefused(ValueError):
    """A review step that the rules do not allow (four eyes, wrong state)."""


def _threshold() -> float:
    return settings.MATCH_THRESHOLD_PERCENT / 100


def _store(found: Iterable[engine.Found], *, replace_for_cases: set[int] = frozenset()) -> int:
    """Upsert candidates; settled matches keep their status. Returns the new candidates."""
    found = list(found)
    kinds = dict(
        Record.objects.filter(pk__in={f.record_id for f in found}).values_list(
            "pk", "source_list__kind"
        )
    )
    existing = {
        (m.case_id, m.record_id): m
        for m in Match.objects.filter(case_id__in={f.case_id for f in found} | replace_for_cases)
    }
    created, seen = 0, set()
    for f in found:
        seen.add((f.case_id, f.record_id))
        match = existing.get((f.case_id, f.record_id))
        if match is None:
            Match.objects.create(
                case_id=f.case_id,
                record_id=f.record_id,
                probability=f.probability,
                match_weight=f.match_weight,
                evidence=f.evidence,
                seriousness=SERIOUSNESS.get(kinds.get(f.record_id), 0),
            )
            created += 1
        elif match.status == MatchStatus.CANDIDATE:
            match.probability, match.match_weight = f.probability, f.match_weight
            match.evidence = f.evidence
            match.save(update_fields=["probability", "match_weight", "evidence", "updated_at"])
    stale = [
        m.pk
        for key, m in existing.items()
        if key not in seen and m.case_id in replace_for_cases and m.status == MatchStatus.CANDIDATE
    ]
    Match.objects.filter(pk__in=stale).delete()
    return created


@transaction.atomic
def match_case(*, case_id: int) -> int:
    """Search every record for one sought person; returns how many new candidates."""
    person = Person.objects.filter(case_id=case_id).first()
    if person is None:
        return 0
    found = engine.search_person(person, threshold=_threshold())
    created = _store(found, replace_for_cases={case_id})
    audit.record(
        request=None,
        action=AuditAction.CREATE,
        object_type="matching",
        object_id=f"case {case_id}",
        actor_label="matching",
        detail={"candidates": len(found), "new": created},
    )
    return created


@transaction.atomic
def match_list(*, source_list_id: int) -> int:
    """Link one imported list with every case, and its people with those of other lists."""
    source_list = SourceList.objects.filter(pk=source_list_id).first()
    if source_list is None:
        return 0
    persons = Person.objects.filter(case__status__in=_searching_statuses())
    found = engine.link_records(source_list, persons, threshold=_threshold())
    created = _store(found)
    others = SourceList.objects.exclude(pk=source_list.pk).order_by("pk")
    pairs = engine.same_people(source_list, others, threshold=settings.SAME_PERSON_PERCENT / 100)
    list_actions.link_same_people(pairs=pairs)
    audit.record(
        request=None,
        action=AuditAction.CREATE,
        object_type="matching",
        object_id=f"list {source_list_id}",
        actor_label="matching",
        detail={"candidates": len(found), "new": created, "same_person_pairs": len(pairs)},
    )
    return created


@transaction.atomic
def queue_full_run(*, request: HttpRequest | None) -> int:
    """Match every list against the open cases again (after a change of threshold or model)."""
    from kintrace.matching import tasks

    ids = list(SourceList.objects.order_by("pk").values_list("pk", flat=True))
    for source_list_id in ids:
        transaction.on_commit(
            lambda list_id=source_list_id: tasks.match_list.enqueue(source_list_id=list_id)
        )
    audit.record(
        request=request,
        action=AuditAction.UPDATE,
        object_type="matching",
        object_id="all",
        detail={"lists": len(ids)},
    )
    return len(ids)


def _searching_statuses() -> list[str]:
    return [Status.NEW, Status.TRIAGE, Status.ACTIVE]


def _review_audit(request, match: Match, step: str, **detail) -> None:
    audit.record(
        request=request,
        action=AuditAction.REVIEW,
        object_type="match",
        object_id=match.pk,
        detail={"step": step, "case": match.case.reference, **detail},
    )


@transaction.atomic
def confirm_match(*, match: Match, reason: str, actor, request: HttpRequest | None) -> Match:
    """Confirm a candidate; news of death or captivity needs a second, different caseworker."""
    match = (
        Match.objects.select_for_update()
        .select_related("case", "record__source_list")
        .get(pk=match.pk)
    )
    now = timezone.now()
    if match.status == MatchStatus.CANDIDATE and match.needs_four_eyes:
        match.status, match.first_by, match.first_reason, match.first_at = (
            MatchStatus.SECOND_REVIEW, actor, reason, now,
        )  # fmt: skip
        match.save()
        _review_audit(request, match, "first_confirmation")
        return match
    if match.status == MatchStatus.SECOND_REVIEW and match.first_by_id == actor.pk:
        raise ReviewRefused(_("A second caseworker must confirm this: you confirmed it first."))
    if match.status not in (MatchStatus.CANDIDATE, MatchStatus.SECOND_REVIEW):
        raise ReviewRefused(_("This match has been decided already."))
    match.status, match.decided_by, match.reason, match.decided_at = (
        MatchStatus.CONFIRMED, actor, reason, now,
    )  # fmt: skip
    match.save()
    source = match.record.source_list
    where = ", ".join(x for x in (source.publisher, source.published_where) if x)
    Event.objects.create(
        case=match.case,
        kind=EventKind.MATCH_CONFIRMED,
        author=actor,
        text=f"{source.name}{f' ({where})' if where else ''}, "
        f"row {match.record.row_number}: {match.record.name_as_printed}",
        data={
            "match": match.pk,
            "list": source.name,
            "list_kind": source.kind,
            "publisher": source.publisher,
            "published_where": source.published_where,
            "record": match.record.name_as_printed,
            "row": match.record.row_number,
            "confirmed_by": [u.get_username() for u in (match.first_by, actor) if u],
            "reason": reason,
        },
    )
    Case.objects.filter(pk=match.case_id).update(updated_at=now)
    _review_audit(request, match, "confirmed")
    return match


@transaction.atomic
def reject_match(*, match: Match, reason: str, actor, request: HttpRequest | None) -> Match:
    """Reject a candidate for good: later runs of matching leave it rejected."""
    match = Match.objects.select_for_update().select_related("case").get(pk=match.pk)
    if match.status not in (MatchStatus.CANDIDATE, MatchStatus.SECOND_REVIEW):
        raise ReviewRefused(_("This match has been decided already."))
    match.status, match.decided_by, match.reason, match.decided_at = (
        MatchStatus.REJECTED, actor, reason, timezone.now(),
    )  # fmt: skip
    match.save()
    _review_audit(request, match, "rejected")
    return match


def status_after(match: Match) -> Status | None:
    return STATUS_FOR_KIND.get(match.record.source_list.kind)


@transaction.atomic
def tell_family(*, match: Match, message: str, actor, request: HttpRequest | None) -> None:
    """Write what the family will read; only now do they see the news and the new status."""
    match = (
        Match.objects.select_for_update()
        .select_related("case", "record__source_list")
        .get(pk=match.pk)
    )
    if match.status != MatchStatus.CONFIRMED:
        raise ReviewRefused(_("Only a confirmed match can be told to the family."))
    if match.family_told_at is not None:
        raise ReviewRefused(_("The family has been told already."))
    new_status = status_after(match)
    reason = f"match {match.pk}: {match.record.source_list.name}"
    if new_status and match.case.status != new_status:
        case_actions.change_status(
            case=match.case,
            status=new_status,
            reason=reason,
            message_to_family=message,
            actor=actor,
            request=request,
        )
    else:
        case_actions.send_family_message(
            case=match.case, text=message, actor=actor, request=request
        )
    match.family_told_at = timezone.now()
    match.save(update_fields=["family_told_at", "updated_at"])
    _review_audit(request, match, "family_told")
