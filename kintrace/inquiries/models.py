"""Institutions, the legal rules they answer under, inquiries to them and their responses."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.cases.models import Case
from kintrace.crypto import EncryptedCharField, EncryptedTextField
from kintrace.inquiries.coercion import MinimumServiceTerms
from kintrace.inquiries.deadlines import RuleTerms


class Jurisdiction(models.TextChoices):
    RUSSIA = "RU", _("Russia")
    UKRAINE = "UA", _("Ukraine")
    INTERNATIONAL = "INT", _("International")


class RuleQuerySet(models.QuerySet):
    def in_force(self, code: str, on: dt.date):
        """The version of the rule `code` in force on the day (the newest not after it)."""
        return self.filter(code=code, valid_from__lte=on).order_by("-valid_from").first()


class DeadlineRule(models.Model):
    """One version of a law on answering appeals; a change of law is a new row."""

    code = models.SlugField(
        _("rule"), max_length=40, help_text=_("The same for every version of one law.")
    )
    jurisdiction = models.CharField(_("jurisdiction"), max_length=3, choices=Jurisdiction.choices)
    name = models.CharField(_("name"), max_length=200)
    law = models.CharField(_("law"), max_length=300, help_text=_("As cited in letters."))
    answer_article = models.CharField(_("article on the answer term"), max_length=100)
    registration_article = models.CharField(
        _("article on registration"), max_length=100, blank=True
    )
    forwarding_article = models.CharField(_("article on forwarding"), max_length=100, blank=True)
    extension_article = models.CharField(_("article on extension"), max_length=100, blank=True)
    redirect_ban_article = models.CharField(
        _("article forbidding a complaint to be sent to the body complained about"),
        max_length=100,
        blank=True,
    )
    valid_from = models.DateField(_("in force from"))
    registration_days = models.PositiveSmallIntegerField(
        _("days to register"), null=True, blank=True
    )
    forwarding_days = models.PositiveSmallIntegerField(_("days to forward"), null=True, blank=True)
    answer_days = models.PositiveSmallIntegerField(_("days to answer"), null=True, blank=True)
    answer_months = models.PositiveSmallIntegerField(_("months to answer"), null=True, blank=True)
    short_answer_days = models.PositiveSmallIntegerField(
        _("days to answer where no study is needed"), null=True, blank=True
    )
    extension_days = models.PositiveSmallIntegerField(
        _("longest extension in days"), null=True, blank=True
    )
    max_total_days = models.PositiveSmallIntegerField(
        _("longest term in days with an extension"), null=True, blank=True
    )
    roll_to_working_day = models.BooleanField(
        _("a deadline on a non-working day moves to the next working day"), default=False
    )
    holiday_country = models.CharField(
        _("public holidays of"),
        max_length=3,
        blank=True,
        help_text=_("A country code such as RU or UA; empty for weekends only."),
    )

    objects = RuleQuerySet.as_manager()

    class Meta:
        ordering = ["jurisdiction", "code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="one_version_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from:%d.%m.%Y})"

    @property
    def terms(self) -> RuleTerms:
        return RuleTerms(
            registration_days=self.registration_days,
            forwarding_days=self.forwarding_days,
            answer_days=self.answer_days,
            answer_months=self.answer_months,
            short_answer_days=self.short_answer_days,
            extension_days=self.extension_days,
            max_total_days=self.max_total_days,
            roll_to_working_day=self.roll_to_working_day,
            holiday_country=self.holiday_country,
        )


class MinimumServiceRule(models.Model):
    """The minimum conscript service before a contract (53-FZ art. 34), one row per version."""

    law = models.CharField(_("law"), max_length=300)
    article = models.CharField(_("article"), max_length=100)
    valid_from = models.DateField(_("in force from"), unique=True)
    months = models.PositiveSmallIntegerField(_("months of service before a contract"))

    class Meta:
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.law}, {self.article} ({self.valid_from:%d.%m.%Y})"

    @property
    def terms(self) -> MinimumServiceTerms:
        return MinimumServiceTerms(
            law=self.law, article=self.article, valid_from=self.valid_from, months=self.months
        )


class InstitutionKind(models.TextChoices):
    UNIT_COMMAND = "unit_command", _("Unit commander")
    PROSECUTOR = "prosecutor", _("Prosecutor's office")
    MINISTRY = "ministry", _("Ministry")
    COMMISSARIAT = "commissariat", _("Military commissariat")
    OMBUDSMAN = "ombudsman", _("Human rights commissioner")
    INVESTIGATION = "investigation", _("Investigative body")
    POLICE = "police", _("Police")
    COORDINATION = "coordination", _("Coordination body")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", _("Other")


class Institution(models.Model):
    """A body that families write to; `parent` is the next body up the escalation chain."""

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    # The initial data's key ("gvp", "mod-ru"): how code finds a body it needs by role.
    code = models.SlugField(max_length=40, blank=True, db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=InstitutionKind.choices)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=3, choices=Jurisdiction.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("next body in the escalation chain"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    online_reception = models.URLField(_("online reception"), blank=True)
    rule_code = models.SlugField(
        _("deadline rule"),
        max_length=40,
        blank=True,
        help_text=_("The rule its answers are due under; empty when no law sets a term."),
    )
    unit_key = models.CharField(max_length=40, blank=True, db_index=True, editable=False)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["jurisdiction", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_key"],
                condition=~models.Q(unit_key=""),
                name="one_commander_per_unit",
            )
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def rule_on(self, day: dt.date) -> DeadlineRule | None:
        return DeadlineRule.objects.in_force(self.rule_code, day) if self.rule_code else None

    def chain(self) -> list[Institution]:
        """This body and every body above it, nearest first; a loop in the data ends it."""
        seen, node = [], self
        while node is not None and node not in seen:
            seen.append(node)
            node = node.parent
        return seen


class InquiryKind(models.TextChoices):
    WHEREABOUTS = "whereabouts", _("Whereabouts and status")
    CONTRACT = "contract", _("Legality of the contract")
    BELONGINGS = "belongings", _("Return of personal belongings or phone")
    MEDICAL = "medical", _("Medical status")
    CONDUCT = "conduct", _("Complaint about the unit's conduct")
    PRISONER = "prisoner", _("Prisoner of war status")


class Channel(models.TextChoices):
    POST = "post", _("Registered post")
    ONLINE = "online", _("Online reception")
    EMAIL = "email", _("E-mail")
    IN_PERSON = "in_person", _("Handed in person")


class InquiryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    REGISTERED = "registered", _("Registered")
    ANSWERED = "answered", _("Answered")
    REDIRECTED = "redirected", _("Redirected")
    NON_ANSWER = "non_answer", _("Formal non-answer")
    OVERDUE = "overdue", _("Overdue")
    ESCALATED = "escalated", _("Escalated")


AWAITING = (InquiryStatus.SENT, InquiryStatus.REGISTERED)


class FollowUp(models.TextChoices):
    REDIRECT = "redirect", _("To the body named in a redirect")
    UNLAWFUL_REDIRECT = "unlawful_redirect", _("After an unlawful redirect")
    ESCALATION = "escalation", _("Escalation after no answer")


class Inquiry(models.Model):
    """A letter from the organisation, on behalf of the family, to one institution."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="inquiries")
    institution = models.ForeignKey(
        Institution, verbose_name=_("to"), on_delete=models.PROTECT, related_name="inquiries"
    )
    kind = models.CharField(_("what it asks"), max_length=20, choices=InquiryKind.choices)
    language = models.CharField(
        _("language of the letter"), max_length=5, choices=settings.LANGUAGES, default="ru"
    )
    channel = models.CharField(
        _("channel"), max_length=12, choices=Channel.choices, default=Channel.POST
    )
    complained_about = models.ForeignKey(
        Institution,
        verbose_name=_("complains about the actions of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
        help_text=_("A complaint may not be sent for review to the body it complains about."),
    )
    no_study_needed = models.BooleanField(
        _("no study needed (the shorter term where the law has one)"), default=False
    )
    # The letter names the person and tells the family's story: encrypted at rest.
    subject = EncryptedCharField(_("subject"), max_length=300)
    body = EncryptedTextField(_("text of the letter"))
    attachments = EncryptedTextField(_("attachments, one per line"), blank=True)
    status = models.CharField(
        max_length=12, choices=InquiryStatus.choices, default=InquiryStatus.DRAFT, db_index=True
    )
    rule = models.ForeignKey(
        DeadlineRule, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    extended = models.BooleanField(_("term extended with notice"), default=False)
    due_on = models.DateField(_("answer due"), null=True, blank=True, db_index=True)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    follow_up = models.CharField(max_length=20, choices=FollowUp.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "inquiries"
        permissions = [("view_scorecard", "Can see institutions' answer counts")]

    def __str__(self) -> str:
        return f"{self.case.reference} → {self.institution}"

    @property
    def is_complaint(self) -> bool:
        return self.complained_about_id is not None

    @property
    def attachment_list(self) -> list[str]:
        return [line.strip() for line in self.attachments.splitlines() if line.strip()]

    def earlier(self) -> list[Inquiry]:
        """The inquiries this one follows, oldest first."""
        chain, node = [], self.previous
        while node is not None and node not in chain:
            chain.append(node)
            node = node.previous
        return chain[::-1]


class ResponseKind(models.TextChoices):
    SUBSTANTIVE = "substantive", _("Substantive answer")
    FORMAL = "formal", _("Formal reply without substance")
    REDIRECT = "redirect", _("Redirect to another body")
    REFUSAL = "refusal", _("Refusal")


class Response(models.Model):
    """What an institution answered; a redirect or a formal reply is never an answer."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="responses")
    kind = models.CharField(_("kind of response"), max_length=12, choices=ResponseKind.choices)
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("their reference"), max_length=60, blank=True)
    redirected_to = models.ForeignKey(
        Institution,
        verbose_name=_("redirected to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = EncryptedTextField(_("what it says"), blank=True)
    # Set when the redirect sends a complaint to the body it is about: the rule it breaks.
    unlawful = models.BooleanField(default=False)
    rule_cited = models.CharField(max_length=400, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_on:%d.%m.%Y}"

    @property
    def counts_as_answer(self) -> bool:
        return self.kind in (ResponseKind.SUBSTANTIVE, ResponseKind.REFUSAL)


class LetterKind(models.TextChoices):
    WHEREABOUTS = "whereabouts", _("Whereabouts and status")
    CONTRACT = "contract", _("Legality of the contract")
    BELONGINGS = "belongings", _("Return of personal belongings or phone")
    MEDICAL = "medical", _("Medical status")
    CONDUCT = "conduct", _("Complaint about the unit's conduct")
    PRISONER = "prisoner", _("Prisoner of war status")
    ESCALATION = "escalation", _("Escalation after no answer")
    UNLAWFUL_REDIRECT = "unlawful_redirect", _("Complaint about an unlawful redirect")


class LetterTemplate(models.Model):
    """The text of one kind of letter in one language; coordinators edit it.

    Subject and body are Django template text over the letter's context (see the edit page).
    """

    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="one_template_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"
