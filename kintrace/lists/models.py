"""Published lists (prisoners, killed, wounded, ...) and their records, with provenance.

Everything here was published by someone else already: it is classified public. What links
a record to a case (matching) is sensitive and lives in the matching app.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Sensitivity of the data in this app's models; see the matching app for the sensitive side.
SENSITIVITY = {
    "SourceList": "public",
    "Record": "public",
    "PublisherMapping": "internal",
    "ImportJob": "internal",
    "PartnerToken": "secret",
    "Referral": "sensitive",
}


class ListKind(models.TextChoices):
    PRISONERS = "prisoners", _("Prisoners")
    KILLED = "killed", _("Killed")
    WOUNDED = "wounded", _("Wounded or in hospital")
    EXCHANGED = "exchanged", _("Exchanged")
    MISSING = "missing", _("Missing")
    OTHER = "other", _("Other")


# Kinds whose news is grave for a family: a second caseworker confirms (four eyes).
GRAVE_KINDS = (ListKind.PRISONERS, ListKind.KILLED)


class Category(models.TextChoices):
    MILITARY = "military", _("Military")
    CIVILIAN = "civilian", _("Civilian")
    MIXED = "mixed", _("Mixed")
    UNKNOWN = "unknown", _("Unknown")


class SourceList(models.Model):
    """One published list, imported from one file."""

    name = models.CharField(_("name"), max_length=200)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True, db_index=True)
    published_where = models.CharField(
        _("where it was published"),
        max_length=500,
        blank=True,
        help_text=_("Address or description."),
    )
    published_on = models.DateField(_("date of publication"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ListKind.choices)
    side = models.CharField(_("side that published it"), max_length=100, blank=True)
    category = models.CharField(
        _("category of people"), max_length=10, choices=Category.choices, default=Category.UNKNOWN
    )
    language = models.CharField(_("language"), max_length=20, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    file_format = models.CharField(max_length=8, blank=True)
    file_sha256 = models.CharField(max_length=64, unique=True, null=True, blank=True)
    record_count = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(default=timezone.now, db_index=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return self.name


class Record(models.Model):
    """One person of a published list, with the original row kept verbatim."""

    source_list = models.ForeignKey(SourceList, on_delete=models.CASCADE, related_name="records")
    row_number = models.PositiveIntegerField()
    external_id = models.CharField(max_length=200, blank=True)
    name_as_printed = models.CharField(max_length=300)
    # Lower-case, ё folded: what name searches look in (SQLite folds only ASCII case itself).
    name_search = models.CharField(max_length=300, blank=True, editable=False)
    surname = models.CharField(max_length=100, blank=True)
    given_name = models.CharField(max_length=100, blank=True)
    patronymic = models.CharField(max_length=100, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_place = models.CharField(max_length=200, blank=True)
    region = models.CharField(max_length=100, blank=True)
    military_unit = models.CharField(max_length=100, blank=True)
    unit_key = models.CharField(max_length=40, blank=True, db_index=True)
    rank = models.CharField(max_length=60, blank=True)
    sex = models.CharField(max_length=1, blank=True)
    status_in_list = models.CharField(max_length=200, blank=True)
    # YYYY, YYYY-MM or YYYY-MM-DD: lists often give the event only to the month or year.
    event_date = models.CharField(max_length=10, blank=True)
    event_place = models.CharField(max_length=300, blank=True)
    original = models.JSONField(default=dict)
    # The same person in several lists shares one key (set by matching), so reports count people.
    person_key = models.CharField(max_length=40, blank=True, db_index=True)

    class Meta:
        ordering = ["source_list_id", "row_number"]
        indexes = [
            models.Index(fields=["source_list", "row_number"]),
            # Reports count people per list from this index alone, without reading the rows.
            models.Index(fields=["person_key", "source_list"], name="lists_record_person_list"),
        ]

    def __str__(self) -> str:
        return self.name_as_printed

    @property
    def birth_date_display(self) -> str:
        parts = [f"{self.birth_day:02d}" if self.birth_day else None]
        parts += [f"{self.birth_month:02d}" if self.birth_month else None]
        parts += [str(self.birth_year) if self.birth_year else None]
        return ".".join(p for p in parts if p)


class PublisherMapping(models.Model):
    """The column mapping last used for a publisher's files, offered again next time."""

    publisher = models.CharField(max_length=200, unique=True)
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.publisher


class JobState(models.TextChoices):
    UPLOADED = "uploaded", _("Waiting for the column mapping")
    QUEUED = "queued", _("Queued")
    CHECKING = "checking", _("Checking the rows")
    WRITING = "writing", _("Writing the records")
    CHECKED = "checked", _("Checked: no problems")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Refused: nothing was written")


class ImportJob(models.Model):
    """An uploaded file on its way in; its progress is what the import page shows."""

    file = models.FileField(upload_to="imports/")
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=8)
    details = models.JSONField(default=dict)  # the SourceList fields given on upload
    mapping = models.JSONField(default=dict)
    # The partner organisation that pushed the file through the API, if one did.
    partner = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.UPLOADED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)
    source_list = models.ForeignKey(
        SourceList, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name

    @cached_property
    def rows_written(self) -> int:
        """Records written so far while the job writes (counted beside the database)."""
        from kintrace.lists import progress

        if self.state != JobState.WRITING:
            return self.rows_total if self.state == JobState.DONE else 0
        return progress.load(self.pk) or 0

    @property
    def percent(self) -> int:
        """Of the current phase: rows checked while checking, records written while writing."""
        if self.state == JobState.DONE:
            return 100
        done = self.rows_written if self.state == JobState.WRITING else self.rows_done
        return min(100, int(100 * done / self.rows_total)) if self.rows_total else 0

    @property
    def running(self) -> bool:
        return self.state in (JobState.QUEUED, JobState.CHECKING, JobState.WRITING)


class Scope(models.TextChoices):
    PUSH_LISTS = "lists:push", _("Push published lists")
    SEARCH_RECORDS = "records:search", _("Search records")
    CASE_STATUS = "cases:status", _("Read the status of cases the partner referred")
    REFER_CASES = "cases:refer", _("Refer families' tracing requests")


class PartnerToken(models.Model):
    """A partner organisation's API key: only its hash is kept; scopes and an expiry."""

    partner = models.CharField(_("partner organisation"), max_length=200)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    scopes = models.JSONField(default=list)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.partner} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Referral(models.Model):
    """A case a partner organisation referred; its token may read the case's status."""

    partner = models.CharField(max_length=200, db_index=True)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "case"], name="one_referral_per_partner")
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.case_id}"
