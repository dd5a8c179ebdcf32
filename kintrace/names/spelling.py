"""A slip inside a given name, put right when nothing else knows the word.

Families and clerks mistype given names (``Ннколай``, ``Алексаднр``, ``Prvlo``),
and a declined slip (``Генндия`` for ``Геннадия``) has no nominative of its own.
Such a word is unknown to the dictionaries, to our tables and to rigour, so it
would stay a name of its own and contradict the right spelling on the other
list. Here it is compared with every form our tables know: the Cyrillic forms
in all six cases of their language (pymorphy3 declines them) and the Latin
spellings under every romanisation scheme. When the nearest forms are one or
two edits away (transpositions count once), keep the first letter and all
belong to one name group, the word is read as the nearest form. A word that
any dictionary or table knows is never changed, so Мария never becomes Дарья.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from kintrace.names.declension import CASES, _analyzer, role_weights
from kintrace.names.normalise import normalise_word, script_of
from kintrace.names.variants import _given_forms, _given_spellings, given_match, is_given_form

# Edits allowed: one in a name of up to six letters, two in a longer one.
LONG_NAME = 7
SHORTEST = 4  # three letters are one slip from too many names


def _declined(form: str, lang: str) -> set[str]:
    """The singular case forms of a given name in the nominative, by its dictionary."""
    out = {form}
    for parse in _analyzer(lang).parse(form):
        if "Name" not in parse.tag or not parse.is_known or parse.tag.case != "nomn":
            continue
        for case in CASES[1:]:
            inflected = parse.inflect({case, "sing"})
            if inflected is not None:
                out.add(normalise_word(inflected.word))
        break
    return out


@cache
def _vocabulary(script: str) -> tuple[dict[str, list[str]], dict[str, str | None]]:
    """Known forms by first letter, and the one name group of each (None when forms of
    several groups are written alike)."""
    groups: dict[str, set[str]] = defaultdict(set)
    if script == "cyrillic":
        for form, info in _given_forms().items():
            langs = ("ru", "uk") if info.lang not in ("ru", "uk") else (info.lang,)
            for lang in langs:
                for word in _declined(form, lang):
                    groups[word].add(info.group)
    else:
        for spelling, found in _given_spellings()[0].items():
            groups[spelling].update(group for group, _ in found)
    by_letter: dict[str, list[str]] = defaultdict(list)
    for word in sorted(groups):
        by_letter[word[:1]].append(word)
    one = {w: (next(iter(g)) if len(g) == 1 else None) for w, g in groups.items()}
    return dict(by_letter), one


def warm_up() -> None:
    """Build both vocabularies ahead of a batch (about a second)."""
    _vocabulary("cyrillic")
    _vocabulary("latin")


def is_unknown_given(word: str) -> bool:
    """True when no table, dictionary reading or rigour group knows ``word`` (normalised,
    possibly declined) as a given name."""
    if is_given_form(word):
        return False
    if script_of(word) == "cyrillic":
        langs = ("uk",) if set(word) & set("іїєґ'") else ("ru", "uk")
        if any(role_weights(word, lang)["given"] >= 1.0 for lang in langs):
            return False
    return given_match(word) is None


@lru_cache(maxsize=50_000)
def given_corrections(word: str) -> tuple[str, ...]:
    """The known forms a mistyped given name may stand for, nearest first; empty when none.

    ``word`` is normalised (lower case, ``ё`` -> ``е``). Only a word that
    :func:`is_unknown_given` finds unknown is corrected, and only to the nearest
    known forms when they keep its first letter and belong to one name group. Several
    forms are cases of one name (``Павелу`` is one slip from ``Павлу`` and ``Павел``):
    the rest of the name chooses between them.
    """
    script = script_of(word)
    if len(word) < SHORTEST or script not in ("cyrillic", "latin") or not is_unknown_given(word):
        return ()
    by_letter, group_of = _vocabulary(script)
    budget = 2 if len(word) >= LONG_NAME else 1
    found = process.extract(
        word, by_letter.get(word[:1], ()), scorer=OSA.distance, score_cutoff=budget, limit=None
    )
    if not found:
        return ()
    nearest = min(distance for _, distance, _ in found)
    forms = tuple(sorted(form for form, distance, _ in found if distance == nearest))
    groups = {group_of[form] for form in forms}
    if len(groups) != 1 or None in groups:
        return ()
    return forms
