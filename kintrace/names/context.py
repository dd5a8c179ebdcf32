"""What published lists write around a name: military ranks, birth years, units.

Casualty and prisoner lists often hold more than the name in its column:
``рядовой Иванов Иван Иванович``, ``ст. лейтенант Петров П.П.``, ``Иванов Иван
Иванович, 1990 г.р.``, ``Ковальчук Олег Васильевич, в/ч 12345``. :func:`name_only`
returns the name alone, so that a rank is not read as a surname and a year not
glued to one. Ranks are those of the Russian and Ukrainian forces (the Russian law
on military service, art. 46, and the Ukrainian law on military service, art. 5,
list them) and their English names and abbreviations as NATO and the press write
them. A rank is removed at the start of the name or at its end (``Иванов Иван
Иванович рядовой``); only when at least two parts of the name remain (three for a
one-word rank at the end without a comma), so that a surname that is also a rank
(``Майор``, ``Полковник``, ``Иван Иванович Майор``) stays.

Turkic patronymics are written as the father's name and a particle (``Ильхам оглы``,
``Айгюн кызы``, ``Ilham oglu``): :func:`join_particles` binds the two into one
patronymic word (``Ильхам-оглы``).
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple, TypeVar

from kintrace.names.dates import parse_date
from kintrace.names.units import UNIT_PREFIX

T = TypeVar("T")

_RU_RANKS = (
    "рядовой", "ефрейтор", "сержант", "старшина", "прапорщик", "лейтенант", "капитан",
    "майор", "подполковник", "полковник", "генерал-майор", "генерал-лейтенант",
    "генерал-полковник", "генерал армии", "матрос", "мичман", "курсант", "солдат",
    "капитан-лейтенант", r"капитан [1-3](?:-?го)? ранга", "главный корабельный старшина",
    "корабельный старшина", "главный старшина", "военнослужащий",
    # abbreviations of the lists
    "ряд", "ефр", "серж", "с-т", "л-т", "к-н", "прап", "п/п-к", "п-к", "м-р",
)  # fmt: skip
_UK_RANKS = (
    "рядовий", "солдат", "сержант", "штаб-сержант", "майстер-сержант", "старшина",
    "прапорщик", "лейтенант", "капітан", "майор", "підполковник", "полковник",
    "бригадний генерал", "генерал-майор", "генерал-лейтенант", "генерал", "матрос",
    "мічман", "курсант", "військовослужбовець", "капітан-лейтенант",
    r"капітан [1-3](?:-го)? рангу",
)  # fmt: skip
_EN_RANKS = (
    "private", "pvt", "pfc", "lance corporal", "corporal", "cpl", "sergeant", "sgt",
    "staff sergeant", "master sergeant", "warrant officer", "ensign", "lieutenant", "lt",
    "captain", "capt", "cpt", "major", "maj", "lieutenant colonel", "lt col", "colonel",
    "col", "brigadier general", "major general", "general", "seaman", "sailor",
    "midshipman", "cadet", "soldier", "serviceman",
)  # fmt: skip
# Words before a rank: старший/младший/главный, their Ukrainian forms and abbreviations,
# guards (гвардии), senior/junior.
_MODIFIERS = (
    r"старший", r"младший", r"главный", r"молодший", r"головний", r"ст\.?", r"мл\.?",
    r"гл\.?", r"мол\.?", r"гв\.?", r"гвардии", r"senior", r"junior", r"sr\.?", r"jr\.?",
)  # fmt: skip
# Words after a rank: службы, запаса, в отставке.
_AFTER = (
    r"запаса", r"в отставке", r"запасу", r"у відставці", r"медицинской службы",
    r"медичної служби", r"юстиции", r"юстиції", r"полиции", r"поліції",
)  # fmt: skip

_RANKS = sorted({*_RU_RANKS, *_UK_RANKS, *_EN_RANKS}, key=len, reverse=True)
_RANK_RE = re.compile(
    rf"^\s*(?:(?:{'|'.join(_MODIFIERS)})\s*)*(?:{'|'.join(_RANKS)})\.?"
    rf"(?:\s+(?:{'|'.join(_AFTER)}))?(?=[\s,]|$)[\s,]*",
    re.IGNORECASE,
)
# The same after the name, without a comma: "Иванов Иван Иванович рядовой".
_TRAILING_RANK_RE = re.compile(
    rf"[\s,]+(?:(?:{'|'.join(_MODIFIERS)})\s*)*(?:{'|'.join(_RANKS)})\.?"
    rf"(?:\s+(?:{'|'.join(_AFTER)}))?[\s.]*$",
    re.IGNORECASE,
)
# The first word of anything the rank pattern can match: a cheap test before it.
_RANK_STARTS = frozenset(re.split(r"[\s\\\[(]", w)[0].lower() for w in (*_RANKS, *_MODIFIERS))
# The last word of a rank or of what may follow it: the same test for the end.
_RANK_ENDS = frozenset(
    re.split(r"[\s\\\])]", w.rstrip(".?"))[-1].lower().rstrip("?") for w in (*_RANKS, *_AFTER)
)
_FIRST_WORD_RE = re.compile(r"^\s*([^\W\d_]+(?:[-/][^\W\d_]+)*)", re.UNICODE)

# Words that announce a date of birth or a unit, written before the number.
_MARKERS_RE = re.compile(
    r"(?:[\s,;]+(?:г\.?\s?р\.?|р\.?\s?н\.?|д\.?\s?р\.?|дата рождения|дата народження|"
    r"род\.?|родился|родилась|народився|народилася|born|b\.|dob|date of birth|"
    r"в/ч|в\.?\s?ч\.?|вч|войсковая часть|військова частина|military unit|unit|"
    r"год рождения|рік народження|№|#))+[\s,;]*$",
    re.IGNORECASE,
)
DIGIT_RE = re.compile(r"\d")

_PARTICLES = {
    "оглы": "оглы", "огли": "оглы", "оглу": "оглы", "улы": "улы", "уулу": "уулу",
    "кызы": "кызы", "гызы": "кызы", "кизи": "кызы", "қызы": "кызы",
    "oglu": "oglu", "ogly": "oglu", "ogli": "oglu", "oğlu": "oglu", "uly": "uly",
    "uulu": "uulu", "kyzy": "kyzy", "kizi": "kyzy", "qizi": "kyzy", "gizi": "kyzy",
    "qyzy": "kyzy",
}  # fmt: skip
# Endings of a patronymic joined to its particle, for .variants (longest first).
PARTICLE_ENDINGS = tuple(sorted({f"-{p}" for p in _PARTICLES.values()}, key=len, reverse=True))
FEMALE_PARTICLE_ENDINGS = ("-кызы", "-kyzy")


def strip_rank(text: str) -> tuple[str, int]:
    """``ст. лейтенант Петров Петр`` -> (``Петров Петр``, 2): the text without a
    leading rank, if two words are left, and how many words went."""
    first = _FIRST_WORD_RE.match(text)
    if first is None or first.group(1).lower() not in _RANK_STARTS:
        return text, 0
    m = _RANK_RE.match(text)
    if m is None:
        return text, 0
    rest = text[m.end() :]
    if len(rest.replace(",", " ").split()) < 2:
        return text, 0
    return rest, len(text[: m.end()].replace(",", " ").split())


# The longest rank with what may follow it is under 60 characters: the end of a text is
# searched, never the whole (a hostile value of thousands of spaces stays linear).
_TAIL = 120


def strip_trailing_rank(text: str) -> str:
    """``Иванов Иван Иванович рядовой`` -> ``Иванов Иван Иванович``: the text without a
    rank at its end. A rank after a comma, or of two words and more (``ст. лейтенант``,
    ``сержант полиции``), goes when two words are left; a rank of one word without a
    comma only when three are, since a name written given name first ends with the
    surname, and some surnames are ranks (``Иван Иванович Майор``)."""
    words = text.rstrip(" .").rsplit(None, 1)
    if len(words) < 2 or words[-1].lower() not in _RANK_ENDS:
        return text
    text = " ".join(text.split())
    start = max(0, len(text) - _TAIL)
    m = _TRAILING_RANK_RE.search(text, start)
    if m is None:
        return text
    rank, left = m.group(0), len(text[: m.start()].replace(",", " ").split())
    plain_word = "," not in rank and len(rank.split()) == 1
    if left < (3 if plain_word else 2):
        return text
    return text[: m.start()]


def _is_rank(segment: str) -> bool:
    m = _RANK_RE.match(segment)
    return m is not None and not segment[m.end() :].strip()


def _before_digits(segment: str) -> str:
    """The words of a segment before its first number, without a marker that announced it."""
    words = segment.split()
    for i, word in enumerate(words):
        if DIGIT_RE.search(word):
            if i == 0:  # a number first: drop every word that holds one
                return " ".join(w for w in words if not DIGIT_RE.search(w))
            return _MARKERS_RE.sub("", " " + " ".join(words[:i])).strip()
    return segment


def without_extras(text: str) -> str:
    """The text without birth year, unit or a rank of its own after a comma.

    Comma-separated parts that hold a number, are only a rank or tell a place of birth
    or an event are dropped, and so is everything after the first of them once a part
    of the name came before it (``Иванов Иван, 1990 г.р., рядовой`` -> ``Иванов Иван``;
    ``Иванов Иван, 1990, Курск`` -> ``Иванов Иван``: a list writes the name first); in
    what is left, words from the first number on go (``Иванов Иван 1990 г.р.``). The
    text comes back unchanged when none of this applies; a leading rank is for
    :func:`strip_rank`.
    """
    digits = DIGIT_RE.search(text) is not None
    aside = has_aside(text) and _ASIDE_RE.search(text) is not None
    if not digits and not aside and "," not in text:
        return text
    segments = text.split(",")
    if len(segments) > 1:
        kept: list[str] = []
        for s in segments:
            if digits and DIGIT_RE.search(s):
                row = _ROW_NUMBER_RE.match(s) if not kept else None
                if row and not DIGIT_RE.search(s, row.end()):
                    kept.append(s[row.end() :])  # "12. Иванов, Иван, 1990"
                    continue
                if _name_up_to_number(s, kept):
                    kept.append(s)  # the name goes on up to its number: "Иванов, Иван 1990"
                    break
                if kept:
                    break
                continue
            if _is_rank(s) or _is_aside(s):
                if kept:
                    break
                continue
            kept.append(s)
        segments = kept or segments
    if aside:
        segments = [_before_aside(s) for s in segments]
    return ",".join([_before_digits(s) for s in segments] if digits else segments)


def _name_up_to_number(segment: str, kept: list[str]) -> bool:
    """Whether a segment with a number starts with (the rest of) the name: the first
    segment, or the one after a surname written first (``Иванов, Иван 1990``), and no
    rank, event or place told before the number."""
    if kept and (len(kept) > 1 or len(kept[0].split()) > 1):
        return False
    head = _before_digits(segment)
    return (
        bool(head.strip())
        and DIGIT_RE.search(segment.split()[0]) is None
        and not _is_rank(head)
        and not _is_aside(segment)
    )


def _is_aside(segment: str) -> bool:
    m = _ASIDE_RE.search(segment)
    return m is not None and not segment[: m.start()].strip(" ([")


def _before_aside(segment: str) -> str:
    """The words of a segment before a place of birth or another event is told
    (``Иванов Иван уроженец г. Курск``, ``Иванов Иван (погиб)``)."""
    # A name has few words: the first few candidates decide (a hostile text stays linear).
    for m in itertools.islice(_ASIDE_RE.finditer(segment), 8):
        before = segment[: m.start()].rstrip(" ([-")
        if before.strip() and _is_event_word(segment, m):
            return before
    return segment


def _is_event_word(text: str, m: re.Match[str]) -> bool:
    """Whether a word the event or place patterns found tells a place or an event, not
    a name. A place's words always do; an event's when written in lower case (``погиб``,
    ``†``), first in its part of the text (``..., Погиб 05.06.2023``), after a bracket,
    or in capitals after three words (``ИВАНОВ ИВАН ИВАНОВИЧ ПОГИБ``). Otherwise it is a
    name: the Crimean Tatar given name Умер, ``Smith Kia``."""
    word = m.group(0).strip()
    if not word[:1].isupper() or _PLACE_MARKER_RE.match(word):
        return True
    before = text[: m.start()]
    if not before.strip() or before.rstrip()[-1:] in "([":
        return True
    return word.isupper() and len(word) > 1 and len(before.split(None, 3)) >= 3


def name_only(text: str) -> tuple[str, int]:
    """The name in a list's name column without rank, birth year or unit, and how
    many words went from its start (``ст. лейтенант Петров П.П., 1990 г.р.`` ->
    (``Петров П.П.``, 2)). A rank goes first, so that ``капитан 3 ранга`` is not
    read as a name followed by a number."""
    rest, removed = strip_rank(text)
    # A rank at the end goes before the extras and again after them: ``капитан 3 ранга``
    # holds a number, and ``..., 1990 г.р. рядовой`` ends with the rank once the year is gone.
    cleaned = strip_trailing_rank(without_extras(strip_trailing_rank(rest)))
    if removed and len(cleaned.replace(",", " ").split()) < 2:
        return strip_trailing_rank(without_extras(strip_trailing_rank(text))), 0
    return cleaned, removed


def join_particles(tokens: list[tuple[str, T]]) -> list[tuple[str, T]]:
    """Bind a Turkic patronymic particle to the father's name before it: tokens are
    (normalised word, initials or None), and ``ильхам``, ``оглы`` become
    ``ильхам-оглы``."""
    if not any(w in _PARTICLES for w, _ in tokens[1:]):
        return tokens
    out: list[tuple[str, T]] = []
    for word, initials in tokens:
        particle = _PARTICLES.get(word)
        if particle is not None and out and out[-1][1] is None:
            out[-1] = (f"{out[-1][0]}-{particle}", out[-1][1])
        else:
            out.append((word, initials))
    return out


# What a list writes after the name, read for the fields it belongs to: the birth date
# (not the date of death, capture or call-up beside it), the place of birth, the unit.
class Extras(NamedTuple):
    """Texts found around a name: each for its own parser (dates, places, units)."""

    birth_date: str | None = None
    birth_place: str | None = None
    unit: str | None = None


_MONTH_NAMES = (
    r"январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|"
    r"октябр[ья]|ноябр[ья]|декабр[ья]|янв|февр?|апр|авг|сент?|окт|нояб?|дек|"
    r"січ(?:ня|ень)|лют(?:ого|ий)|берез(?:ня|ень)|квіт(?:ня|ень)|трав(?:ня|ень)|"
    r"черв(?:ня|ень)|лип(?:ня|ень)|серп(?:ня|ень)|верес(?:ня|ень)|жовт(?:ня|ень)|"
    r"листопад[а]?|груд(?:ня|ень)|мар|січ|лют|бер|квіт|трав|черв|лип|серп|вер|жовт|лист|"
    r"груд|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
# A month-year without a day only with a month named in the nominative: lists do not
# write "мая 1990", and a given name may look like a genitive month.
_NOMINATIVE_MONTHS = (
    r"январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|"
    r"січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|"
    r"листопад|грудень|january|february|march|april|june|july|august|september|october|"
    r"november|december"
)
_MONTH = rf"(?:{_MONTH_NAMES})(?![^\W\d_])\.?"
_DATE_SPAN_RE = re.compile(
    r"(?<![\w./\-])(?:"
    r"\d{4}[./\-]\d{1,2}[./\-]\d{1,2}"
    r"|\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})"
    r"|\d{1,2}\.\s\d{1,2}\.\s\d{4}"  # as typed documents space it: 12. 03. 1990
    r"|\d{1,2}[\s./\-]+(?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)[\s./\-]+\d{4}"
    rf"|\d{{1,2}}(?:-?го|st|nd|rd|th)?[\s\-]+{_MONTH},?[\s\-]+\d{{4}}"
    rf"|\d{{1,2}}-{_MONTH}-\d{{2}}"  # 12-Mar-90
    r"|\d{2}(?=\s*г\.?\s?р)"  # 90 г.р.
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?<![^\W\d_])(?:{_NOMINATIVE_MONTHS})\s+\d{{4}}"
    r"|\d{1,2}[./]\d{4}"
    r"|(?:18|19|20)\d{2}(?:[01]\d[0-3]\d)?"
    r")(?![\d])",
    re.IGNORECASE,
)
# Where a date's own text ends: at a separator, or at the previous date.
_SEPARATORS = ",;()[]"
# Words just before a date that make it the birth date, and words just after it.
_BIRTH_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:г\.?\s?р\.?|р\.?\s?н\.?|д\.?\s?р\.?|дата\s+рождения|дата\s+народження|"
    r"род\.?|родился|родилась|народився|народилася|нар\.|рожд\.?|год\s+рождения|"
    r"рік\s+народження|born|b\.|dob|d\.o\.b\.?|date\s+of\s+birth)"
    r"(?:\s+(?:в|у|in))?[\s:.\-]*$",
    re.IGNORECASE,
)
_BIRTH_AFTER_RE = re.compile(
    r"^\s*(?:г\.?\s?р|р\.?\s?н|года?\s+рожд|року\s+народж|г\.?\s*рожд)", re.IGNORECASE
)
# Words before a date that make it the date of something else: death, going missing,
# capture, call-up. Whole words only (Умеров is no "умер").
_EVENT_WORDS = (
    "погиб", "погибла", "погибший", "погибшая", "умер", "умерла", "скончался", "скончалась",
    "убит", "убита", "загинув", "загинула", "загиблий", "загибла", "помер", "померла",
    "вбитий", "вбита", "died", "killed", "kia", "deceased", "пропал", "пропала", "пропав",
    "пропавший", "зник", "зникла", "зниклий", "missing", "мобилизован", "мобилизована",
    "мобилизованный", "мобілізований", "мобілізована", "mobilised", "mobilized",
    "призван", "призвана", "призваний", "conscripted", "drafted", "плен",
    "плену", "полон", "полоні", "captured", "смерти", "гибели", "смерті", "загибелі",
    "призыва", "мобилизации", "мобілізації", "призову", "death", "†",
)  # fmt: skip
# One of them as a whole word.
_EVENT_WORD = rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, _EVENT_WORDS))})(?![^\W\d_])"
_EVENT_RE = re.compile(
    rf"{_EVENT_WORD}|"
    r"^\s*(?-i:d)\.\s*$",  # "b. 1965, d. 2023"; not the initial of "Petrov D. 1990"
    re.IGNORECASE,
)
_RANGE_END_RE = re.compile(r"^\s*(?:[-–—]|по|до|to)\s*$", re.IGNORECASE)
_UNIT_BEFORE_RE = re.compile(rf"(?:{UNIT_PREFIX})[\s\-№#:.]*$", re.IGNORECASE)
# A Ukrainian unit's letter before its number: в/ч А1234.
_UNIT_RE = re.compile(
    rf"(?<![^\W\d_])(?:{UNIT_PREFIX})[\s\-№#:.]*(?:[аaвbvкkтt]\s*-?\s*)?\d[^,;()\[\]]*",
    re.IGNORECASE,
)
# Words that announce where a person was born; the place is what follows them.
_PLACE_MARKER_RE = re.compile(
    r"(?<![^\W\d_])(?:уроженец|уроженка|уродженець|уродженка|урож\.|"
    r"родом\s+(?:из|с|з|із)|место\s+рождения|місце\s+народження|"
    r"native\s+of|born\s+in|place\s+of\s+birth|birthplace|pob)(?![^\W\d_])[\s:\-]*",
    re.IGNORECASE,
)

# A place of birth or an event told after the name: the name ends before it.
_ASIDE_RE = re.compile(rf"{_PLACE_MARKER_RE.pattern}|{_EVENT_WORD}", re.IGNORECASE)


# The first words of everything _ASIDE_RE finds: a cheap test before it, on every name.
_ASIDE_WORDS = frozenset(
    {w.lower() for w in _EVENT_WORDS}
    | {"уроженец", "уроженка", "уродженець", "уродженка", "урож", "родом", "место", "місце"}
    | {"native", "born", "place", "birthplace", "pob"}
)
_WORD_RE = re.compile(r"[^\W\d_]+|†")


def has_aside(text: str) -> bool:
    """Whether a text may tell a place of birth or an event after the name."""
    return not _ASIDE_WORDS.isdisjoint(_WORD_RE.findall(text.lower()))


# What is read around a date: at most this many characters each side (a hostile text of
# thousands of dates stays linear).
_AROUND = 60


def _own_text(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before ``start`` and after ``end`` up to the nearest separator, and no
    further than ``_AROUND`` characters."""
    lo = max(text.rfind(c, max(0, start - _AROUND), start) for c in _SEPARATORS) + 1
    lo = max(lo, start - _AROUND)
    hi = min(
        (i for i in (text.find(c, end, end + _AROUND) for c in _SEPARATORS) if i >= 0),
        default=min(len(text), end + _AROUND),
    )
    return text[lo:start], text[end:hi]


