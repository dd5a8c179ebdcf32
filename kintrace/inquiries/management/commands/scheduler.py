"""kintrace scheduler: queue the periodic tasks when they are due, until stopped."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from kintrace.inquiries.scheduler import run_due


class Command(BaseCommand):
    help = "Queue periodic tasks (such as the daily deadline check) when they are due."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Check once and exit.")
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between checks (default 60)."
        )

    def handle(self, *args, **options) -> None:
        while True:
            for name in run_due():
                self.stdout.write(f"Queued {name}")
            if options["once"]:
                return
            time.sleep(max(1, options["interval"]))
