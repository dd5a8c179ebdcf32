import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kintrace.accounts.models import AuditAction
from kintrace.accounts.roles import ROLES, role_of
from tests.conftest import last_audit


@pytest.mark.parametrize("role", sorted(ROLES))
def test_createstaff_prints_a_password_that_works(db, capsys, role):
    call_command("createstaff", "sasha", "--role", role)
    out = capsys.readouterr().out
    password = out.strip().rsplit(" ", 1)[-1]
    user = get_user_model().objects.get(username="sasha")
    assert user.check_password(password)
    assert role_of(user).name == role
    assert last_audit().action == AuditAction.STAFF_CREATED
    assert password not in str(last_audit().detail)


def test_an_existing_user_is_not_overwritten_by_accident(db):
    call_command("createstaff", "sasha", "--role", "analyst")
    with pytest.raises(CommandError, match="exists already"):
        call_command("createstaff", "sasha", "--role", "coordinator")
    call_command("createstaff", "sasha", "--role", "coordinator", "--update")
    assert role_of(get_user_model().objects.get(username="sasha")).name == "coordinator"


def test_roles_carry_their_permissions(db):
    from kintrace.accounts.management.commands.createstaff import create_staff

    caseworker, _ = create_staff(username="c", role="caseworker")
    analyst, _ = create_staff(username="a", role="analyst")
    coordinator, _ = create_staff(username="o", role="coordinator")
    assert caseworker.has_perm("cases.change_case")
    assert not caseworker.has_perm("accounts.view_auditevent")
    assert analyst.has_perm("cases.view_case_counts")
    assert not analyst.has_perm("cases.view_case")
    assert coordinator.has_perm("accounts.view_auditevent")


def test_every_permission_a_role_names_exists(db):
    from django.contrib.auth.models import Permission

    existing = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }
    for role in ROLES.values():
        assert set(role.permissions) <= existing, role.name