# An event told right after its date: "14.02.2023 (погиб)", "12.10.2022 мобилизован".
_EVENT_AFTER_RE = re.compile(rf"[\s(\[,\-–—]*{_EVENT_WORD}", re.IGNORECASE)
# A row number before the name: "1985. Иванов Иван".
_ROW_NUMBER_RE = re.compile(r"\s*\d+\s*[.)]\s")


def _birth_date(text: str) -> str | None:
    """The birth date among the dates of a text: the first announced as one (``1990
    г.р.``, ``b. 1990``), else the first not announced as another event's (``погиб
    05.06.2023``), not a unit's number and not the end of a range (``1990-2023``)."""
    plain, previous_end = None, None
    for m in _DATE_SPAN_RE.finditer(text):
        before, after = _own_text(text, m.start(), m.end())
        if previous_end is not None and previous_end > m.start() - len(before):
            before = text[previous_end : m.start()]  # the words since the last date only
        range_end = previous_end is not None and _RANGE_END_RE.match(before)
        previous_end = m.end()
        if range_end or _UNIT_BEFORE_RE.search(before):
            continue
        if m.start() == 0 and _ROW_NUMBER_RE.match(text):
            continue
        date = _readable(m.group(0))
        if date is None:
            continue
        if _BIRTH_BEFORE_RE.search(before) or _BIRTH_AFTER_RE.match(after):
            return date
        if _tells_event(before) or _EVENT_AFTER_RE.match(text, m.end(), m.end() + _AROUND):
            continue
        if plain is None:
            plain = date
    return plain


