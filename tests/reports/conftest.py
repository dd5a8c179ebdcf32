"""A small known set of cases for the report tests, made directly (no intake, no e-mail)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kintrace.cases.models import Case, Event, EventKind, Person


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def make_case(
    *,
    opened: dt.date,
    status: str = "new",
    region: str = "Бурятия",
    unit: str = "в/ч 12345",
    service_type: str = "conscript",
    contact_after: int | None = None,
    outcome_after: int | None = None,
    author=None,
    surname: str = "Тестов",
    **person,
) -> Case:
    case = Case.objects.create(access_code_hash="!", status=status, created_at=at(opened))
    Person.objects.create(
        case=case,
        surname=surname,
        given_name="Пётр",
        region=region,
        military_unit=unit,
        service_type=service_type,
        **person,
    )
    Event.objects.create(case=case, kind=EventKind.CREATED, created_at=at(opened))
    if contact_after is not None:
        when = at(opened) + dt.timedelta(days=contact_after)
        Event.objects.create(
            case=case, kind=EventKind.NOTE, author=author, created_at=when, text="позвонили"
        )
    if outcome_after is not None:
        when = at(opened) + dt.timedelta(days=outcome_after)
        Event.objects.create(
            case=case,
            kind=EventKind.STATUS_CHANGED,
            author=author,
            created_at=when,
            data={"from": "active", "to": status},
            status_to=status,
        )
    return case


# (opened, status, region, unit, service type, days to first contact, days to an outcome)
KNOWN = [
    (dt.date(2022, 3, 1), "active", "Бурятия", "в/ч 12345", "conscript", 1, None),
    (dt.date(2022, 3, 2), "active", "Бурятия", "в/ч 12345", "conscript", 2, None),
    (dt.date(2022, 3, 3), "active", "Бурятия", "в/ч 12345", "conscript", 3, None),
    (dt.date(2022, 3, 4), "found_alive", "Бурятия", "в/ч 12345", "conscript", 4, 30),
    (dt.date(2022, 3, 5), "found_alive", "Бурятия", "в/ч 12345", "conscript", 10, 40),
    (dt.date(2022, 3, 6), "found_dead", "Бурятия", "в/ч 12345", "conscript", 20, 50),
    (dt.date(2022, 4, 1), "closed", "Бурятия", "в/ч 12345", "conscript", 5, 60),
    (dt.date(2022, 4, 2), "found_captured", "Бурятия", "в/ч 12345", "conscript", None, 70),
    (dt.date(2022, 3, 10), "new", "Тыва", "в/ч 71718", "contract", 7, None),
    (dt.date(2022, 3, 11), "found_alive", "Тыва", "в/ч 71718", "contract", 8, 15),
    (dt.date(2022, 3, 12), "found_alive", "Тыва", "в/ч 71718", "contract", None, 25),
    (dt.date(2022, 5, 1), "found_captured", "Тыва", "в/ч 71718", "contract", None, 35),
    (dt.date(2022, 4, 20), "triage", "", "", "conscript", None, None),
]


@pytest.fixture
def known(db, caseworker):
    return [
        make_case(
            opened=opened,
            status=status,
            region=region,
            unit=unit,
            service_type=service,
            contact_after=contact,
            outcome_after=outcome,
            author=caseworker.user,
        )
        for opened, status, region, unit, service, contact, outcome in KNOWN
    ]
