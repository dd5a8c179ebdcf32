"""Declined Cyrillic names back to the nominative, with one sex and case for the whole name.

pymorphy3 analyses each word; its plain lemma is wrong for women (the lemma of
``Иванова`` is ``иванов``) and it knows each word alone. Here every word gets a
set of readings (role, case, sex, nominative in that sex), and :func:`agree`
picks the one case and sex that the surname, given name and patronymic share,
so ``Иванова Алексея Петровича`` becomes ``Иванов Алексей Петрович`` (genitive)
while ``Иванова Мария`` stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import pymorphy3

from kintrace.names.variants import given_form_languages, given_form_sex

ROLES = ("surname", "given", "patronymic")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
_TAG_ROLE = {"Surn": "surname", "Name": "given", "Patr": "patronymic"}
_UK_ONLY = set("іїєґ'")
_RU_ONLY = set("ыэъ")


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a word: as ``role`` in ``case``, for a person of ``sex``."""

    role: str
    case: str
    sex: str | None  # None: the form serves either sex (Коваленко, Саша)
    nominative: str
    weight: float  # 1 for a dictionary name reading, less for guesses


@cache
def _analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


def load_analyzers() -> None:
    """Load the Russian and Ukrainian dictionaries (0.2 s), as a parent does before it
    forks workers: they share one copy instead of each reading its own."""
    _analyzer("ru")
    _analyzer("uk")


def word_language(word: str) -> str | None:
    """``"uk"`` or ``"ru"`` when letters decide it (і ї є ґ ', or ы э ъ), else None."""
    letters = set(word)
    if letters & _UK_ONLY:
        return "uk"
    if letters & _RU_ONLY:
        return "ru"
    return None


def _sex(tag: pymorphy3.analyzer.OpencorporaTag) -> str | None:
    if tag.gender == "masc":
        return "m"
    if tag.gender == "femn":
        return "f"
    return None


def _nominative(parse: pymorphy3.analyzer.Parse, extra: frozenset[str] = frozenset()) -> str:
    if parse.tag.case == "nomn" and extra <= parse.tag.grammemes:
        # Already the form wanted; inflecting a guessed word may change it (the Ukrainian
        # dictionary "inflects" Воробьева to Воробьевий).
        return parse.word.replace("ё", "е")
    inflected = parse.inflect({"nomn", "sing"} | extra)
    word = inflected.word if inflected is not None else parse.normal_form
    return word.replace("ё", "е")


# Weight of a name reading that the dictionary guessed from the word's ending: the
# Russian dictionary reads Бондар as a man's given name and Игря (a slip for Игоря) as
# a woman's, by analogy; such a guess must not outweigh a name the dictionary knows.
GUESS_WEIGHT = 0.5


def _name_readings(parse: pymorphy3.analyzer.Parse) -> list[Reading]:
    role = next((r for t, r in _TAG_ROLE.items() if t in parse.tag), None)
    if role is None or parse.tag.number == "plur" or parse.tag.case is None:
        return []
    sex = _sex(parse.tag)
    weight = 1.0 if parse.is_known else GUESS_WEIGHT
    if "Fixd" in parse.tag:
        # Indeclinable for this sex (Коваленко, Ковальчук for a woman): nominative as written.
        return [Reading(role, parse.tag.case, sex, parse.word.replace("ё", "е"), weight)]
    return [Reading(role, parse.tag.case, sex, _nominative(parse), weight)]


def _word_readings(parse: pymorphy3.analyzer.Parse) -> list[Reading]:
    """Surname readings of common words (Лебедь, Белая, Перепелица) missing from the name lists."""
    tag = parse.tag
    if tag.case is None or tag.number == "plur":
        return []
    if tag.POS == "NOUN":
        # A noun surname keeps its own gender whatever the bearer's sex.
        return [Reading("surname", tag.case, None, _nominative(parse), 0.6)]
    if tag.POS == "ADJF" and tag.gender in ("masc", "femn"):
        sex = _sex(tag)
        return [Reading("surname", tag.case, sex, _nominative(parse, frozenset({tag.gender})), 0.6)]
    return []


# Readings computed in other processes of a batch (see share_readings), used first.
_SHARED: dict[tuple[str, str], tuple[Reading, ...]] = {}


def share_readings(found: list[tuple[str, str, tuple[tuple, ...]]]) -> None:
    """Take readings computed elsewhere, as ``(word, lang, ((role, case, sex, nominative,
    weight), ...))``: a batch splits the dictionary work between its workers once."""
    for word, lang, items in found:
        _SHARED[word, lang] = tuple(Reading(*item) for item in items)


def readings_as_tuples(word: str, lang: str) -> tuple[tuple, ...]:
    """:func:`readings` as plain tuples, for sending to another process."""
    # str(): pymorphy's grammemes are str subclasses that do not pickle
    return tuple(
        (r.role, str(r.case), r.sex, str(r.nominative), r.weight) for r in readings(word, lang)
    )


