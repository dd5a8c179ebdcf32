"""Tracing cases: the sought person, the family member who asks, and the timeline."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.crypto import (
    EncryptedCharField,
    EncryptedJSONField,
    EncryptedTextField,
    blind_tokens,
    photo_storage,
)
from kintrace.crypto import fold as fold_for_search  # noqa: F401  (used by lists)
from kintrace.names import unit_key

# No 0/O, 1/I/L or U: references and codes are read aloud and typed on phones.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"KT-{chars[:4]}-{chars[4:]}"


def new_access_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(chars[i : i + 4] for i in range(0, 12, 4))


class Status(models.TextChoices):
    NEW = "new", _("New")
    TRIAGE = "triage", _("In triage")
    ACTIVE = "active", _("Search under way")
    FOUND_ALIVE = "found_alive", _("Found alive")
    FOUND_CAPTURED = "found_captured", _("Found: in captivity")
    FOUND_DEAD = "found_dead", _("Found: dead")
    CLOSED = "closed", _("Closed without result")


OPEN_STATUSES = (Status.NEW, Status.TRIAGE, Status.ACTIVE)


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class Case(models.Model):
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    access_code_hash = models.CharField(max_length=200, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("view_case_counts", "Can see counts of cases, never a name")]

    def __str__(self) -> str:
        return self.reference

    def set_access_code(self, code: str) -> None:
        self.access_code_hash = make_password(code)

    def check_access_code(self, code: str) -> bool:
        return check_password(code.strip().upper(), self.access_code_hash)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ServiceType(models.TextChoices):
    CONSCRIPT = "conscript", _("Conscript")
    CONTRACT = "contract", _("Contract")
    MOBILISED = "mobilised", _("Mobilised")
    VOLUNTEER = "volunteer", _("Volunteer")
    UNKNOWN = "unknown", _("Unknown")


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("Phone call")
    MESSENGER = "messenger", _("Messenger or text message")
    LETTER = "letter", _("Letter")
    THROUGH_OTHERS = "through_others", _("Through a fellow soldier or others")
    IN_PERSON = "in_person", _("In person")
    OTHER = "other", _("Other")


class Person(models.Model):
    """The sought person, with the names exactly as the family typed them."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="person")
    surname = EncryptedCharField(_("surname"), max_length=100)
    given_name = EncryptedCharField(_("given name"), max_length=100)
    patronymic = EncryptedCharField(_("patronymic"), max_length=100, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("month of birth"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("day of birth"), null=True, blank=True)
    birth_place = EncryptedCharField(_("place of birth"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True, db_index=True)
    military_unit = models.CharField(_("military unit"), max_length=100, blank=True)
    rank = EncryptedCharField(_("rank"), max_length=60, blank=True)
    service_type = models.CharField(
        _("type of service"),
        max_length=12,
        choices=ServiceType.choices,
        default=ServiceType.UNKNOWN,
    )
    conscription_date = models.DateField(_("date of conscription"), null=True, blank=True)
    contract_date = models.DateField(_("date the contract was signed"), null=True, blank=True)
    contract_under_pressure = models.BooleanField(
        _("contract signed under pressure"), null=True, blank=True
    )
    last_contact_date = models.DateField(_("date of last contact"), null=True, blank=True)
    last_contact_channel = models.CharField(
        _("how the last contact happened"),
        max_length=20,
        choices=ContactChannel.choices,
        blank=True,
    )
    phone_numbers = EncryptedTextField(_("phone numbers he called from"), blank=True)
    phone_taken = models.BooleanField(_("his phone was taken away"), null=True, blank=True)
    last_known_location = EncryptedCharField(_("last known location"), max_length=300, blank=True)
    distinguishing_marks = EncryptedTextField(_("distinguishing marks"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True, storage=photo_storage)
    # Keyed hashes of the name's words: what the staff name search looks in, never the name.
    name_index = models.TextField(blank=True, editable=False)
    # `в/ч 12345`, `VCh 12345` and `military unit 12345` all give `12345`.
    unit_key = models.CharField(max_length=40, blank=True, db_index=True, editable=False)

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.name_index = blind_tokens(self.full_name)
        self.unit_key = unit_key(self.military_unit) or ""
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)

    @property
    def birth_date_precision(self) -> str | None:
        if self.birth_year is None:
            return None
        if self.birth_month is None:
            return "year"
        return "month" if self.birth_day is None else "day"

    @property
    def birth_date(self) -> dt.date | None:
        """The birth date when it is known to the day."""
        if self.birth_date_precision != "day":
            return None
        return dt.date(self.birth_year, self.birth_month, self.birth_day)


class Relation(models.TextChoices):
    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    SPOUSE = "spouse", _("Wife or husband")
    SIBLING = "sibling", _("Sister or brother")
    CHILD = "child", _("Daughter or son")
    OTHER_RELATIVE = "relative", _("Other relative")
    OTHER = "other", _("Other")


class Requester(models.Model):
    """The family member who asks; the person kintrace answers to."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="requester")
    name = EncryptedCharField(_("your name"), max_length=200)
    relation = models.CharField(_("relation to him"), max_length=12, choices=Relation.choices)
    phone = EncryptedCharField(_("phone"), max_length=40, blank=True)
    email = EncryptedCharField(_("e-mail"), max_length=254, blank=True)
    preferred_language = models.CharField(
        _("language for our messages"), max_length=5, choices=settings.LANGUAGES, default="ru"
    )
    consent_processing = models.BooleanField(default=False)
    consent_share_partners = models.BooleanField(default=False)
    consented_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name


class EventKind(models.TextChoices):
    CREATED = "created", _("Request received")
    NOTE = "note", _("Internal note")
    MESSAGE = "message", _("Message to the family")
    STATUS_CHANGED = "status_changed", _("Status changed")
    ASSIGNED = "assigned", _("Caseworker assigned")
    PRIORITY_CHANGED = "priority_changed", _("Priority changed")
    PERSON_EDITED = "person_edited", _("Details corrected")
    FAMILY_INFO = "family_info", _("Information added by the family")
    INQUIRY_SENT = "inquiry_sent", _("Inquiry sent to an institution")
    INQUIRY_RESPONSE = "inquiry_response", _("Response from an institution")
    INQUIRY_OVERDUE = "inquiry_overdue", _("Inquiry overdue")
    MATCH_CONFIRMED = "match_confirmed", _("Found in a published list")


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The case timeline is append-only: events are never changed.")

    def delete(self):
        raise TypeError("The case timeline is append-only: events go only with the whole case.")

    def for_family(self):
        return self.filter(visible_to_family=True)


class Event(models.Model):
    """One entry of a case's append-only timeline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    text = EncryptedTextField(blank=True)
    # Why a caseworker did it (a status change): staff only, never shown to the family.
    reason = EncryptedTextField(blank=True)
    visible_to_family = models.BooleanField(default=False)
    # Flagged for a caseworker to read (what the family adds).
    needs_attention = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # What changed (statuses, fields, a match's list and row): encrypted, never queried.
    data = EncryptedJSONField(default=dict, blank=True)
    # The new status of a status change, in the clear so that reports can count outcomes.
    status_to = models.CharField(max_length=20, choices=Status.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case.reference} {self.kind}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise TypeError("The case timeline is append-only: events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The case timeline is append-only: events go only with the whole case.")


class AccessFailure(models.Model):
    """A wrong access code; recent failures lock a reference and a client address."""

    reference = models.CharField(max_length=40, db_index=True)
    client = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.reference} from {self.client} at {self.at:%Y-%m-%d %H:%M}"


class ErasureReason(models.TextChoices):
    RETENTION = "retention", _("Retention period ended")
    FAMILY_REQUEST = "family_request", _("The family asked for erasure")
    DUPLICATE = "duplicate", _("Duplicate request")
    UNLAWFUL = "unlawful", _("Should not have been collected")


class ErasedCase(models.Model):
    """What stays of an erased case: counts for reports, nothing that names anyone."""

    opened_month = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices)
    region = models.CharField(max_length=100, blank=True)
    service_type = models.CharField(max_length=12, choices=ServiceType.choices)
    reason = models.CharField(max_length=20, choices=ErasureReason.choices)
    erased_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"erased {self.status} case of {self.opened_month:%Y-%m}"
