"""kintrace erase-expired: erase every case kept past the retention period of its outcome."""

from django.core.management.base import BaseCommand

from kintrace.cases.retention import erase_expired, expired_cases


class Command(BaseCommand):
    help = "Erase the cases whose outcome is older than KINTRACE_RETENTION_DAYS allows."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, **options) -> None:
        if options["dry_run"]:
            count, verb = expired_cases().count(), "would be erased"
        else:
            count, verb = erase_expired(), "erased"
        self.stdout.write(f"{count} cases past their retention period {verb}.")
