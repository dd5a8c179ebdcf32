import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kintrace.accounts.management.commands.createstaff import create_staff
from kintrace.accounts.models import AuditAction, AuditEvent
from tests.conftest import last_audit


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_login_page(anonymous):
    response = anonymous.get("/staff/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_first_log_in_sets_up_the_second_factor_then_shows_recovery_codes(db):
    _user, password = create_staff(username="katya", role="caseworker")
    client = Client()
    response = client.post("/staff/login/", {"username": "katya", "password": password})
    assert response.status_code == 302
    assert (last_audit().action, last_audit().actor_label) == (AuditAction.LOGIN, "katya")
    # Password alone does not open staff pages.
    response = client.get("/staff/cases/")
    assert response.status_code == 302
    assert response["Location"] == "/staff/second-factor/?next=%2Fstaff%2Fcases%2F"
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert b"<svg" in setup.content and b'id="totp-secret"' in setup.content
    device = TOTPDevice.objects.get(user__username="katya", confirmed=False)

    wrong = client.post("/staff/second-factor/", {"token": "000000", "next": "/staff/cases/"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["token"]
    # django-otp throttles after a wrong code; the next try comes a moment later.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=None, throttling_failure_count=0
    )

    done = client.post(
        "/staff/second-factor/", {"token": code_for(device), "next": "/staff/cases/"}
    )
    assert done.status_code == 302
    assert done["Location"].startswith("/staff/second-factor/recovery-codes/")
    assert last_audit().action == AuditAction.FACTOR_ADDED
    codes_page = client.get(done["Location"])
    codes = codes_page.context["codes"]
    assert len(codes) == 10
    assert codes[0] in codes_page.content.decode()
    assert client.get(done["Location"]).context["codes"] is None  # shown once
    assert client.get("/staff/cases/").status_code == 200


@pytest.fixture
def enrolled(db):
    user, password = create_staff(username="katya", role="caseworker")
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    from kintrace.accounts.second_factor import new_recovery_codes

    return user, password, device, new_recovery_codes(user)


def _log_in(client, password):
    client.post("/staff/login/", {"username": "katya", "password": password})


def test_later_log_ins_ask_for_a_code(enrolled):
    _user, password, device, _codes = enrolled
    client = Client()
    _log_in(client, password)
    page = client.get("/staff/second-factor/")
    assert b'id="totp-secret"' not in page.content  # no new set-up
    response = client.post("/staff/second-factor/", {"token": code_for(device), "next": "/staff/"})
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.FACTOR_USED,
        {"factor": "authenticator"},
    )
    assert client.get("/staff/").status_code == 200


def test_a_recovery_code_works_once(enrolled):
    _user, password, _device, codes = enrolled
    first = Client()
    _log_in(first, password)
    assert first.post("/staff/second-factor/", {"token": codes[0]}).status_code == 302
    second = Client()
    _log_in(second, password)
    response = second.post("/staff/second-factor/", {"token": codes[0]})
    assert response.status_code == 200
    assert "used already" in response.content.decode()
    assert second.get("/staff/").status_code == 302


def test_an_outside_next_address_is_ignored(enrolled):
    _user, password, device, _codes = enrolled
    client = Client()
    _log_in(client, password)
    response = client.post(
        "/staff/second-factor/", {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/staff/"


def test_log_out_is_audited(caseworker):
    caseworker.post("/staff/logout/")
    assert last_audit().action == AuditAction.LOGOUT
    assert caseworker.get("/staff/").status_code == 302


def test_a_wrong_password_is_refused_and_audited(db):
    create_staff(username="katya", role="caseworker")
    response = Client().post("/staff/login/", {"username": "katya", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert (last_audit().action, last_audit().detail) == (
        AuditAction.LOGIN_FAILED,
        {"username": "katya"},
    )


def test_wrong_passwords_lock_the_user_name(settings, db):
    settings.LOGIN_MAX_FAILURES = 3
    _user, password = create_staff(username="katya", role="caseworker")
    for n in range(3):
        Client(REMOTE_ADDR=f"10.0.0.{n}").post(
            "/staff/login/", {"username": "katya", "password": "wrong"}
        )
    response = Client(REMOTE_ADDR="10.0.0.9").post(
        "/staff/login/", {"username": "katya", "password": password}
    )
    assert response.status_code == 200
    assert "Too many failed log-ins" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_LOCKED).count() == 1


def test_empty_fields_are_named(anonymous):
    response = anonymous.post("/staff/login/", {})
    assert set(response.context["form"].errors) == {"username", "password"}