def _tells_event(before: str) -> bool:
    return any(_is_event_word(before, e) for e in itertools.islice(_EVENT_RE.finditer(before), 8))


def _readable(span: str) -> str | None:
    """A date span as the date parser reads it, or its year alone (``12 дек. 1990``
    if the month were unknown), or None."""
    if len(span) == 2:  # a two-digit year, found only before г.р.
        span += " г.р."
    if parse_date(span) is not None:
        return span
    year = re.search(r"(?:18|19|20)\d{2}", span)
    return year.group(0) if year and parse_date(year.group(0)) else None


def _birth_place(text: str) -> str | None:
    m = _PLACE_MARKER_RE.search(text)
    if m is None:
        return None
    _, after = _own_text(text, m.end(), m.end())
    cut = [len(after)]
    for pattern in (_DATE_SPAN_RE, _EVENT_RE, _UNIT_RE):
        found = pattern.search(after)
        if found:
            cut.append(found.start())
    place = after[: min(cut)].strip(" .:-")
    return place if place and not DIGIT_RE.match(place) else None


def extras(text: str | None) -> Extras:
    """What a name column holds besides the name, as texts for their own parsers:
    ``Иванов Иван Иванович, 12.03.1990 г.р., уроженец г. Курск, погиб 05.06.2023, в/ч
    12345`` -> (``12.03.1990``, ``г. Курск``, ``в/ч 12345``). The birth date is the
    first date announced as one, else the first that is not a death's, a capture's or a
    call-up's (``погиб``, ``пропал``, ``в плену``, ``мобилизован``, ``†``) nor the end
    of a range (``1990-2023``); the place follows ``уроженец``, ``родом из``, ``native
    of``; a unit needs its prefix (``в/ч``, ``military unit``)."""
    digits = bool(text) and DIGIT_RE.search(text) is not None
    if not text or (not digits and not has_aside(text)):
        return Extras()
    unit = _UNIT_RE.search(text)
    return Extras(
        _birth_date(text) if digits else None,
        _birth_place(text),
        unit.group(0).strip() if unit else None,
    )
