"""kintrace erase-case REFERENCE: remove a case's personal data everywhere."""

from django.core.management.base import BaseCommand, CommandError

from kintrace.cases.actions import erase_case, normalise_reference
from kintrace.cases.models import Case, ErasureReason


class Command(BaseCommand):
    help = "Erase a case: its person, family, timeline and files; counts and audit trail stay."

    def add_arguments(self, parser) -> None:
        parser.add_argument("reference")
        parser.add_argument(
            "--reason", choices=ErasureReason.values, default=ErasureReason.FAMILY_REQUEST
        )

    def handle(self, *args, **options) -> None:
        reference = normalise_reference(options["reference"])
        case = Case.objects.filter(reference=reference).first() if reference else None
        if case is None:
            raise CommandError(f"No case {options['reference']!r}.")
        erase_case(
            case=case,
            reason=ErasureReason(options["reason"]),
            actor_label="command line",
            request=None,
        )
        self.stdout.write(f"Case {reference} erased.")
