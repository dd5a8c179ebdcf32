"""kintrace export-pfif --out FILE [--list ID] [--no-cases]: records and shared cases, PFIF 1.4."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.lists import export
from kintrace.lists.exporters import write_pfif
from kintrace.lists.models import Record


class Command(BaseCommand):
    help = "Export records of published lists and the cases families agreed to share, as PFIF 1.4."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", required=True)
        parser.add_argument("--list", type=int, help="Only the records of this list.")
        parser.add_argument("--no-cases", action="store_true", help="Records only.")

    def handle(self, *args, **options) -> None:
        out = Path(options["out"])
        records = Record.objects.select_related("source_list").order_by("pk")
        if options["list"]:
            records = records.filter(source_list_id=options["list"])
        cases = export.shared_cases().none() if options["no_cases"] else export.shared_cases()

        def people():
            for record in records.iterator(chunk_size=5000):
                yield export.record_pfif(record)
            for case in cases.order_by("pk"):
                yield export.case_pfif(case)

        try:
            with out.open("w", encoding="utf-8") as handle:
                count = write_pfif(handle, people())
        except OSError as exc:
            raise CommandError(f"{out}: {exc.strerror}") from None
        audit.record(
            request=None,
            action=AuditAction.EXPORT,
            object_type="pfif",
            object_id=options["list"] or "all",
            actor_label="command line",
            detail={"people": count, "cases": not options["no_cases"], "file": str(out)[:200]},
        )
        self.stdout.write(f"{count} people written to {out}")
