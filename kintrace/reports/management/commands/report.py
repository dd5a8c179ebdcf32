"""kintrace report NAME --from 2022-02-24 --to 2022-12-31 --format csv|xlsx|json --out FILE"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.reports import exports, registry
from kintrace.reports.filters import FilterForm


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date: give it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Write one report (counts only, small counts hidden) to a file; --list names them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", nargs="?", help="the report, see --list")
        parser.add_argument("--list", action="store_true", help="print the report names")
        parser.add_argument("--from", dest="date_from", type=_date, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", type=_date, help="last day, YYYY-MM-DD")
        parser.add_argument("--region", default="")
        parser.add_argument("--unit", default="")
        parser.add_argument("--service-type", default="")
        parser.add_argument("--outcome", default="")
        parser.add_argument("--list-kind", default="", help="published lists of this kind only")
        parser.add_argument(
            "--side", default="", help="published lists of the side that published them only"
        )
        parser.add_argument("--format", choices=sorted(exports.FORMATS), default="csv")
        parser.add_argument("--out", type=Path, help="the file to write")

    def handle(self, *args, **options) -> None:
        reports = registry.reports()
        if options["list"]:
            for name, report in reports.items():
                self.stdout.write(f"{name}\t{report.title}")
            return
        name = options["name"]
        if not name:
            raise CommandError("Name a report (kintrace report --list names them).")
        report = reports.get(name)
        if report is None:
            raise CommandError(f"No report {name!r}; kintrace report --list names them.")
        if options["out"] is None:
            raise CommandError("Give the file to write with --out FILE.")
        form = FilterForm(
            {
                "date_from": options["date_from"] or "",
                "date_to": options["date_to"] or "",
                "region": options["region"],
                "unit": options["unit"],
                "service_type": options["service_type"],
                "outcome": options["outcome"],
                "list_kind": options["list_kind"],
                "side": options["side"],
            },
            accepts=report.filters,
        )
        if not form.is_valid():
            problems = "; ".join(f"{f}: {' '.join(e)}" for f, e in form.errors.items())
            raise CommandError(f"Bad filters: {problems}")
        filters = form.filters()
        published = exports.Published(
            report, filters, report.build(filters, settings.REPORT_MIN_CELL)
        )
        options["out"].write_bytes(exports.render(published, options["format"]))
        audit.record(
            request=None,
            action=AuditAction.EXPORT,
            object_type="report",
            object_id=name,
            actor_label="command line",
            detail={"format": options["format"], "filters": filters.query_string()},
        )
        rows = len(published.table.rows)
        self.stdout.write(f"Wrote {name} ({rows} rows, {options['format']}) to {options['out']}")
