"""The registry is the truth: every report is complete, named stably, and from a known source."""

from __future__ import annotations

import re
from importlib import import_module

from kintrace.reports import registry
from kintrace.reports.filters import FilterForm


def test_every_report_is_complete(db):
    reports = registry.reports()
    sources = registry.sources()
    assert {"cases", "inquiries", "lists"} <= set(sources)
    for name, report in reports.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", name), name
        assert report.name == name
        assert report.title and len(report.definition) > 80, name
        assert report.sources and set(report.sources) <= set(sources), name
        assert set(report.filters) <= {
            "period", "region", "unit", "service_type", "outcome", "list_kind", "side"
        }  # fmt: skip
        form_fields = set(FilterForm({}, accepts=report.filters).fields)
        assert ("date_from" in form_fields) == ("period" in report.filters)


def test_each_source_is_one_module_with_a_source_and_its_reports(db):
    for path in registry.SOURCE_MODULES:
        module = import_module(path)
        assert isinstance(module.SOURCE, registry.Source)
        assert all(isinstance(r, registry.Report) for r in module.reports())


def test_a_source_whose_app_is_not_installed_adds_nothing(db, settings):
    settings.INSTALLED_APPS = [a for a in settings.INSTALLED_APPS if a != "kintrace.inquiries"]
    assert "inquiries" not in registry.sources()
    assert not [n for n in registry.reports() if n.startswith("inquiries-")]
