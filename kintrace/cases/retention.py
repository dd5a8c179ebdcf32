"""Retention: a case is kept for a set number of days after it reached its outcome."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from kintrace.cases.models import Case, EventKind


def expired_cases(*, now: dt.datetime | None = None) -> QuerySet[Case]:
    """Cases whose outcome is older than the retention period of that outcome."""
    now = now or timezone.now()
    outcome_at = Max("events__created_at", filter=Q(events__kind=EventKind.STATUS_CHANGED))
    expired = Q(pk__in=[])
    for status, days in settings.RETENTION_DAYS.items():
        old = (
            Case.objects.filter(status=status)
            .annotate(outcome_at=outcome_at)
            .filter(outcome_at__lt=now - dt.timedelta(days=days))
            .values("pk")
        )
        expired |= Q(pk__in=old)
    return Case.objects.filter(expired)


def erase_expired(*, now: dt.datetime | None = None) -> int:
    """Erase every case kept past the retention period of its outcome; returns how many."""
    from kintrace.cases.actions import erase_case
    from kintrace.cases.models import ErasureReason

    cases = list(expired_cases(now=now).select_related("person"))
    for case in cases:
        erase_case(case=case, reason=ErasureReason.RETENTION, actor_label="retention", request=None)
    return len(cases)
