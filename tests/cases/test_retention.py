import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from kintrace.cases import actions
from kintrace.cases.models import Case, ErasedCase, Status
from kintrace.cases.retention import expired_cases
from tests.conftest import file_case


@pytest.fixture
def outcomes(caseworker, settings):
    settings.RETENTION_DAYS = {"found_alive": 30, "closed": 10, "found_dead": 100}
    made = {}
    for key, status in [
        ("alive", Status.FOUND_ALIVE),
        ("closed", Status.CLOSED),
        ("dead", Status.FOUND_DEAD),
        ("open", Status.ACTIVE),
    ]:
        case, _code = file_case()
        actions.change_status(
            case=case, status=status, reason="r", actor=caseworker.user, request=None
        )
        made[key] = case
    return made


@pytest.mark.parametrize(
    ("days_later", "expected"),
    [(5, set()), (11, {"closed"}), (31, {"closed", "alive"}), (101, {"closed", "alive", "dead"})],
)
def test_a_case_expires_after_its_outcomes_period(outcomes, days_later, expected):
    now = timezone.now() + dt.timedelta(days=days_later)
    found = {c.reference for c in expired_cases(now=now)}
    assert found == {outcomes[key].reference for key in expected}


def test_erase_expired_command(outcomes, capsys):
    from django.db import connection

    old = timezone.now() - dt.timedelta(days=20)
    # Put the closed case's outcome 20 days back: raw SQL, as the timeline refuses updates.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_event SET created_at = %s WHERE case_id = %s",
            [old, outcomes["closed"].pk],
        )
    call_command("erase_expired", "--dry-run")
    assert "1 cases past their retention period would be erased" in capsys.readouterr().out
    assert Case.objects.count() == 4
    call_command("erase_expired")
    assert not Case.objects.filter(pk=outcomes["closed"].pk).exists()
    assert ErasedCase.objects.get().reason == "retention"
