from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kintrace.lists.importers import FIELDS, mapping_problems
from kintrace.lists.importers.base import FORMATS
from kintrace.lists.models import SourceList

FIELD_LABELS = {
    "full_name": _("Full name (one column)"),
    "surname": _("Surname"),
    "given_name": _("Given name"),
    "patronymic": _("Patronymic"),
    "birth_date": _("Date of birth"),
    "birth_place": _("Place of birth"),
    "region": _("Region"),
    "unit": _("Military unit"),
    "rank": _("Rank"),
    "sex": _("Sex"),
    "status": _("Status in the list"),
    "event_date": _("Date of the event"),
    "event_place": _("Place of the event"),
    "external_id": _("Number or id in the list"),
}


class UploadForm(forms.ModelForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV, XLSX, JSON or PFIF 1.4 XML."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(FORMATS))}),
    )

    class Meta:
        model = SourceList
        fields = [
            "name",
            "kind",
            "publisher",
            "published_where",
            "published_on",
            "side",
            "category",
            "language",
            "notes",
        ]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in FORMATS:
            raise forms.ValidationError(
                _("Unknown file type %(suffix)s: use CSV, XLSX, JSON or PFIF XML."),
                params={"suffix": suffix or "—"},
            )
        if upload.size > settings.LIST_UPLOAD_MAX_MB << 20:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB: import it with kintrace import-list."),
                params={"mb": settings.LIST_UPLOAD_MAX_MB},
            )
        return upload

    def details(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        on = data["published_on"]
        data["published_on"] = on.isoformat() if on else None
        return data


class MappingForm(forms.Form):
    """One choice per record field: which column of the file holds it."""

    def __init__(self, *args, columns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns
        choices = [("", _("— not in the file —")), *((c, c) for c in columns)]
        for field in FIELDS:
            self.fields[field] = forms.ChoiceField(
                label=FIELD_LABELS[field], choices=choices, required=False
            )

    def clean(self):
        data = super().clean()
        mapping = {field: column for field, column in data.items() if column}
        for problem in mapping_problems(mapping, self.columns):
            self.add_error(None, problem)
        self.mapping = mapping
        return data
