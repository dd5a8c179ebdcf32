"""Fictional demo data: cases with realistic Russian and Ukrainian names, units and timelines.

Every person here is invented; names are drawn at random from common surnames and given names.
"""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from pathlib import Path
from unittest import mock

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone

from kintrace.cases.models import (
    Case,
    ContactChannel,
    Event,
    EventKind,
    Person,
    Priority,
    Relation,
    Requester,
    ServiceType,
    Status,
)

_DATA = tomllib.loads((Path(__file__).parent / "demo_data.toml").read_text(encoding="utf-8"))
RU_SURNAMES, UK_SURNAMES = _DATA["ru_surnames"], _DATA["uk_surnames"]
MALE_NAMES, UK_MALE_NAMES = _DATA["male_names"], _DATA["uk_male_names"]
FEMALE_NAMES, UK_FEMALE_NAMES = _DATA["female_names"], _DATA["uk_female_names"]
FATHER_PATRONYMICS, UK_PATRONYMICS = _DATA["patronymics"], _DATA["uk_patronymics"]
REGIONS, PLACES, UNITS, RANKS = _DATA["regions"], _DATA["places"], _DATA["units"], _DATA["ranks"]
LOCATIONS, MARKS = _DATA["locations"], _DATA["marks"]
NOTES, MESSAGES, FAMILY_INFO = _DATA["notes"], _DATA["messages"], _DATA["family_info"]
STATUS_WEIGHTS = {
    Status.NEW: 30,
    Status.TRIAGE: 25,
    Status.ACTIVE: 80,
    Status.FOUND_ALIVE: 25,
    Status.FOUND_CAPTURED: 15,
    Status.FOUND_DEAD: 10,
    Status.CLOSED: 15,
}


def _phone(rng: random.Random) -> str:
    a, b, c, d = rng.randint(0, 99), rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 99)
    return f"+7 9{a:02d} {b:03d}-{c:02d}-{d:02d}"


def _person(rng: random.Random, today: dt.date) -> Person:
    ukrainian = rng.random() < 0.15
    surname = rng.choice(UK_SURNAMES if ukrainian else RU_SURNAMES)
    given = rng.choice(UK_MALE_NAMES if ukrainian else MALE_NAMES)
    patronymic = rng.choice(UK_PATRONYMICS if ukrainian else FATHER_PATRONYMICS)
    born = today - dt.timedelta(days=rng.randint(18 * 365, 45 * 365))
    precision = rng.choices(("day", "month", "year"), (80, 10, 10))[0]
    service = rng.choices(
        (
            ServiceType.CONSCRIPT,
            ServiceType.CONTRACT,
            ServiceType.MOBILISED,
            ServiceType.VOLUNTEER,
            ServiceType.UNKNOWN,
        ),
        (30, 35, 25, 5, 5),
    )[0]
    conscripted = today - dt.timedelta(days=rng.randint(90, 700))
    contract = None
    if service in (ServiceType.CONSCRIPT, ServiceType.CONTRACT):
        contract = conscripted + dt.timedelta(days=rng.randint(20, 200))
        contract = min(contract, today)
    phone_taken = rng.random() < 0.5
    return Person(
        surname=surname,
        given_name=given,
        patronymic=patronymic if rng.random() < 0.92 else "",
        birth_year=born.year,
        birth_month=born.month if precision != "year" else None,
        birth_day=born.day if precision == "day" else None,
        birth_place=rng.choice(PLACES) if rng.random() < 0.7 else "",
        region=rng.choice(REGIONS),
        military_unit=rng.choice(UNITS) if rng.random() < 0.85 else "",
        rank=rng.choice(RANKS) if rng.random() < 0.7 else "",
        service_type=service,
        conscription_date=conscripted if service != ServiceType.VOLUNTEER else None,
        contract_date=contract,
        contract_under_pressure=(rng.random() < 0.6) if contract else None,
        last_contact_date=today - dt.timedelta(days=rng.randint(10, 300)),
        last_contact_channel=rng.choice(ContactChannel.values),
        phone_numbers=_phone(rng),
        phone_taken=phone_taken,
        last_known_location=rng.choice(LOCATIONS),
        distinguishing_marks=rng.choice(MARKS),
    )


def _requester(rng: random.Random, person: Person) -> Requester:
    relation = rng.choices(
        (Relation.MOTHER, Relation.SPOUSE, Relation.FATHER, Relation.SIBLING), (60, 20, 10, 10)
    )[0]
    given = rng.choice(FEMALE_NAMES) if relation != Relation.FATHER else rng.choice(MALE_NAMES)
    surname = person.surname
    if relation != Relation.FATHER and surname.endswith(("ов", "ев", "ёв", "ин")):
        surname += "а"
    return Requester(
        name=f"{surname} {given}",
        relation=relation,
        phone=_phone(rng),
        email=f"family{rng.randint(1000, 9999)}@example.org" if rng.random() < 0.5 else "",
        preferred_language=rng.choices(("ru", "uk", "en"), (85, 10, 5))[0],
        consent_processing=True,
        consent_share_partners=rng.random() < 0.6,
    )


