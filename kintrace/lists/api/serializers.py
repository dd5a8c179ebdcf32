from __future__ import annotations

import json

from django.conf import settings
from rest_framework import serializers

from kintrace.lists.importers import FIELDS
from kintrace.lists.models import Category, ImportJob, ListKind, Record


class ListPushSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="CSV, XLSX, JSON or PFIF 1.4 XML; the name's extension tells which."
    )
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=ListKind.choices)
    publisher = serializers.CharField(max_length=200, required=False, default="")
    published_where = serializers.CharField(max_length=500, required=False, default="")
    published_on = serializers.DateField(required=False, allow_null=True, default=None)
    side = serializers.CharField(max_length=100, required=False, default="")
    category = serializers.ChoiceField(
        choices=Category.choices, required=False, default=Category.UNKNOWN
    )
    language = serializers.CharField(max_length=20, required=False, default="")
    mapping = serializers.CharField(
        required=False,
        default="",
        help_text='JSON object field -> column, e.g. {"full_name": "ФИО"}; guessed when empty.',
    )

    def validate_file(self, upload):
        from kintrace.lists.importers.base import FORMATS

        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in FORMATS:
            raise serializers.ValidationError(f"unknown file type {suffix or '(none)'!r}")
        if upload.size > settings.LIST_UPLOAD_MAX_MB << 20:
            raise serializers.ValidationError(f"larger than {settings.LIST_UPLOAD_MAX_MB} MB")
        return upload

    def validate_mapping(self, value: str) -> dict[str, str]:
        if not value.strip():
            return {}
        try:
            mapping = json.loads(value)
        except ValueError:
            raise serializers.ValidationError("not valid JSON") from None
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
        ):
            raise serializers.ValidationError("an object of field: column")
        unknown = sorted(set(mapping) - set(FIELDS))
        if unknown:
            raise serializers.ValidationError(f"unknown fields: {', '.join(unknown)}")
        return mapping


class ProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    value = serializers.CharField()
    why = serializers.CharField()


class ImportJobSerializer(serializers.ModelSerializer):
    problems = ProblemSerializer(many=True)
    list_id = serializers.IntegerField(source="source_list_id", allow_null=True)

    class Meta:
        model = ImportJob
        fields = ["id", "file_name", "state", "rows_total", "rows_done", "problems", "list_id"]


class RecordSerializer(serializers.ModelSerializer):
    list_id = serializers.IntegerField(source="source_list_id")
    list_kind = serializers.CharField(source="source_list.kind")
    birth_date = serializers.CharField(source="birth_date_display")

    class Meta:
        model = Record
        fields = [
            "id",
            "list_id",
            "list_kind",
            "row_number",
            "name_as_printed",
            "surname",
            "given_name",
            "patronymic",
            "birth_date",
            "birth_place",
            "region",
            "military_unit",
            "rank",
            "status_in_list",
            "event_date",
            "event_place",
        ]


class RecordQuerySerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, default="")
    birth_year = serializers.IntegerField(min_value=1850, max_value=2100, required=False)
    list = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    page = serializers.IntegerField(min_value=1, max_value=100_000, required=False, default=1)


class RecordPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    results = RecordSerializer(many=True)


class CaseStatusSerializer(serializers.Serializer):
    reference = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    updated_at = serializers.DateTimeField()


def _fields_of(form_class, *, leave_out: tuple[str, ...] = ()) -> dict[str, serializers.Field]:
    """The fields of a public intake form as API fields; the form itself checks the values."""
    from django import forms

    fields: dict[str, serializers.Field] = {}
    for name, field in form_class().fields.items():
        if name in leave_out:
            continue
        if isinstance(field, forms.BooleanField):
            fields[name] = serializers.BooleanField(required=field.required, help_text=field.label)
            continue
        choices = [value for value, _label in getattr(field, "choices", []) if value != ""]
        help_text = field.label
        if choices:
            help_text = f"{field.label} ({', '.join(str(c) for c in choices)})"
        elif isinstance(field, forms.DateField):
            help_text = f"{field.label} (YYYY-MM-DD)"
        fields[name] = serializers.CharField(
            required=field.required, allow_blank=not field.required, help_text=help_text
        )
    return fields


def _referral_serializers():
    from kintrace.cases.forms import PersonForm, RequesterForm

    person = type(
        "ReferredPersonSerializer",
        (serializers.Serializer,),
        _fields_of(PersonForm, leave_out=("photo",)),
    )
    requester = type(
        "ReferringFamilySerializer", (serializers.Serializer,), _fields_of(RequesterForm)
    )
    return person, requester


ReferredPersonSerializer, ReferringFamilySerializer = _referral_serializers()


class ReferralSerializer(serializers.Serializer):
    person = ReferredPersonSerializer(help_text="The sought person, as on the public form.")
    requester = ReferringFamilySerializer(
        help_text="The family member who asked; consent_processing must be true (their consent, "
        "which the partner collected)."
    )


class ReferredCaseSerializer(serializers.Serializer):
    reference = serializers.CharField()
    access_code = serializers.CharField(
        help_text="The family's access code for the status page: returned once, never again."
    )
    status = serializers.CharField()
