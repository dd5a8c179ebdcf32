"""kintrace erase-expired: erase every case kept past the retention period of its outcome."""

from django.core.management.base import BaseCommand

from kintrace.cases.actions import erase_case
from kintrace.cases.models import ErasureReason
from kintrace.cases.retention import expired_cases


class Command(BaseCommand):
    help = "Erase the cases whose outcome is older than KINTRACE_RETENTION_DAYS allows."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, **options) -> None:
        cases = list(expired_cases().select_related("person"))
        if not options["dry_run"]:
            for case in cases:
                erase_case(
                    case=case,
                    reason=ErasureReason.RETENTION,
                    actor_label="retention",
                    request=None,
                )
        verb = "would be erased" if options["dry_run"] else "erased"
        self.stdout.write(f"{len(cases)} cases past their retention period {verb}.")
