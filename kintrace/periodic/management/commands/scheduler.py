"""kintrace scheduler: queue the periodic tasks when they are due, until stopped."""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from kintrace.periodic import scheduler

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Queue periodic tasks (such as the daily deadline check) when they are due."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Check once and exit.")
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between checks (default 60)."
        )

    def handle(self, *args, **options) -> None:
        while True:
            try:
                for name in scheduler.run_due():
                    self.stdout.write(f"Queued {name}")
            except DatabaseError:
                # a busy or restarting database must not stop `kintrace run`: try again later
                log.exception("The scheduler could not reach the database; it tries again.")
            if options["once"]:
                return
            time.sleep(max(1, options["interval"]))
            close_old_connections()  # a long-lived process: drop a connection that went bad
