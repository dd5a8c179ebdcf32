from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you checked: the birth date, the unit, a photo, a call with the family."),
    )


class TellFamilyForm(forms.Form):
    message = forms.CharField(
        label=_("Message the family will read"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Write it with care: the family reads exactly this, with the new status."),
    )
