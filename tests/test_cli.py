import subprocess
import sys

from django.contrib.auth import get_user_model
from django.core.management import call_command

from kintrace.accounts.roles import role_of
from kintrace.cases.demo import UK_SURNAMES
from kintrace.cases.models import Case, EventKind, Person, Status


def test_demo_creates_cases_and_one_login_per_role(db, capsys):
    call_command("demo", "--cases", "40")
    out = capsys.readouterr().out
    assert Case.objects.count() == 40
    assert len({case.status for case in Case.objects.all()}) >= 4
    assert set(Case.objects.values_list("events__kind", flat=True)) >= {
        EventKind.CREATED,
        EventKind.STATUS_CHANGED,
    }
    users = get_user_model().objects.filter(username__startswith="demo-")
    assert {role_of(user).name for user in users} == {"caseworker", "coordinator", "analyst"}
    for user in users:
        password = next(line for line in out.splitlines() if user.username in line).split()[-1]
        assert user.check_password(password)
    assert any(p.surname in UK_SURNAMES for p in Person.objects.all())  # some Ukrainian names


def test_demo_twice_keeps_the_data_and_resets_the_passwords(db, capsys):
    call_command("demo", "--cases", "10")
    first = capsys.readouterr().out
    call_command("demo", "--cases", "10")
    second = capsys.readouterr().out
    assert Case.objects.count() == 10
    assert "exist already" in second
    assert first.splitlines()[-1] != second.splitlines()[-1]


def test_demo_statuses_match_their_timelines(db):
    call_command("demo", "--cases", "30", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for case in Case.objects.exclude(status=Status.NEW):
        last = case.events.filter(kind=EventKind.STATUS_CHANGED).last()
        if last is not None:
            assert last.data["to"] == last.status_to == case.status


def test_the_console_script_runs_django_commands():
    result = subprocess.run(
        [sys.executable, "-m", "kintrace.cli", "createstaff", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "--role" in result.stdout
    assert "{analyst,caseworker,coordinator}" in result.stdout


def test_demo_logins_come_with_a_working_second_factor(db, capsys):
    from django.test import Client

    call_command("demo", "--cases", "5")
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if "demo-caseworker" in line)
    password = out[at].split()[-1]
    codes = out[at + 2].split(":", 1)[1].split()
    assert "authenticator key:" in out[at + 1]
    client = Client()
    client.post("/staff/login/", {"username": "demo-caseworker", "password": password})
    assert client.post("/staff/second-factor/", {"token": codes[0]}).status_code == 302
    assert client.get("/staff/cases/").status_code == 200