def _timeline(rng, case: Case, staff: list, status: Status, opened) -> list[Event]:
    events = [Event(case=case, kind=EventKind.CREATED, visible_to_family=True, created_at=opened)]
    at = opened
    path = {Status.NEW: [], Status.TRIAGE: [Status.TRIAGE]}.get(
        status, [Status.TRIAGE, Status.ACTIVE]
    )
    if status not in (Status.NEW, Status.TRIAGE, Status.ACTIVE):
        path = [*path, status]
    previous = Status.NEW
    for step in path:
        at += dt.timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 9))
        worker = rng.choice(staff)
        events.append(
            Event(
                case=case,
                kind=EventKind.STATUS_CHANGED,
                author=worker,
                created_at=at,
                visible_to_family=True,
                text=rng.choice(MESSAGES) if step == Status.ACTIVE else "",
                reason="demo",
                data={"from": str(previous), "to": str(step)},
                status_to=step,
            )
        )
        previous = step
        for _ in range(rng.randint(0, 2)):
            at += dt.timedelta(days=rng.randint(0, 10), hours=rng.randint(1, 9))
            events.append(
                Event(
                    case=case,
                    kind=EventKind.NOTE,
                    author=worker,
                    created_at=at,
                    text=rng.choice(NOTES),
                )
            )
    if rng.random() < 0.3:
        at += dt.timedelta(days=rng.randint(0, 5), hours=2)
        events.append(
            Event(
                case=case,
                kind=EventKind.FAMILY_INFO,
                created_at=at,
                visible_to_family=True,
                needs_attention=True,
                text=rng.choice(FAMILY_INFO),
            )
        )
    now = timezone.now()
    for event in events:  # a case opened lately has its steps squeezed into the days since
        event.created_at = min(event.created_at, now)
    return events


# More cases than this are written in batches (`kintrace demo --cases 100000` for benchmarks).
BULK_FROM = 1000
BATCH = 2000


def _derive_without_writing(people: list[Person]) -> None:
    """Fill in what Person.save() derives (name index, unit key): bulk_create skips save()."""
    with mock.patch.object(models.Model, "save_base", lambda *args, **kwargs: None):
        for person in people:
            person.save()


def _create_in_batches(rng, *, count: int, staff: list, code_hash: str, now, today) -> list[Case]:
    """The same cases as one by one (the same draws in the same order), written in batches."""
    first = []
    for start in range(0, count, BATCH):
        cases, people, requesters, events = [], [], [], []
        for _number in range(min(BATCH, count - start)):
            status = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
            opened = now - dt.timedelta(days=rng.randint(1, 400), hours=rng.randint(0, 23))
            case = Case(
                access_code_hash=code_hash,
                status=status,
                created_at=opened,
                priority=rng.choices(Priority.values, (10, 60, 20, 10))[0],
                assigned_to=rng.choice(staff) if status != Status.NEW else None,
            )
            person = _person(rng, today)
            person.case = case
            requester = _requester(rng, person)
            requester.case = case
            requester.consented_at = opened
            cases.append(case)
            people.append(person)
            requesters.append(requester)
            events.extend(_timeline(rng, case, staff, status, opened))
        Case.objects.bulk_create(cases)
        _derive_without_writing(people)
        Person.objects.bulk_create(people)
        Requester.objects.bulk_create(requesters)
        Event.objects.bulk_create(events, batch_size=5000)
        first = first or cases[:3]
    return first


@transaction.atomic
def create_demo_cases(*, count: int, staff: list, seed: int = 7) -> list[tuple[str, str]]:
    """Create `count` fictional cases; returns (reference, access code) of the first few."""
    rng = random.Random(seed)  # noqa: S311  (fictional data, not secrets)
    now = timezone.now()
    today = timezone.localdate()
    shown = []
    code = "DEMO-CODE-2024"
    code_hash = make_password(code)  # one hash for all: hashing 200 codes would take seconds
    if count > BULK_FROM:
        cases = _create_in_batches(
            rng, count=count, staff=staff, code_hash=code_hash, now=now, today=today
        )
        return [(case.reference, code) for case in cases]
    for _number in range(count):
        status = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
        opened = now - dt.timedelta(days=rng.randint(1, 400), hours=rng.randint(0, 23))
        case = Case(
            access_code_hash=code_hash,
            status=status,
            created_at=opened,
            priority=rng.choices(Priority.values, (10, 60, 20, 10))[0],
            assigned_to=rng.choice(staff) if status != Status.NEW else None,
        )
        case.save()
        person = _person(rng, today)
        person.case = case
        person.save()
        requester = _requester(rng, person)
        requester.case = case
        requester.consented_at = opened
        requester.save()
        Event.objects.bulk_create(_timeline(rng, case, staff, status, opened))
        if len(shown) < 3:
            shown.append((case.reference, code))
    return shown


def load_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    """The cases part of `kintrace demo`; does nothing when cases exist already."""
    if Case.objects.exists():
        stdout.write("Demo cases exist already; the staff passwords were reset.")
        return
    shown = create_demo_cases(count=options["cases"], staff=staff, seed=seed)
    stdout.write(f"Created {options['cases']} fictional cases.")
    for reference, code in shown:
        stdout.write(f"  family view: reference {reference}, access code {code}")
