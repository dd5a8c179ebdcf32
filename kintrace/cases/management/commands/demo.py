"""kintrace demo: fictional cases and one staff user per role, whose passwords it prints."""

from django.core.management.base import BaseCommand

from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.accounts.roles import ROLES
from kintrace.cases.demo import create_demo_cases
from kintrace.cases.models import Case


class Command(BaseCommand):
    help = "Load fictional demo data (about 200 cases) and print the demo staff logins."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--cases", type=int, default=200)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options) -> None:
        logins = [create_staff(username=f"demo-{role}", role=role, update=True) for role in ROLES]
        staff = [user for user, _password in logins if user.has_perm("cases.change_case")]
        if Case.objects.exists():
            self.stdout.write("Demo cases exist already; the staff passwords were reset.")
        else:
            shown = create_demo_cases(count=options["cases"], staff=staff, seed=options["seed"])
            self.stdout.write(f"Created {options['cases']} fictional cases.")
            for reference, code in shown:
                self.stdout.write(f"  family view: reference {reference}, access code {code}")
        self.stdout.write("Demo staff logins (on the staff pages, /staff/):")
        for user, password in logins:
            self.stdout.write(f"  {user.get_username():18} password: {password}")
