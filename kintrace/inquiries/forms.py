"""Forms of the inquiries app: every bad value gets a message next to its field."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kintrace.inquiries.letters.text import check_template_text
from kintrace.inquiries.models import (
    Channel,
    DeadlineRule,
    Inquiry,
    InquiryKind,
    Institution,
    LetterTemplate,
    ResponseKind,
)

DATE_INPUTS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


def _date_field(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _not_in_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(_("This date is in the future."))
    return value


class _Institutions(forms.ModelChoiceField):
    def __init__(self, label, *, required: bool = True) -> None:
        super().__init__(Institution.objects.filter(active=True), label=label, required=required)


class DraftForm(forms.Form):
    institution = _Institutions(pgettext_lazy("addressee of a letter", "To"))
    kind = forms.ChoiceField(label=_("What it asks"), choices=InquiryKind.choices)
    language = forms.ChoiceField(label=_("Language of the letter"), choices=settings.LANGUAGES)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    complained_about = _Institutions(_("Complains about the actions of"), required=False)
    no_study_needed = forms.BooleanField(
        label=_("No study needed (the shorter term where the law has one)"), required=False
    )
    attachments = forms.CharField(
        label=_("Attachments, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    previous = forms.IntegerField(required=False, widget=forms.HiddenInput)
    follow_up = forms.CharField(required=False, widget=forms.HiddenInput)


class EditDraftForm(forms.ModelForm):
    class Meta:
        model = Inquiry
        fields = ["subject", "body", "attachments", "no_study_needed"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18}),
            "attachments": forms.Textarea(attrs={"rows": 3}),
        }


class SendForm(forms.Form):
    sent_on = _date_field(_("Sent on"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)

    def clean_sent_on(self):
        return _not_in_future(self.cleaned_data["sent_on"])


class RegistrationForm(forms.Form):
    registered_on = _date_field(_("Registered on"))
    number = forms.CharField(label=_("Registration number"), max_length=60, required=False)

    def clean_registered_on(self):
        return _not_in_future(self.cleaned_data["registered_on"])


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of response"), choices=ResponseKind.choices)
    received_on = _date_field(_("Received on"))
    reference = forms.CharField(label=_("Their reference"), max_length=60, required=False)
    redirected_to = _Institutions(_("Redirected to"), required=False)
    unit = forms.CharField(
        label=_("Or: redirected to the commander of unit"),
        max_length=100,
        required=False,
        help_text=_("For example: military unit 12345."),
    )
    summary = forms.CharField(
        label=_("What it says"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_received_on(self):
        return _not_in_future(self.cleaned_data["received_on"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == ResponseKind.REDIRECT and not (
            data.get("redirected_to") or data.get("unit", "").strip()
        ):
            self.add_error("redirected_to", _("Name the body the letter was redirected to."))
        return data


class InstitutionForm(forms.ModelForm):
    online_reception = forms.URLField(
        label=_("online reception"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Institution
        fields = [
            "name",
            "short_name",
            "kind",
            "jurisdiction",
            "parent",
            "address",
            "email",
            "online_reception",
            "rule_code",
            "active",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        own = self.instance.pk
        if parent is not None and own is not None and any(b.pk == own for b in parent.chain()):
            raise ValidationError(_("The escalation chain would go round in a circle."))
        return parent

    def clean_rule_code(self):
        code = self.cleaned_data["rule_code"]
        if code and not DeadlineRule.objects.filter(code=code).exists():
            raise ValidationError(_("There is no deadline rule with this code."))
        return code


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 24})}

    def _check(self, name: str) -> str:
        text = self.cleaned_data[name]
        error = check_template_text(text)
        if error:
            raise ValidationError(
                _("The template cannot be read: %(error)s"), params={"error": error}
            )
        return text

    def clean_subject(self):
        return self._check("subject")

    def clean_body(self):
        return self._check("body")


class DeadlineRuleForm(forms.ModelForm):
    valid_from = _date_field(_("In force from"))

    class Meta:
        model = DeadlineRule
        exclude: list[str] = []

    def clean(self):
        data = super().clean()
        if data.get("answer_days") is None and data.get("answer_months") is None:
            self.add_error("answer_days", _("Give the answer term in days or in months."))
        return data


class PeriodForm(forms.Form):
    start = _date_field(_("From"), required=False)
    end = _date_field(_("To"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end is before the start."))
        return data
