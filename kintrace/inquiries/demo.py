"""Fictional inquiries for `kintrace demo`: every status, overdue ones, unlawful redirects."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from kintrace.cases.models import Case
from kintrace.inquiries import actions
from kintrace.inquiries.models import FollowUp, Inquiry, Institution
from kintrace.inquiries.suggestions import suggest_next

SCENARIOS = (
    "draft",
    "sent",
    "registered",
    "answered",
    "answered_late",
    "redirected",
    "formal",
    "overdue",
    "unlawful",
    "unlawful",
    "escalated",
    "contract",
)
TO = ("mod-ru", "gvp", "vp-district", "commissariat", "ombudsman-ru", "gvsu")
SUMMARIES = (
    "Сведениями о местонахождении не располагаем.",
    "Военнослужащий проходит службу, жив, здоров.",
    "Обращение направлено для рассмотрения по компетенции.",
)


def _sent(inquiry: Inquiry, today: dt.date, days_ago: int) -> Inquiry:
    actions.send_inquiry(
        inquiry=inquiry,
        sent_on=today - dt.timedelta(days=days_ago),
        channel=inquiry.channel,
        actor=inquiry.created_by,
        request=None,
    )
    return inquiry


def _respond(inquiry: Inquiry, kind: str, days_after: int, rng, to=None) -> None:
    received = min(inquiry.sent_on + dt.timedelta(days=days_after), timezone.localdate())
    actions.record_response(
        inquiry=inquiry,
        kind=kind,
        received_on=received,
        reference=f"{rng.randint(100, 999)}/{rng.randint(1, 99)}",
        redirected_to=to,
        summary=rng.choice(SUMMARIES),
        actor=inquiry.created_by,
        request=None,
    )


def _scenario(case: Case, scenario: str, rng, bodies: dict, worker, today: dt.date) -> None:
    def draft(to, kind="whereabouts", **extra):
        return actions.draft_inquiry(
            case=case,
            institution=to,
            kind=kind,
            language="ru",
            channel=rng.choice(("post", "online", "email")),
            attachments="Копия паспорта заявителя\nКопия свидетельства о рождении",
            actor=worker,
            request=None,
            **extra,
        )

    to = bodies[rng.choice(TO)]
    if scenario == "draft":
        draft(to)
    elif scenario == "sent":
        _sent(draft(to), today, rng.randint(1, 20))
    elif scenario == "registered":
        inquiry = _sent(draft(to), today, rng.randint(5, 20))
        actions.record_registration(
            inquiry=inquiry,
            registered_on=inquiry.sent_on + dt.timedelta(days=2),
            number=f"ОГ-{rng.randint(1000, 9999)}",
            actor=worker,
            request=None,
        )
    elif scenario in ("answered", "answered_late"):
        inquiry = _sent(draft(to), today, rng.randint(60, 200))
        late = scenario == "answered_late"
        _respond(
            inquiry,
            "refusal" if late else "substantive",
            rng.randint(40, 55) if late else rng.randint(8, 28),
            rng,
        )
    elif scenario == "redirected":
        inquiry = _sent(draft(bodies["mod-ru"]), today, rng.randint(30, 120))
        _respond(inquiry, "redirect", rng.randint(10, 25), rng, to=bodies["commissariat"])
    elif scenario == "formal":
        _respond(_sent(draft(to), today, rng.randint(40, 150)), "formal", rng.randint(15, 30), rng)
    elif scenario == "overdue":
        _sent(draft(to), today, rng.randint(45, 120))
    elif scenario in ("unlawful", "escalated"):
        complaint = _sent(draft(bodies["mod-ru"], kind="conduct"), today, rng.randint(50, 150))
        commander = complaint.complained_about
        if commander is None:
            return
        _respond(complaint, "redirect", rng.randint(12, 28), rng, to=commander)
        complaint.refresh_from_db()
        suggestion = suggest_next(complaint)
        if suggestion is not None:
            follow = draft(
                suggestion.institution,
                kind="conduct",
                previous=complaint,
                follow_up=FollowUp.UNLAWFUL_REDIRECT,
            )
            if scenario == "escalated":
                _sent(follow, today, rng.randint(1, 10))
    elif scenario == "contract":
        _sent(draft(bodies["gvp"], kind="contract"), today, rng.randint(5, 60))


def load_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    """The inquiries part of `kintrace demo`; does nothing when inquiries exist already."""
    if Inquiry.objects.exists():
        stdout.write("Demo inquiries exist already.")
        return
    rng = random.Random(seed + 7)  # noqa: S311  (fictional data)
    bodies = {body.code: body for body in Institution.objects.exclude(code="")}
    if not all(code in bodies for code in (*TO, "commissariat")) or not staff:
        stdout.write("The initial institutions are missing; no demo inquiries.")
        return
    today = timezone.localdate()
    cases = list(
        Case.objects.select_related("person", "requester")
        .exclude(person__military_unit="")
        .order_by("created_at")[:60]
    )
    with transaction.atomic():
        for index, case in enumerate(cases):
            worker = case.assigned_to or rng.choice(staff)
            _scenario(case, SCENARIOS[index % len(SCENARIOS)], rng, bodies, worker, today)
        overdue = actions.mark_overdue_inquiries(today=today)
    stdout.write(f"Created {Inquiry.objects.count()} fictional inquiries ({len(overdue)} overdue).")
