"""kintrace export-cases --out FILE [--format csv|json|pfif]: cases families agreed to share."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.lists import export, exporters


class Command(BaseCommand):
    help = "Export the sought people of cases whose family agreed to share them with partners."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", required=True)
        parser.add_argument("--format", choices=("csv", "json", "pfif"), default="csv")

    def handle(self, *args, **options) -> None:
        out, fmt = Path(options["out"]), options["format"]
        cases = export.shared_cases().order_by("pk")
        try:
            with out.open("w", encoding="utf-8", newline="") as handle:
                if fmt == "pfif":
                    count = exporters.write_pfif(handle, (export.case_pfif(c) for c in cases))
                elif fmt == "json":
                    count = exporters.write_json(handle, (export.case_row(c) for c in cases))
                else:
                    rows = (export.case_row(c) for c in cases)
                    count = exporters.write_csv(handle, export.CASE_COLUMNS, rows)
        except OSError as exc:
            raise CommandError(f"{out}: {exc.strerror}") from None
        audit.record(
            request=None,
            action=AuditAction.EXPORT,
            object_type="shared_cases",
            object_id=fmt,
            actor_label="command line",
            detail={"cases": count, "file": str(out)[:200]},
        )
        self.stdout.write(f"{count} shared cases written to {out}")
