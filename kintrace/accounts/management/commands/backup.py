"""kintrace backup FILE: an encrypted archive of the database and the uploaded files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kintrace.accounts.backup import BackupError, write_backup


def passphrase() -> str:
    value = settings.BACKUP_PASSPHRASE
    if not value:
        raise CommandError("Set KINTRACE_BACKUP_PASSPHRASE: backups are always encrypted.")
    return value


class Command(BaseCommand):
    help = "Write an encrypted backup (passphrase in KINTRACE_BACKUP_PASSPHRASE)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options) -> None:
        try:
            rows = write_backup(options["file"], passphrase=passphrase())
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written to {options['file']}: {rows} rows and the files.")
