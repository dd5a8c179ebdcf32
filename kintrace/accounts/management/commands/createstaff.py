"""kintrace createstaff USERNAME --role ROLE: a staff account, with a generated password."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.accounts.roles import ROLES


def new_password() -> str:
    return secrets.token_urlsafe(12)


@transaction.atomic
def create_staff(
    *, username: str, role: str, email: str = "", password: str | None = None, update: bool = False
) -> tuple[object, str]:
    """Create (with update=True, reset) a staff account in one role; returns it and its password."""
    if role not in ROLES:
        raise CommandError(f"Unknown role {role!r}: choose one of {', '.join(ROLES)}.")
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None and not update:
        raise CommandError(f"A user {username!r} exists already (use --update to reset it).")
    if user is None:
        user = User(username=username)
    password = password or new_password()
    user.email = email or user.email
    user.is_active = True
    user.set_password(password)
    user.save()
    group = Group.objects.filter(name=role).first()
    if group is None:
        raise CommandError("The role groups do not exist yet: run `kintrace migrate` first.")
    user.groups.set([group])
    audit.record(
        request=None,
        action=AuditAction.STAFF_CREATED,
        object_type="user",
        object_id=user.pk,
        actor_label="command line",
        detail={"username": username, "role": role, "update": update},
    )
    return user, password


class Command(BaseCommand):
    help = (
        "Create a staff account with a role (caseworker, coordinator, analyst); print its password."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--update", action="store_true", help="Reset the password and role of an existing user."
        )

    def handle(self, *args, **options) -> None:
        user, password = create_staff(
            username=options["username"],
            role=options["role"],
            email=options["email"],
            update=options["update"],
        )
        self.stdout.write(f"{user.get_username()} ({options['role']}) password: {password}")
