"""Given names and patronymics: one canonical name-group id per name.

The name groups come from two places. rigour's Wikidata-derived name symbols
link diminutives (Саша, Лёша), Latin spellings (Alexey, Oleksii, Iurii) and
Russian/Ukrainian pairs (Алексей/Олексій); our curated tables in ``data/`` name
each group, give its Russian and Ukrainian forms and sex, add what rigour
misses (Шура, Трохим, Хома), and derive patronymics. rigour is loaded only when
a name is not in our tables, because building its tagger takes seconds.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kintrace.names.context import FEMALE_PARTICLE_ENDINGS, PARTICLE_ENDINGS
from kintrace.names.normalise import normalise_word, script_of
from kintrace.names.phonetic import phonetic_key
from kintrace.names.translit import SCHEMES, canon_romanise


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A name resolved to a group: ``group`` id, ``sex`` of the form (None if either)."""

    group: str
    sex: str | None
    how: str  # "table", "spelling", "wikidata" or "sound": which evidence resolved it
    related: tuple[str, ...] = ()


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("kintrace.names.data").joinpath(name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True, slots=True)
class _Form:
    group: str
    sex: str | None
    lang: str


@cache
def _given_forms() -> dict[str, _Form]:
    """Normalised Cyrillic form -> group, from ``given_names.csv`` and ``given_aliases.csv``."""
    forms: dict[str, _Form] = {}
    for row in _rows("given_names.csv"):
        for lang in ("ru", "uk"):
            for form in row[lang].split("|"):
                forms.setdefault(normalise_word(form), _Form(row["group"], row["sex"], lang))
    for row in _rows("given_aliases.csv"):
        forms.setdefault(
            normalise_word(row["form"]), _Form(row["group"], row["sex"] or None, row["lang"])
        )
    return forms


@cache
def is_given_form(word: str) -> bool:
    """True when a normalised Cyrillic word is a given-name form in our tables."""
    return word in _given_forms()


@cache
def _given_form_table() -> dict[str, tuple[frozenset[str], frozenset[str | None]]]:
    """Normalised form -> (the languages, the sexes) our tables list it under."""
    langs: dict[str, set[str]] = defaultdict(set)
    sexes: dict[str, set[str | None]] = defaultdict(set)
    for row in _rows("given_names.csv"):
        for lang in ("ru", "uk"):
            for form in row[lang].split("|"):
                langs[normalise_word(form)].add(lang)
                sexes[normalise_word(form)].add(row["sex"] or None)
    for row in _rows("given_aliases.csv"):
        langs[normalise_word(row["form"])].add(row["lang"])
        sexes[normalise_word(row["form"])].add(row["sex"] or None)
    return {w: (frozenset(langs[w]), frozenset(sexes[w])) for w in langs}


def given_form_languages(word: str) -> frozenset[str]:
    """Languages (``ru``, ``uk``, ``en``) whose given-name forms in our tables include
    the normalised ``word``; empty when the tables do not list it."""
    found = _given_form_table().get(word)
    return found[0] if found else frozenset()


def given_form_sex(word: str) -> str | None:
    """Sex of a given-name form in our tables (None when either, or not listed)."""
    found = _given_form_table().get(word)
    if not found or len(found[1]) != 1:
        return None
    return next(iter(found[1]))


@cache
def _related() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for row in _rows("given_related.csv"):
        out[row["group"]].append(row["related"])
    return {k: tuple(v) for k, v in out.items()}


def related_groups(group: str) -> tuple[str, ...]:
    """Name groups related to ``group`` by the curated table (``egor`` -> ``georgiy``)."""
    return _related().get(group, ())


@cache
def group_sexes() -> dict[str, frozenset[str]]:
    """Group id -> the sexes that have a form in the group."""
    out: dict[str, set[str]] = defaultdict(set)
    for form in _given_forms().values():
        if form.sex:
            out[form.group].add(form.sex)
    return {k: frozenset(v) for k, v in out.items()}


def _romanisations(form: str, lang: str) -> set[str]:
    """Every romanisation of a Cyrillic form under the schemes for its language."""
    prefix = "uk-" if lang == "uk" else "ru-"
    out = {canon_romanise(form)}
    for name, fn in SCHEMES.items():
        if name.startswith(prefix):
            latin = normalise_word(fn(form))
            if latin.isascii():
                out.add(latin)
    return out


