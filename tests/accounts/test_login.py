from django.test import Client

from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.accounts.models import AuditAction
from tests.conftest import last_audit


def test_the_login_page(anonymous):
    response = anonymous.get("/staff/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_staff_log_in_and_out_audited(db):
    _user, password = create_staff(username="katya", role="caseworker")
    client = Client()
    response = client.post("/staff/login/", {"username": "katya", "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    assert (last_audit().action, last_audit().actor_label) == (AuditAction.LOGIN, "katya")
    assert client.get("/staff/").status_code == 200
    client.post("/staff/logout/")
    assert last_audit().action == AuditAction.LOGOUT
    assert client.get("/staff/").status_code == 302


def test_a_wrong_password_is_refused_and_audited(db):
    create_staff(username="katya", role="caseworker")
    response = Client().post("/staff/login/", {"username": "katya", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.LOGIN_FAILED,
        {"username": "katya"},
    )


def test_empty_fields_are_named(anonymous):
    response = anonymous.post("/staff/login/", {})
    assert set(response.context["form"].errors) == {"username", "password"}
