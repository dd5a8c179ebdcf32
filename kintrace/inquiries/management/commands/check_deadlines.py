"""kintrace check-deadlines: mark overdue inquiries now, as the daily job does."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from kintrace.inquiries.actions import mark_overdue_inquiries


class Command(BaseCommand):
    help = "Mark inquiries past their due date as overdue and tell their caseworkers."

    def handle(self, *args, **options) -> None:
        overdue = mark_overdue_inquiries()
        self.stdout.write(f"{len(overdue)} inquiries became overdue.")
