"""kintrace demo: fictional data from every app, and one staff user per role.

Each app that has a `demo` module with `load_demo(*, staff, seed, options, stdout)` adds
its part, in the order of INSTALLED_APPS, so later apps build on the cases made first. Bulk
data for benchmarks (`--records`) comes after, from `load_bulk_demo` with the same
arguments, so that matching's demo run is not made over a million records.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand

from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.accounts.roles import ROLES
from kintrace.accounts.second_factor import set_up_known_factor


def demo_loaders(hook: str = "load_demo"):
    for config in apps.get_app_configs():
        if config.name.startswith("kintrace.") and find_spec(f"{config.name}.demo"):
            module = import_module(f"{config.name}.demo")
            if hasattr(module, hook):
                yield getattr(module, hook)


class Command(BaseCommand):
    help = "Load fictional demo data (about 200 cases) and print the demo staff logins."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--cases", type=int, default=200)
        parser.add_argument(
            "--records",
            type=int,
            default=0,
            help="also this many invented records in published lists (for benchmarks)",
        )
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options) -> None:
        logins = [create_staff(username=f"demo-{role}", role=role, update=True) for role in ROLES]
        staff = [user for user, _password in logins if user.has_perm("cases.change_case")]
        for hook in ("load_demo", "load_bulk_demo"):
            for load in demo_loaders(hook):
                load(staff=staff, seed=options["seed"], options=options, stdout=self.stdout)
        self.stdout.write(
            "Demo staff logins (on the staff pages, /staff/). The second factor: add the key to "
            "an authenticator app, or use one of the one-time recovery codes."
        )
        for user, password in logins:
            key, codes = set_up_known_factor(user)
            self.stdout.write(f"  {user.get_username():18} password: {password}")
            self.stdout.write(f"  {'':18} authenticator key: {key}")
            self.stdout.write(f"  {'':18} recovery codes: {' '.join(codes[:5])}")
