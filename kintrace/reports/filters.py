"""What a report can be narrowed to: period, region, unit, type of service, outcome, and for
published lists the kind of list and the side that published it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kintrace.cases.models import OPEN_STATUSES, Person, ServiceType, Status
from kintrace.names import unit_key

OUTCOMES = [
    ("open", _("Open")),
    (Status.FOUND_ALIVE.value, Status.FOUND_ALIVE.label),
    (Status.FOUND_CAPTURED.value, Status.FOUND_CAPTURED.label),
    (Status.FOUND_DEAD.value, Status.FOUND_DEAD.label),
    (Status.CLOSED.value, Status.CLOSED.label),
]


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    region: str = ""
    unit: str = ""  # a unit key: `в/ч 12345` and `VCh 12345` are both `12345`
    service_type: str = ""
    outcome: str = ""
    list_kind: str = ""  # a ListKind value
    side: str = ""  # the side that published a list, as the list gives it

    def query_string(self) -> str:
        pairs = {
            k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(self).items()
        }
        return urlencode({k: v for k, v in pairs.items() if v})

    def describe(self) -> list[tuple[str, str]]:
        """The filters in force, as (label, value) for headers and pages."""
        period = _("from %(start)s to %(end)s") % {
            "start": self.date_from.isoformat() if self.date_from else _("the first case"),
            "end": self.date_to.isoformat() if self.date_to else _("today"),
        }
        described = [(str(_("Period")), str(period))]
        if self.region:
            described.append((str(_("Region")), self.region))
        if self.unit:
            described.append((str(_("Military unit")), self.unit))
        if self.service_type:
            described.append((str(_("Type of service")), str(ServiceType(self.service_type).label)))
        if self.outcome:
            described.append((str(_("Outcome")), str(dict(OUTCOMES)[self.outcome])))
        if self.list_kind:
            described.append((str(_("Kind of list")), str(dict(list_kinds())[self.list_kind])))
        if self.side:
            described.append((str(_("Side that published the list")), self.side))
        return described

    def period_q(self, field: str) -> Q:
        """The period on a date-time field, from the first day's start to the last day's end."""
        q = Q()
        zone = timezone.get_current_timezone()
        if self.date_from:
            q &= Q(**{f"{field}__gte": dt.datetime.combine(self.date_from, dt.time(), zone)})
        if self.date_to:
            end = dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time(), zone)
            q &= Q(**{f"{field}__lt": end})
        return q

    def erased_q(self) -> Q | None:
        """The filters on what is kept of erased cases; None when they cannot be applied."""
        if self.unit:
            return None  # an erased case keeps no unit
        q = Q()
        if self.date_from:
            q &= Q(opened_month__gte=self.date_from.replace(day=1))
        if self.date_to:
            q &= Q(opened_month__lte=self.date_to)
        if self.region:
            q &= Q(region=self.region)
        if self.service_type:
            q &= Q(service_type=self.service_type)
        if self.outcome == "open":
            q &= Q(status__in=OPEN_STATUSES)
        elif self.outcome:
            q &= Q(status=self.outcome)
        return q

    def case_q(self, prefix: str = "") -> Q:
        """The filters on cases other than the period; `prefix` reaches a case from elsewhere."""
        q = Q()
        if self.region:
            q &= Q(**{f"{prefix}person__region": self.region})
        if self.unit:
            q &= Q(**{f"{prefix}person__unit_key": self.unit})
        if self.service_type:
            q &= Q(**{f"{prefix}person__service_type": self.service_type})
        if self.outcome == "open":
            q &= Q(**{f"{prefix}status__in": OPEN_STATUSES})
        elif self.outcome:
            q &= Q(**{f"{prefix}status": self.outcome})
        return q

    def source_list_q(self, prefix: str = "") -> Q:
        """The list filters on published lists; `prefix` reaches a list from elsewhere."""
        q = Q()
        if self.list_kind:
            q &= Q(**{f"{prefix}kind": self.list_kind})
        if self.side:
            q &= Q(**{f"{prefix}side": self.side})
        return q


def list_kinds() -> list[tuple[str, str]]:
    """The kinds of published list, when the lists app is installed."""
    if not apps.is_installed("kintrace.lists"):
        return []
    from kintrace.lists.models import ListKind

    return list(ListKind.choices)


def list_sides() -> list[str]:
    """The sides named by the imported lists."""
    if not apps.is_installed("kintrace.lists"):
        return []
    from kintrace.lists.models import SourceList

    sides = SourceList.objects.exclude(side="").order_by().values_list("side", flat=True)
    return sorted(sides.distinct())


class FilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput({"type": "date"})
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    unit = forms.CharField(
        label=_("Military unit"),
        required=False,
        max_length=100,
        help_text=_("For example: 12345 or в/ч 12345."),
    )
    service_type = forms.ChoiceField(
        label=_("Type of service"),
        required=False,
        choices=[("", _("Any")), *ServiceType.choices],
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", _("Any")), *OUTCOMES]
    )
    list_kind = forms.ChoiceField(label=_("Kind of list"), required=False)
    side = forms.ChoiceField(label=_("Side that published the list"), required=False)

    def __init__(self, *args, accepts: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            wanted = "period" if name.startswith("date_") else name
            if accepts and wanted not in accepts:
                del self.fields[name]
        # Choices read from the database only for the filters a report has.
        if "region" in self.fields:
            # Regions are typed by families: offer only those shared by enough cases to be shown.
            regions = (
                Person.objects.exclude(region="")
                .values("region")
                .annotate(n=Count("pk"))
                .filter(n__gte=settings.REPORT_MIN_CELL)
                .values_list("region", flat=True)
            )
            self.fields["region"].choices = [("", _("Any")), *((r, r) for r in sorted(regions))]
        if "list_kind" in self.fields:
            self.fields["list_kind"].choices = [("", _("Any")), *list_kinds()]
        if "side" in self.fields:
            self.fields["side"].choices = [("", _("Any")), *((s, s) for s in list_sides())]

    def clean_unit(self) -> str:
        typed = self.cleaned_data["unit"].strip()
        if not typed:
            return ""
        key = unit_key(typed)
        if not key:
            raise forms.ValidationError(_("Give the unit's number, for example 12345."))
        return key

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data

    def filters(self) -> Filters:
        """The filters of a valid form."""
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        return Filters(**data)