@lru_cache(maxsize=200_000)
def readings(word: str, lang: str) -> tuple[Reading, ...]:
    """All name readings of a normalised Cyrillic word in ``lang`` (``ru`` or ``uk``), cached."""
    shared = _SHARED.get((word, lang))
    if shared is not None:
        return shared
    parses = _analyzer(lang).parse(word)
    out: dict[tuple[str, str, str | None], Reading] = {}
    for parse in parses:
        for reading in _name_readings(parse):
            out.setdefault((reading.role, reading.case, reading.sex), reading)
    if given_form_languages(word):
        # A form our tables list is a given name in the nominative, whatever else the
        # dictionary reads it as (Ukrainian Микита is not the genitive of a Russian Микит).
        sex = given_form_sex(word)
        out.setdefault(("given", "nomn", sex), Reading("given", "nomn", sex, word, 1.0))
    else:
        _weaken_rare_nominatives(out)
    if not any(r.role == "surname" for r in out.values()):
        for parse in parses:
            if parse.score < 0.01:
                continue
            for reading in _word_readings(parse):
                out.setdefault((reading.role, reading.case, reading.sex), reading)
    return tuple(out.values())


def _weaken_rare_nominatives(out: dict[tuple[str, str, str | None], Reading]) -> None:
    """A given name our tables do not list, read in the nominative, weighs as a guess when
    the word is also a case of a name they do list: the dictionary knows rare women's
    names Георгия, Дмитрия, Артема, but ``Фролова Георгия`` is Георгий Фролов's genitive."""
    if not any(
        r.role == "given" and r.case != "nomn" and given_form_languages(r.nominative)
        for r in out.values()
    ):
        return
    for key, r in out.items():
        if r.role == "given" and r.case == "nomn":
            out[key] = Reading(r.role, r.case, r.sex, r.nominative, min(r.weight, GUESS_WEIGHT))


@dataclass(frozen=True, slots=True)
class Agreement:
    """The case and sex chosen for a whole name, with each word's nominative."""

    case: str
    sex: str | None
    nominatives: tuple[str, ...]
    score: float


_UNKNOWN = 0.25  # a word with no reading in this role, in the nominative: kept as written
_NOMN_BONUS = 0.3  # lists mostly use the nominative; a lone Иванова is a woman
_COMBOS = tuple((case, sex) for case in CASES for sex in ("m", "f"))


# Distinct score vectors are few (a word's readings fall into a handful of shapes), so
# each gets a small id and the best combination is computed once per tuple of ids.
_SCORE_IDS: dict[tuple[float, ...], int] = {}
_SCORES: list[tuple[float, ...]] = []


def _score_id(scores: tuple[float, ...]) -> int:
    found = _SCORE_IDS.get(scores)
    if found is None:
        found = _SCORE_IDS[scores] = len(_SCORES)
        _SCORES.append(scores)
    return found


@lru_cache(maxsize=300_000)
def _profile(word: str, lang: str, role: str) -> tuple[int, tuple[str, ...], bool]:
    """Per (case, sex) combination: the id of the word's scores in ``role``, its
    nominatives, and whether the word has any reading at all."""
    index = {(r.role, r.case, r.sex): r for r in readings(word, lang)}
    # A word the dictionary reads in this role, but not in this case and sex, does not fit
    # it (Никитича is no nominative); only a word unknown in the role may stand as written.
    unknown = 0.0 if any(r == role for r, _, _ in index) else _UNKNOWN
    scores: list[float] = []
    noms: list[str] = []
    for case, sex in _COMBOS:
        reading = index.get((role, case, sex)) or index.get((role, case, None))
        if reading is None:
            scores.append(unknown if case == "nomn" else 0.0)
            noms.append(word)
        else:
            scores.append(reading.weight)
            noms.append(reading.nominative)
    return _score_id(tuple(scores)), tuple(noms), bool(index)


@lru_cache(maxsize=100_000)
def _best(score_ids: tuple[int, ...]) -> tuple[int, float]:
    """Index into ``_COMBOS`` of the best total for these words' scores, and the total."""
    totals = [sum(col) for col in zip(*(_SCORES[i] for i in score_ids), strict=True)]
    totals[0] += _NOMN_BONUS
    totals[1] += _NOMN_BONUS
    best = max(range(len(_COMBOS)), key=totals.__getitem__)
    return best, totals[best]


def agree(words: tuple[str, ...], roles: tuple[str, ...], lang: str) -> Agreement:
    """Pick the one case and sex that fit all ``words`` in their ``roles`` best.

    Each word scores its reading's weight in the candidate case and sex, or a
    small constant in the nominative when it has none (a word unknown to the
    dictionary is kept as written); the nominative gets a bonus, because lists
    mostly use it and a lone ``Иванова`` is more likely a woman than the
    genitive of ``Иванов``. Ties go to the nominative, then to the masculine.
    """
    profiles = [_profile(w, lang, r) for w, r in zip(words, roles, strict=True)]
    if not any(known for _, _, known in profiles):
        return Agreement("nomn", None, words, 0.0)
    best, score = _best(tuple([p[0] for p in profiles]))
    case, sex = _COMBOS[best]
    return Agreement(case, sex, tuple([p[1][best] for p in profiles]), score)


def nominatives(words: tuple[str, ...], roles: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The nominatives of :func:`agree` alone (the form parsing needs, made faster)."""
    profiles = [_profile(w, lang, r) for w, r in zip(words, roles, strict=True)]
    if not any([p[2] for p in profiles]):
        return words
    best = _best(tuple([p[0] for p in profiles]))[0]
    return tuple([p[1][best] for p in profiles])


@lru_cache(maxsize=300_000)
def role_weights(word: str, lang: str) -> dict[str, float]:
    """How well ``word`` fits each role in any case: 1 for a dictionary name reading."""
    out = dict.fromkeys(ROLES, 0.0)
    for reading in readings(word, lang):
        out[reading.role] = max(out[reading.role], reading.weight)
    return out
