"""Forms of the cases app: every bad value gets a message next to its field."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.cases.actions import normalise_reference
from kintrace.cases.models import (
    ContactChannel,
    ErasureReason,
    Person,
    Priority,
    Relation,
    Requester,
    Status,
)

DATE_INPUTS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]
NAME_RE = re.compile(r"^[^\W\d_]+(?:[ \-'’ʼ.][^\W\d_]*)*\.?$")
MONTHS = [
    ("", "—"),
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]
YES_NO_UNKNOWN = [("", _("Don't know")), ("true", _("Yes")), ("false", _("No"))]


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _yes_no_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=False,
        choices=YES_NO_UNKNOWN,
        coerce=lambda value: value == "true",
        empty_value=None,
    )


def _check_name(value: str) -> str:
    value = " ".join(value.split())
    if value and not NAME_RE.match(value):
        raise ValidationError(
            _("Use letters only (a hyphen, apostrophe or space may separate them).")
        )
    return value


class PersonForm(forms.ModelForm):
    """The sought person: used by the public intake and the caseworker's edit page."""

    birth_day = forms.TypedChoiceField(
        label=_("Day"),
        required=False,
        choices=[("", "—"), *[(d, d) for d in range(1, 32)]],
        coerce=int,
        empty_value=None,
    )
    birth_month = forms.TypedChoiceField(
        label=_("Month"), required=False, choices=MONTHS, coerce=int, empty_value=None
    )
    birth_year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "1999"}),
    )
    conscription_date = _date_field(_("Date of conscription"))
    contract_date = _date_field(_("Date the contract was signed"))
    last_contact_date = _date_field(_("Date of last contact"))
    contract_under_pressure = _yes_no_field(_("Was the contract signed under pressure?"))
    phone_taken = _yes_no_field(_("Was his phone taken away?"))

    class Meta:
        model = Person
        fields = [
            "surname",
            "given_name",
            "patronymic",
            "birth_day",
            "birth_month",
            "birth_year",
            "birth_place",
            "region",
            "military_unit",
            "rank",
            "service_type",
            "conscription_date",
            "contract_date",
            "contract_under_pressure",
            "last_contact_date",
            "last_contact_channel",
            "phone_numbers",
            "phone_taken",
            "last_known_location",
            "distinguishing_marks",
            "photo",
        ]
        widgets = {
            "phone_numbers": forms.Textarea(attrs={"rows": 2}),
            "distinguishing_marks": forms.Textarea(attrs={"rows": 3}),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
        }
        help_texts = {
            "phone_numbers": _("One number per line, including numbers he called you from."),
            "military_unit": _("For example: military unit 12345."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["last_contact_channel"].choices = [("", "—"), *ContactChannel.choices]

    def clean_surname(self) -> str:
        return _check_name(self.cleaned_data["surname"])

    def clean_given_name(self) -> str:
        return _check_name(self.cleaned_data["given_name"])

    def clean_patronymic(self) -> str:
        return _check_name(self.cleaned_data["patronymic"])

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > settings.PHOTO_MAX_BYTES:
            raise ValidationError(
                _("The photo is larger than %(mb)d MB."),
                params={"mb": settings.PHOTO_MAX_BYTES // 2**20},
            )
        image = getattr(photo, "image", None)
        if image is not None and image.format not in {"JPEG", "PNG"}:
            raise ValidationError(_("Please upload a JPEG or PNG photo."))
        return photo

    def clean(self) -> dict:
        data = super().clean()
        self._check_birth_date(data)
        today = timezone.localdate()
        for name in ("conscription_date", "contract_date", "last_contact_date"):
            value = data.get(name)
            if value and value > today:
                self.add_error(name, _("This date is in the future."))
        return data

    def _check_birth_date(self, data: dict) -> None:
        day, month, year = data.get("birth_day"), data.get("birth_month"), data.get("birth_year")
        if day and not month:
            self.add_error("birth_month", _("Give the month too, or leave the day empty."))
            return
        if (day or month) and not year:
            self.add_error("birth_year", _("Give the year of birth too."))
            return
        if year is None:
            return
        today = timezone.localdate()
        try:
            date = dt.date(year, month or 1, day or 1)
        except ValueError:
            self.add_error("birth_day", _("There is no such date."))
            return
        if date > today:
            self.add_error("birth_year", _("The date of birth is in the future."))


class RequesterForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("e-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We only write that there is news, never the news itself."),
    )
    consent_processing = forms.BooleanField(
        label=_(
            "I agree that the staff of this organisation store and use these details to search "
            "for him and to contact me."
        ),
        required=True,
        error_messages={"required": _("We can only search with your consent.")},
    )
    consent_share_partners = forms.BooleanField(
        label=_(
            "I also agree that his details may be shared with partner tracing organisations "
            "(such as the Red Cross) to help the search."
        ),
        required=False,
    )

    class Meta:
        model = Requester
        fields = [
            "name",
            "relation",
            "phone",
            "email",
            "preferred_language",
            "consent_processing",
            "consent_share_partners",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "email": _("We only write that there is news, never the news itself."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["relation"].choices = [("", "—"), *Relation.choices]

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not re.fullmatch(r"\+?[\d\s()\-]{5,25}", phone):
            raise ValidationError(
                _("Enter a phone number with digits, for example +7 900 123-45-67.")
            )
        return phone


class ReferenceField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        reference = normalise_reference(value)
        if reference is None:
            raise ValidationError(_("A case reference looks like KT-7Q4M-2P9X."))
        return reference


class FamilyAccessForm(forms.Form):
    reference = ReferenceField(
        label=_("Case reference"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    code = forms.CharField(
        label=_("Access code"),
        max_length=30,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class FamilyInformationForm(forms.Form):
    text = forms.CharField(
        label=_("What would you like to add?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def staff_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=["caseworker", "coordinator"])
        .distinct()
        .order_by("username")
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Caseworker"), queryset=staff_users(), required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_users()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Reason (staff only)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    message_to_family = forms.CharField(
        label=_("Message the family will see"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message to the family"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), ("open", _("Open")), *Status.choices],
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=100)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        regions = Person.objects.exclude(region="").values_list("region", flat=True).distinct()
        self.fields["region"].choices = [("", _("Any")), *((r, r) for r in sorted(regions))]
        self.fields["assignee"].choices = [
            ("", _("Anyone")),
            ("me", _("Me")),
            ("none", _("Nobody")),
            *[(str(u.pk), u.get_username()) for u in staff_users()],
        ]


class EraseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why"), choices=ErasureReason.choices)
    confirm = forms.CharField(label=_("Type the case reference to confirm"), max_length=20)