def _spelling_indexes(
    forms: dict[str, _Form],
) -> tuple[dict[str, set[tuple[str, str | None]]], dict[str, set[tuple[str, str | None]]]]:
    spellings: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    sounds: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for form, info in forms.items():
        for latin in _romanisations(form, info.lang):
            spellings[latin].add((info.group, info.sex))
            sounds[phonetic_key(latin)].add((info.group, info.sex))
        sounds[phonetic_key(form)].add((info.group, info.sex))
    return spellings, sounds


@cache
def _given_spellings() -> tuple[
    dict[str, set[tuple[str, str | None]]], dict[str, set[tuple[str, str | None]]]
]:
    return _spelling_indexes(_given_forms())


def _pick(candidates: set[tuple[str, str | None]], how: str) -> NameMatch | None:
    groups = {g for g, _ in candidates}
    if len(groups) != 1:
        return None
    group = groups.pop()
    sexes = {s for _, s in candidates}
    sex = sexes.pop() if len(sexes) == 1 else None
    return NameMatch(group, sex, how, _related().get(group, ()))


# rigour's name tagger: built on first use (several seconds), then ~0.1 ms a look-up.
@cache
def _rigour_group_symbols() -> dict[str, set[tuple[str, str | None]]]:
    """Wikidata symbol id -> the (group, sex) pairs whose table forms carry it."""
    out: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for form, info in _given_forms().items():
        for sym in _rigour_symbols(form):
            out[sym].add((info.group, info.sex))
    for row in _rows("given_names.csv"):  # the ё spellings that the tables fold away
        if "ё" in row["ru"]:
            for sym in _rigour_symbols(row["ru"].split("|")[0].lower()):
                out[sym].add((row["group"], row["sex"]))
    return out


@lru_cache(maxsize=100_000)
def _rigour_symbols(word: str) -> frozenset[str]:
    from rigour.names import NameTypeTag, analyze_names

    if not word.isascii():
        try:
            word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: rigour's core cannot take it
            return frozenset()
    names = analyze_names(NameTypeTag.PER, [word], consolidate=False, phonetics=False)
    return frozenset(
        sym.id for name in names for sym in name.symbols if sym.category.value == "NAME"
    )


def _yo_variants(word: str) -> list[str]:
    """The word with one е turned into ё (rigour knows Лёша, not Леша)."""
    return [word[:i] + "ё" + word[i + 1 :] for i, ch in enumerate(word) if ch == "е"]


