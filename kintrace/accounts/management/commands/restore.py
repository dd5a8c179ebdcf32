"""kintrace restore FILE: replace everything with an encrypted backup's content."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kintrace.accounts.backup import BackupError, restore_backup
from kintrace.accounts.management.commands.backup import passphrase


class Command(BaseCommand):
    help = "Restore an encrypted backup into this (migrated) database, replacing its content."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options) -> None:
        if not options["file"].is_file():
            raise CommandError(f"No file {options['file']}.")
        try:
            rows = restore_backup(options["file"], passphrase=passphrase())
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {rows} rows and the files from {options['file']}.")
