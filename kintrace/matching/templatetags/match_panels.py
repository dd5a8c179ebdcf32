"""The matches panel the case page includes, so `cases` never imports this app."""

from __future__ import annotations

from django import template
from django.db.models import BooleanField, ExpressionWrapper, Q

from kintrace.matching.models import Match, MatchStatus

register = template.Library()

SHOWN = 20  # the likeliest; the review queue has them all


@register.inclusion_tag("matching/staff/case_panel.html", takes_context=True)
def case_matches(context, case) -> dict:
    perms = context.get("perms")
    shown = bool(perms and perms["matching"]["view_match"])
    matches = Match.objects.none()
    if shown:
        matches = (
            Match.objects.filter(case=case)
            .select_related("record__source_list", "first_by")
            .annotate(rejected=ExpressionWrapper(Q(status=MatchStatus.REJECTED), BooleanField()))
            .order_by("rejected", "-seriousness", "-probability", "id")
        )
    return {"shown": shown, "matches": matches[:SHOWN], "count": matches.count()}
