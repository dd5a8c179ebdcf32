"""The engine's evidence in plain, translatable words, with what the names themselves show.

"same birth date; surname written in Ukrainian; given name Лёша is a familiar form of
Алексей; unit matches" — each phrase says for or against, strongest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kintrace.linkage.comparisons import level_id
from kintrace.names import parse_name

# The linkage engine's levels, by their stable ids, in words a caseworker reads.
LEVELS = {
    "surname.same": gettext_lazy("same surname"),
    "surname.same_stem": gettext_lazy("same surname in another gender or case form"),
    "surname.same_sound": gettext_lazy("surname sounds the same"),
    "surname.alternate": gettext_lazy("surname is the other's other surname (maiden name?)"),
    "surname.swapped_with_given": gettext_lazy("surname and given name swapped"),
    "surname.nearly_same": gettext_lazy("surname nearly the same (a typo?)"),
    "surname.slip": gettext_lazy("surname one letter apart (a typo?)"),
    "surname.similar": gettext_lazy("surname similar"),
    "surname.different": gettext_lazy("surname different"),
    "given_name.same_group": gettext_lazy("same given name"),
    "given_name.same_sound": gettext_lazy("given name sounds the same"),
    "given_name.related": gettext_lazy("given name related (such as Егор and Георгий)"),
    "given_name.swapped_with_surname": gettext_lazy("surname and given name swapped"),
    "given_name.slip": gettext_lazy("given name nearly the same (a typo?)"),
    "given_name.initial_agrees": gettext_lazy("initial of the given name agrees"),
    "given_name.initial_differs": gettext_lazy("initial of the given name differs"),
    "given_name.different": gettext_lazy("given name different"),
    "patronymic.same_group": gettext_lazy("same patronymic"),
    "patronymic.same_sound": gettext_lazy("patronymic sounds the same"),
    "patronymic.related": gettext_lazy("patronymic related (such as Егорович and Георгиевич)"),
    "patronymic.slip": gettext_lazy("patronymic nearly the same (a typo?)"),
    "patronymic.initial_agrees": gettext_lazy("initial of the patronymic agrees"),
    "patronymic.initial_differs": gettext_lazy("initial of the patronymic differs"),
    "patronymic.different": gettext_lazy("patronymic different"),
    "birth_date.same": gettext_lazy("same birth date"),
    "birth_date.day_month_swapped": gettext_lazy("birth date with day and month swapped"),
    "birth_date.same_year_month": gettext_lazy("same year and month of birth"),
    "birth_date.same_year_month_other_day": gettext_lazy(
        "same year and month of birth, another day"
    ),
    "birth_date.month_is_other_day": gettext_lazy(
        "month of birth is the other date's day (written month first?)"
    ),
    "birth_date.same_year": gettext_lazy("same year of birth"),
    "birth_date.year_slip": gettext_lazy("same day and month of birth, year one apart"),
    "birth_date.swapped_year_slip": gettext_lazy(
        "birth date with day and month swapped, year one apart"
    ),
    "birth_date.same_year_other_month": gettext_lazy("same year of birth, another month"),
    "birth_date.year_one_apart": gettext_lazy("year of birth one apart"),
    "birth_date.within_ten_years": gettext_lazy("birth dates years apart"),
    "birth_date.far_apart": gettext_lazy("birth dates far apart"),
    "birth_place.same": gettext_lazy("same place of birth"),
    "birth_place.similar": gettext_lazy("similar place of birth"),
    "birth_place.different": gettext_lazy("another place of birth"),
    "region.same": gettext_lazy("same region"),
    "region.different": gettext_lazy("another region"),
    "unit.same": gettext_lazy("unit matches"),
    "unit.different": gettext_lazy("another military unit"),
    "sex.same": gettext_lazy("same sex"),
    "sex.different": gettext_lazy("another sex"),
}


def level_words(field: str, label: str) -> str:
    """A level in the reader's language, found by its stable id (stored evidence keeps the
    engine's label); a level without words of its own keeps the label."""
    found = LEVELS.get(level_id(field, label) or "")
    return str(found) if found is not None else label


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
        text = level_words(field, label)
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