class WikidataPending(Exception):
    """A look-up in rigour's tagger that this process defers (see :func:`defer_wikidata`)."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


# Answers from rigour computed elsewhere (another process), and whether a word without
# one raises WikidataPending instead of building the tagger here.
_WIKIDATA_FOUND: dict[str, NameMatch | None] = {}
_WIKIDATA_DEFERRED = [False]


def defer_wikidata(defer: bool, found: dict[str, NameMatch | None] | None = None) -> None:
    """Take rigour's answers for ``found`` words as given; while ``defer``, a word that has
    none raises :class:`WikidataPending` rather than building the tagger (seconds).

    The caches above rigour are ``lru_cache``: they keep no entry for a call that raised,
    so a name computed again once the answer is in gets the result it would have had.
    """
    if found:
        _WIKIDATA_FOUND.update(found)
    _WIKIDATA_DEFERRED[0] = defer


def wikidata_matches(words: Iterable[str]) -> dict[str, NameMatch | None]:
    """rigour's name group for each word (loads the tagger): the answers that
    :func:`defer_wikidata` takes."""
    return {word: _wikidata_look_up(word) for word in words}


def _wikidata_match(word: str) -> NameMatch | None:
    if word in _WIKIDATA_FOUND:
        return _WIKIDATA_FOUND[word]
    if _WIKIDATA_DEFERRED[0]:
        raise WikidataPending(word)
    return _wikidata_look_up(word)


def _wikidata_look_up(word: str) -> NameMatch | None:
    symbols = _rigour_symbols(word)
    if not symbols:
        for variant in _yo_variants(word):
            symbols = _rigour_symbols(variant)
            if symbols:
                break
    if not symbols:
        return None
    index = _rigour_group_symbols()
    votes: dict[str, int] = defaultdict(int)
    sexes: dict[str, set[str | None]] = defaultdict(set)
    for sym in symbols:
        for group, sex in index.get(sym, ()):
            votes[group] += 1
            sexes[group].add(sex)
    if not votes:
        return None
    ranked = sorted(votes, key=lambda g: (-votes[g], g))
    best = ranked[0]
    ties = tuple(g for g in ranked[1:] if votes[g] == votes[best])
    ties += tuple(g for g in _related().get(best, ()) if g not in ties)
    sex_set = sexes[best]
    sex = next(iter(sex_set)) if len(sex_set) == 1 else None
    return NameMatch(best, sex, "wikidata", ties)


@lru_cache(maxsize=100_000)
def given_match(word: str) -> NameMatch | None:
    """Resolve one normalised given name in the nominative to its name group.

    Order: our table (Cyrillic forms and curated aliases); romanisations of the
    table forms under the known schemes; rigour's Wikidata name groups (with
    ``е`` -> ``ё`` retried); the phonetic key of the table forms when it points
    to one group only. ``None`` when nothing knows the name.
    """
    if not word or len(word) < 2:
        return None
    form = _given_forms().get(word)
    if form is not None:
        sex = form.sex if form.sex else None
        return NameMatch(form.group, sex, "table", _related().get(form.group, ()))
    spellings, sounds = _given_spellings()
    if word in spellings:
        match = _pick(spellings[word], "spelling")
        if match is not None:
            return match
    match = _wikidata_match(word)
    if match is not None:
        return match
    return _pick(sounds.get(phonetic_key(word), set()), "sound")


def warm_up(*, wikidata: bool = True) -> None:
    """Load the tables (and rigour's tagger when ``wikidata``) ahead of a batch."""
    _given_spellings()
    _patronymic_spellings()
    if wikidata:
        _rigour_group_symbols()


@lru_cache(maxsize=100_000)
def given_match_offline(word: str) -> NameMatch | None:
    """:func:`given_match` without rigour: our table, its romanisations and sound keys only."""
    if not word or len(word) < 2:
        return None
    form = _given_forms().get(word)
    if form is not None:
        return NameMatch(form.group, form.sex or None, "table", _related().get(form.group, ()))
    spellings, sounds = _given_spellings()
    return _pick(spellings.get(word, set()), "spelling") or _pick(
        sounds.get(phonetic_key(word), set()), "sound"
    )


def group_initial(group: str) -> str:
    """One ASCII letter for a group id or romanised name (``evgeniy`` -> ``e``)."""
    return group[:1]


# --- patronymics -----------------------------------------------------------

_RU_SOFT = "жшчщц"


def _ru_patronymics(name: str) -> list[tuple[str, str]]:
    """Regular Russian patronymics (male, female) of a normalised given name."""
    if name.endswith("ий"):
        stem = name[:-2]
        return [(stem + "ьевич", stem + "ьевна"), (stem + "иевич", stem + "иевна")]
    if name.endswith(("ей", "ай", "яй", "ой")):
        stem = name[:-1]
        return [(stem + "евич", stem + "евна")]
    if name.endswith("ь"):
        return [(name[:-1] + "евич", name[:-1] + "евна")]
    if name.endswith(("а", "я")):
        stem = name[:-1]
        return [(stem + "ич", stem + "ична")]
    if name.endswith(tuple(_RU_SOFT)):
        return [(name + "евич", name + "евна")]
    return [(name + "ович", name + "овна")]


def _uk_patronymics(name: str) -> list[tuple[str, str]]:
    """Regular Ukrainian patronymics (male, female) of a normalised given name."""
    if name.endswith("ій"):
        stem = name[:-1]
        return [(stem + "йович", stem + "ївна")]
    if name.endswith("й"):
        return [(name + "ович", name[:-1] + "ївна")]
    if name.endswith("ь"):
        return [(name + "ович", name[:-1] + "івна")]
    if name.endswith(("о", "а")):
        stem = name[:-1]
        return [(stem + "ович", stem + "івна")]
    return [(name + "ович", name + "івна")]


@cache
def _patronymic_forms() -> dict[str, _Form]:
    """Normalised Cyrillic patronymic -> (father's name group, sex of the bearer)."""
    forms: dict[str, _Form] = {}
    for row in _rows("patronymic_exceptions.csv"):
        forms[normalise_word(row["male"])] = _Form(row["group"], "m", row["lang"])
        forms[normalise_word(row["female"])] = _Form(row["group"], "f", row["lang"])
    for row in _rows("given_names.csv"):
        if row["sex"] != "m":
            continue
        for lang, derive in (("ru", _ru_patronymics), ("uk", _uk_patronymics)):
            for name in row[lang].split("|"):
                for male, female in derive(normalise_word(name)):
                    forms.setdefault(male, _Form(row["group"], "m", lang))
                    forms.setdefault(female, _Form(row["group"], "f", lang))
    return forms


@cache
def _patronymic_spellings() -> tuple[
    dict[str, set[tuple[str, str | None]]], dict[str, set[tuple[str, str | None]]]
]:
    return _spelling_indexes(_patronymic_forms())


_CYR_SUFFIXES = (
    "ьевич", "ьевна", "иевич", "иевна", "ійович", "іївна", "ьович", "ович", "овна",
    "евич", "евна", "івна", "ївна", "инична", "ична", "ич", *PARTICLE_ENDINGS,
)  # fmt: skip
_LAT_SUFFIXES = (
    "yevich", "ievich", "yevna", "ievna", "iyovych", "iiovych", "iivna", "yivna", "ovich",
    "ovych", "ovitch", "owitsch", "ovna", "evich", "evych", "evna", "ivna", "inichna",
    "ichna", "ich", "ych", *PARTICLE_ENDINGS,
)  # fmt: skip


def patronymic_sex(word: str) -> str | None:
    """Sex of the bearer from a patronymic ending (``-вич``/``-ич`` m, ``-вна``/``-ична`` f,
    ``-оглы`` m, ``-кызы`` f)."""
    if "-" in word and word.endswith(PARTICLE_ENDINGS):  # Turkic: father's name and particle
        return "f" if word.endswith(FEMALE_PARTICLE_ENDINGS) else "m"
    if word.endswith(("на", "na")):
        return "f"
    if word.endswith(("ич", "ich", "ych", "itch", "itsch")):
        return "m"
    return None


def looks_like_patronymic(word: str) -> bool:
    """True when a normalised word ends like a patronymic (and is long enough to be one)."""
    if len(word) < 5:
        return False
    return word.endswith(_CYR_SUFFIXES) or word.endswith(_LAT_SUFFIXES)


def patronymic_base(word: str) -> str:
    """The father's-name part of a patronymic, suffix removed (``рустамовна`` -> ``рустам``)."""
    suffixes = _CYR_SUFFIXES if script_of(word) == "cyrillic" else _LAT_SUFFIXES
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=100_000)
def patronymic_match(word: str) -> NameMatch | None:
    """Resolve a normalised nominative patronymic to the father's name group.

    The sex in the result is the bearer's, read from the ending. ``None`` when
    the father's name is not in our tables (then use :func:`patronymic_base`).
    """
    form = _patronymic_forms().get(word)
    if form is not None:
        return NameMatch(form.group, form.sex, "table")
    spellings, sounds = _patronymic_spellings()
    for index, how in ((spellings, "spelling"), (sounds, "sound")):
        key = word if index is spellings else phonetic_key(word)
        match = _pick(index.get(key, set()), how)
        if match is not None:
            return NameMatch(match.group, patronymic_sex(word), how)
    return None


def all_given_forms() -> list[tuple[str, str, str | None, str]]:
    """(form, group, sex, lang) for every Cyrillic form in our tables (for tests and benches)."""
    return [(f, i.group, i.sex, i.lang) for f, i in _given_forms().items()]


def all_patronymic_forms() -> list[tuple[str, str, str | None, str]]:
    """(form, group, sex, lang) for every derived patronymic (for tests and benches)."""
    return [(f, i.group, i.sex, i.lang) for f, i in _patronymic_forms().items()]


__all__ = [
    "NameMatch",
    "WikidataPending",
    "all_given_forms",
    "all_patronymic_forms",
    "defer_wikidata",
    "given_form_languages",
    "given_form_sex",
    "given_match",
    "given_match_offline",
    "group_initial",
    "group_sexes",
    "is_given_form",
    "looks_like_patronymic",
    "patronymic_base",
    "patronymic_match",
    "patronymic_sex",
    "warm_up",
    "wikidata_matches",
]
