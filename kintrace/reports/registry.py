"""Every report kintrace can publish, by a stable name (`kintrace report NAME`).

Each source of data (cases, inquiries, later published lists) is one module under
`kintrace.reports.sources` with `SOURCE` and `REPORTS`, named in `SOURCE_MODULES`; a source
whose app is not installed adds nothing. Adding a source is one new entry there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps

from kintrace.reports.filters import Filters
from kintrace.reports.tables import Table

SOURCE_MODULES = (
    "kintrace.reports.sources.cases",
    "kintrace.reports.sources.inquiries",
    "kintrace.reports.sources.lists",
)
CASE_FILTERS = ("period", "region", "unit", "service_type", "outcome")


@dataclass(frozen=True)
class Source:
    name: str
    label: str
    description: str  # what it holds, where it comes from, which date the period applies to
    app: str  # the app label it reads; the source is there only when the app is installed


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    definition: str
    sources: tuple[str, ...]
    build: Callable[[Filters, int], Table]  # (filters, threshold) -> a protected table
    filters: tuple[str, ...] = CASE_FILTERS
    chart: str = "bar"  # "bar" (one bar per row) or "line" (over months)
    chart_columns: tuple[str, ...] = ()  # which columns the chart draws; all counts when empty


def sources() -> dict[str, Source]:
    found = {}
    for path in SOURCE_MODULES:
        module = import_module(path)
        if apps.is_installed(f"kintrace.{module.SOURCE.app}"):
            found[module.SOURCE.name] = module.SOURCE
    return found


def reports() -> dict[str, Report]:
    """The reports of every installed source, in the order they are listed."""
    found: dict[str, Report] = {}
    for path in SOURCE_MODULES:
        module = import_module(path)
        if apps.is_installed(f"kintrace.{module.SOURCE.app}"):
            for report in module.reports():
                found[report.name] = report
    return found


def get(name: str) -> Report | None:
    return reports().get(name)
