"""Candidate matches between a sought person (a case) and a record of a published list.

Sensitive: a match says that a family's relative may be dead or captured.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.cases.models import Case
from kintrace.crypto import EncryptedJSONField, EncryptedTextField
from kintrace.lists.models import ListKind, Record

SENSITIVITY = {"Match": "sensitive"}


class MatchStatus(models.TextChoices):
    CANDIDATE = "candidate", _("To review")
    SECOND_REVIEW = "second_review", _("Confirmed once: a second caseworker must confirm")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


# How grave the news of a list is for a family: the review queue shows graver news first.
SERIOUSNESS = {
    ListKind.KILLED: 4,
    ListKind.PRISONERS: 3,
    ListKind.WOUNDED: 2,
    ListKind.MISSING: 1,
    ListKind.EXCHANGED: 1,
    ListKind.OTHER: 0,
}


class MatchQuerySet(models.QuerySet):
    def for_review(self):
        return self.filter(status__in=(MatchStatus.CANDIDATE, MatchStatus.SECOND_REVIEW)).order_by(
            "-seriousness", "-probability", "id"
        )


class Match(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="matches")
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="matches")
    probability = models.FloatField(db_index=True)
    match_weight = models.FloatField(default=0)
    # [[field, level label, weight], ...] from the linkage engine: why this record may be the
    # sought person. It, and the reviewers' reasons, are encrypted at rest.
    evidence = EncryptedJSONField(default=list)
    seriousness = models.PositiveSmallIntegerField(default=0, db_index=True)
    status = models.CharField(
        max_length=14, choices=MatchStatus.choices, default=MatchStatus.CANDIDATE, db_index=True
    )
    first_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_reason = EncryptedTextField(blank=True)
    first_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = EncryptedTextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    family_told_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-seriousness", "-probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "record"], name="one_match_per_case_record")
        ]
        permissions = [
            ("review_match", "Can confirm or reject a candidate match"),
            ("run_matching", "Can run matching over all cases and lists"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} ~ {self.record_id} ({self.probability:.2f})"

    @property
    def needs_four_eyes(self) -> bool:
        return self.seriousness >= SERIOUSNESS[ListKind.PRISONERS]
