"""A small scheduler for periodic tasks: django-tasks queues work but has no clock.

Each app may list `PERIODIC = [Periodic(...)]` in its `tasks` module (the daily deadline
check of inquiries, the daily erasure of cases kept past their retention period, ...).
`kintrace scheduler` (started by `kintrace run` beside the task worker) queues each task once
per interval; the last run is kept in the database, so a restart, or a second scheduler,
never runs it twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone


@dataclass(frozen=True)
class Periodic:
    name: str
    task: object  # a django_tasks Task
    every: dt.timedelta


def periodic_tasks() -> list[Periodic]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("kintrace.") and find_spec(f"{config.name}.tasks"):
            found.extend(getattr(import_module(f"{config.name}.tasks"), "PERIODIC", []))
    return found


def claim(name: str, every: dt.timedelta, now: dt.datetime) -> bool:
    """Record a run of `name` at `now` unless one was recorded less than `every` ago."""
    from kintrace.periodic.models import PeriodicRun

    try:
        with transaction.atomic():
            _run, created = PeriodicRun.objects.get_or_create(
                name=name, defaults={"last_run_at": now}
            )
    except IntegrityError:  # another scheduler created it a moment ago
        return False
    if created:
        return True
    moved = PeriodicRun.objects.filter(name=name, last_run_at__lte=now - every).update(
        last_run_at=now
    )
    return moved == 1


def run_due(now: dt.datetime | None = None) -> list[str]:
    """Queue every periodic task whose interval has passed; returns their names."""
    now = now or timezone.now()
    queued = []
    for periodic in periodic_tasks():
        if claim(periodic.name, periodic.every, now):
            periodic.task.enqueue()
            queued.append(periodic.name)
    return queued
