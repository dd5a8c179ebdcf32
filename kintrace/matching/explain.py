"""The engine's evidence in plain, translatable words, with what the names themselves show.

"same birth date; surname written in Ukrainian; given name Лёша is a familiar form of
Алексей; unit matches" — each phrase says for or against, strongest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kintrace.names import parse_name

# The linkage engine's level labels, in words a caseworker reads.
LEVELS = {
    "same surname": gettext_lazy("same surname"),
    "same surname, other gender or case form": gettext_lazy(
        "same surname in another gender or case form"
    ),
    "surname sounds the same": gettext_lazy("surname sounds the same"),
    "surname and given name swapped": gettext_lazy("surname and given name swapped"),
    "surname nearly the same": gettext_lazy("surname nearly the same (a typo?)"),
    "surname similar": gettext_lazy("surname similar"),
    "surname different": gettext_lazy("surname different"),
    "same given name (or its variant)": gettext_lazy("same given name"),
    "given name sounds the same": gettext_lazy("given name sounds the same"),
    "given name nearly the same": gettext_lazy("given name nearly the same (a typo?)"),
    "given name initial agrees": gettext_lazy("initial of the given name agrees"),
    "given name initial differs": gettext_lazy("initial of the given name differs"),
    "given name different": gettext_lazy("given name different"),
    "same father's name": gettext_lazy("same patronymic"),
    "father's name sounds the same": gettext_lazy("patronymic sounds the same"),
    "father's name nearly the same": gettext_lazy("patronymic nearly the same (a typo?)"),
    "father's name initial agrees": gettext_lazy("initial of the patronymic agrees"),
    "father's name initial differs": gettext_lazy("initial of the patronymic differs"),
    "father's name different": gettext_lazy("patronymic different"),
    "same birth date": gettext_lazy("same birth date"),
    "birth day and month swapped": gettext_lazy("birth date with day and month swapped"),
    "same birth year and month": gettext_lazy("same year and month of birth"),
    "same birth year": gettext_lazy("same year of birth"),
    "same birth year, other month": gettext_lazy("same year of birth, another month"),
    "birth year one apart": gettext_lazy("year of birth one apart"),
    "birth dates within ten years": gettext_lazy("birth dates years apart"),
    "birth years far apart": gettext_lazy("birth dates far apart"),
    "same birth place": gettext_lazy("same place of birth"),
    "birth place similar": gettext_lazy("similar place of birth"),
    "birth place different": gettext_lazy("another place of birth"),
    "same region": gettext_lazy("same region"),
    "region different": gettext_lazy("another region"),
    "same military unit": gettext_lazy("unit matches"),
    "military unit different": gettext_lazy("another military unit"),
    "same sex": gettext_lazy("same sex"),
    "sex different": gettext_lazy("another sex"),
}


@dataclass(frozen=True)
class Point:
    text: str
    weight: float

    @property
    def against(self) -> bool:
        return self.weight < 0


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[\s,.()]+", text.lower().replace("ё", "е")) if w}


def _how_written(part: str, wanted: str | None, found: str | None, sought, record) -> list[str]:
    """What differs in how one name part is written, when the engine says it agrees."""
    if not wanted or not found or wanted.lower() == found.lower():
        return []
    labels = {
        "surname": _("surname"),
        "given_name": _("given name"),
        "patronymic": _("patronymic"),
    }
    label = labels[part]
    if record.script == "latin" and sought.script != "latin":
        return [
            _("%(part)s written in Latin letters (%(found)s)") % {"part": label, "found": found}
        ]
    if record.language_hint == "uk" and sought.language_hint != "uk":
        return [_("%(part)s written in Ukrainian (%(found)s)") % {"part": label, "found": found}]
    if record.language_hint == "ru" and sought.language_hint == "uk":
        return [_("%(part)s written in Russian (%(found)s)") % {"part": label, "found": found}]
    if part == "given_name":
        return [
            _("given name %(found)s is a familiar form of %(wanted)s")
            % {"found": found, "wanted": wanted}
        ]
    return []


def plain_words(evidence: list, *, sought_name: str, record_name: str) -> list[Point]:
    """Evidence of one match as phrases, for first then against, strongest first."""
    sought, record = parse_name(sought_name), parse_name(record_name)
    points: list[Point] = []
    for field, label, weight in sorted(evidence, key=lambda e: -abs(e[2])):
        text = str(LEVELS.get(label, label))
        points.append(Point(text, weight))
        if field in ("surname", "given_name", "patronymic") and weight > 0:
            for extra in _how_written(
                field, getattr(sought, field), getattr(record, field), sought, record
            ):
                points.append(Point(extra, 0.0))
    printed = _words(record_name)
    nominative = _words(
        " ".join(p for p in (record.surname, record.given_name, record.patronymic) if p)
    )
    if nominative and not nominative <= printed:
        points.append(Point(_("the list gives the name in a declined form"), 0.0))
    return points


def sentence(points: list[Point]) -> str:
    """The phrases as one line: "same birth date; unit matches; against: ..."."""
    pro = [p.text for p in points if not p.against]
    con = [p.text for p in points if p.against]
    text = "; ".join(pro)
    if con:
        text += ("; " if text else "") + _("against: %(items)s") % {"items": ", ".join(con)}
    return text
