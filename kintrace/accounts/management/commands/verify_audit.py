"""kintrace verify-audit: exit 0 when the audit chain is intact, else name the first broken row."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from kintrace.accounts.audit import ChainBreak, verify_chain
from kintrace.accounts.models import AuditChainHead


class Command(BaseCommand):
    help = "Check that no audit row was removed, inserted or changed."

    def handle(self, *args, **options) -> None:
        head = AuditChainHead.objects.filter(pk=1).first()
        total = head.seq if head else 0
        checked = 0
        with tqdm(
            total=total, unit="rows", disable=not sys.stderr.isatty(), file=sys.stderr
        ) as bar:
            for step in verify_chain():
                if isinstance(step, ChainBreak):
                    self.stderr.write(f"Audit log broken at row {step.seq}: {step.reason}.")
                    sys.exit(1)
                bar.update(step - checked)
                checked = step
        self.stdout.write(f"Audit log intact: {checked} rows.")
