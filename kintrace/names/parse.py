"""Parse a person's full name in any script, case and order into its parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kintrace.names.context import DIGIT_RE, join_particles, name_only
from kintrace.names.declension import agree, nominatives, role_weights, word_language
from kintrace.names.normalise import normalise_text, script_of, title_word, unify_marks
from kintrace.names.spelling import given_corrections
from kintrace.names.variants import (
    given_form_languages,
    given_match,
    given_match_offline,
    is_given_form,
    looks_like_patronymic,
    patronymic_sex,
)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A person's name split into parts.

    ``surname``, ``given_name`` and ``patronymic`` are in the nominative, in the
    script they were written in, normalised (``ё`` -> ``е``, apostrophes
    unified) and title-cased; None when absent or given only as an initial.
    ``given_initial`` and ``patronymic_initial`` are one upper-case letter in the
    original script, from an initial (``А.П.``) or the first letter of the part.
    ``alternates`` are the spellings given in brackets (``Sokolov (SOKOLOFF)``)
    and ``alternate_roles`` says which part each one is an alternate of.
    ``sex`` is ``"m"``, ``"f"`` or None; ``script`` is ``"cyrillic"``,
    ``"latin"`` or ``"mixed"``; ``language_hint`` is ``"ru"``, ``"uk"`` or None
    when the letters, the dictionaries or the patronymic ending tell.
    """

    surname: str | None = None
    given_name: str | None = None
    patronymic: str | None = None
    given_initial: str | None = None
    patronymic_initial: str | None = None
    alternates: tuple[str, ...] = ()
    sex: str | None = None
    script: str = "latin"
    language_hint: str | None = None
    alternate_roles: tuple[str, ...] = ()


_BRACKETS_RE = re.compile(r"\s*[(\[]([^)\]]*)[)\]]")
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]?$|^[^\W\d_]$")
_SPLIT_INITIALS_RE = re.compile(r"[^\W\d_]{1,2}(?=\.|$)")
_DIGRAPH_INITIALS = {"yu", "ya", "ye", "yo", "zh", "kh", "ch", "sh", "ts", "ju", "ja", "je"}
_NOISE_RE = re.compile(r"[^\w\s'.,\-]")
_NOT_A_SPELLING_RE = re.compile(
    r"\s*(?:позывной|позивний|call ?sign|кличка|прозвище|nickname|nom de guerre)\b", re.I
)

S, G, P = "surname", "given", "patronymic"

# What lists write where a part of the name is not known: read as missing, never as a
# name (a patronymic "нет" against "Иванович" is no contradiction). Compared lower-case,
# punctuation read as spaces; a value without a letter ("-", "?", "—") is missing too.
_MISSING = frozenset(
    {
        "нет", "нету", "н/д", "нет данных", "не указано", "не указан", "не указана",
        "неизвестно", "неизв", "не известно", "неизвестен", "отсутствует", "без отчества",
        "б/о", "немає", "немає даних", "не вказано", "невідомо", "відсутнє", "відсутня",
        "відсутній", "без по батькові", "unknown", "unk", "n/a", "none", "null",
        "not known", "not stated", "not specified", "xxx",
    }
)  # fmt: skip
# Not in it: what may be initials or a short name ("Н. Д.", "N.A.", "Nil", "Na", "X").
# The same for a whole name: an unknown person is no surname Неизвестный.
_MISSING_NAME = _MISSING | {
    "неизвестный", "неизвестная", "неизвестный солдат", "невідомий", "невідома",
    "невідомий солдат", "unknown soldier", "unidentified", "неопознанный", "неопознанная",
    "не опознан", "не опознана", "невстановлений", "невстановлена",
}  # fmt: skip
_PUNCTUATION_RE = re.compile(r"[^\w\s/]")
_has_letter = re.compile(r"[^\W\d_]").search


def _missing(value: str, table: frozenset[str] = _MISSING) -> bool:
    """Whether a column's value says that the part is not known."""
    if not _has_letter(value):
        return True
    return " ".join(_PUNCTUATION_RE.sub(" ", value.lower()).split()) in table


# Orders met in lists, with a prior: official lists put the surname first.
_PATTERNS: dict[int, tuple[tuple[tuple[str, ...], float], ...]] = {
    1: (((S,), 0.2), ((G,), 0.0)),
    2: (((S, G), 0.2), ((G, S), 0.1), ((G, P), 0.05)),
    3: (((S, G, P), 0.3), ((G, P, S), 0.2), ((G, S, P), 0.0)),
}

_F_SURNAME = ("ова", "ева", "ина", "ына", "ская", "цкая", "ская", "ська", "цька", "ая", "яя")
_M_SURNAME = ("ов", "ев", "ин", "ын", "ский", "цкий", "ський", "цький", "ой", "ый", "ий")
_F_SURNAME_LAT = ("ova", "eva", "ina", "yna", "skaya", "skaia", "skaja", "ska", "aya")
_M_SURNAME_LAT = ("ov", "ev", "in", "yn", "sky", "skiy", "skii", "skyi", "skij", "off")


def surname_sex(word: str) -> str | None:
    """Sex suggested by a surname ending (``-ова`` f, ``-ов`` m), None for ``-енко``, ``-чук``."""
    if word.endswith(_F_SURNAME) or word.endswith(_F_SURNAME_LAT):
        return "f"
    if word.endswith(_M_SURNAME) or word.endswith(_M_SURNAME_LAT):
        return "m"
    return None


def _split_alternates(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove bracketed alternates; return the text and (index of the word before, alternate)."""
    alternates: list[tuple[int, str]] = []
    parts: list[str] = []
    pos = 0
    for m in _BRACKETS_RE.finditer(text):
        parts.append(text[pos : m.start()])
        before = " ".join(parts).replace(",", " ").split()
        pos = m.end()
        if DIGIT_RE.search(m.group(1)) or _NOT_A_SPELLING_RE.match(m.group(1)):
            continue  # a unit or a date in brackets, a call sign: no spelling of the name
        for alt in m.group(1).replace(",", " ").split("/"):
            if alt.strip():
                alternates.append((len(before) - 1, alt.strip()))
    parts.append(text[pos:])
    return " ".join(parts), alternates


def _initials(token: str) -> list[str] | None:
    """The initials in a token (``А.П.`` -> [а, п], ``Yu.`` -> [yu]), None for a word.
    Two letters written as a capital and a small one are a name cut short (``Ив.`` for
    Иван or Иванович, ``Al.``): one initial."""
    if not _INITIALS_RE.match(token):
        return None
    found = _SPLIT_INITIALS_RE.findall(token)
    out = []
    for item in found:
        if len(item) == 2 and item.lower() not in _DIGRAPH_INITIALS:
            if item[0].isupper() and item[1].islower():
                out.append(item[0])
            else:
                out.extend(item)
        else:
            out.append(item)
    return [i.lower() for i in out]


_ROLE_INDEX = {S: 0, G: 1, P: 2}
# The same patterns with roles as indexes into a word's fits, for the scoring loop.
_INDEXED_PATTERNS = {
    n: tuple((roles, tuple(_ROLE_INDEX[r] for r in roles), prior) for roles, prior in pats)
    for n, pats in _PATTERNS.items()
}


# Distinct fit triples are few: each gets a small id, and the best order is computed
# once per tuple of ids.
_FIT_IDS: dict[tuple[float, float, float], int] = {}
_FITS: list[tuple[float, float, float]] = []


@lru_cache(maxsize=300_000)
def _fit_id(word: str, lang: str | None) -> int:
    """Id of how well a word fits each role (surname, given, patronymic), cached per word."""
    fits = (_fit(word, S, lang), _fit(word, G, lang), _fit(word, P, lang))
    found = _FIT_IDS.get(fits)
    if found is None:
        found = _FIT_IDS[fits] = len(_FITS)
        _FITS.append(fits)
    return found


def _fit(word: str, role: str, lang: str | None) -> float:
    """How well a word fits a role, from dictionaries and endings (0..1)."""
    if role == P and looks_like_patronymic(word):
        return 1.0
    if script_of(word) == "cyrillic":
        weights = role_weights(word, lang or "ru")
        if role == P:  # a declined patronymic (Александровичу) the dictionary knows
            return 1.0 if weights[P] >= 1.0 else 0.0
        if role == G and is_given_form(word):
            return 1.0
        return weights[role] if role == G else max(weights[S], 0.5 if not weights[G] else 0.3)
    if role == P:
        return 0.0
    if role == G:
        # Cheap look-up only: rigour is consulted for the word finally read as the given name.
        match = given_match_offline(word)
        return 0.0 if match is None else (1.0 if match.how != "sound" else 0.4)
    return 0.8 if surname_sex(word) or looks_like_patronymic(word) is False else 0.5


def _order(words: list[str], lang: str | None, surname_first: bool) -> tuple[str, ...]:
    n = len(words)
    if n == 0:  # only initials or punctuation were left
        return ()
    if n > 3:
        if looks_like_patronymic(words[-1]):
            return (S,) * (n - 2) + (G, P)
        return (S, G, P) + (S,) * (n - 3)
    if n == 2 and not surname_first and lang is None:
        found = _latin_pair_order(words[0], words[1])
        if found is not None:
            return found
    fit_ids = tuple([_fit_id(w, lang) for w in words])
    roles = _best_order(fit_ids, surname_first)
    return _double_surname(words, fit_ids, roles) if n == 3 else roles


def _double_surname(words: list[str], fit_ids: tuple[int, ...], roles: tuple[str, ...]):
    """(S, S, G) for three words read as surname, given name, father's name where the
    middle word is no given name we know and has a surname's ending, and the last is a
    given name and no father's name: a double surname written with a space (``Петров
    Водкин Кузьма``). A father's name without a suffix (``Рахимов Фаррух Анвар``) stays."""
    if roles == (S, G, P) and surname_sex(words[1]) is not None:
        middle, last = _FITS[fit_ids[1]], _FITS[fit_ids[2]]
        if middle[1] == 0.0 and last[1] == 1.0 and last[2] == 0.0:
            return (S, S, G)
    return roles


@lru_cache(maxsize=100_000)
def _latin_pair_order(first: str, second: str) -> tuple[str, ...] | None:
    """Two Latin words that our tables do not know as given names (``Michael Shestakov``):
    rigour's name groups decide which one is, None when they do not tell."""
    if _word_script(first) != "latin" or _word_script(second) != "latin":
        return None
    if given_match_offline(first) is not None or given_match_offline(second) is not None:
        return None
    known = (given_match(first) is not None, given_match(second) is not None)
    if known == (True, False):
        return (G, S)
    if known == (False, True):
        return (S, G)
    return None


@lru_cache(maxsize=10_000)
def _best_order(fit_ids: tuple[int, ...], surname_first: bool) -> tuple[str, ...]:
    """The likeliest pattern for words with these fits (the first of equal scores)."""
    fits = [_FITS[i] for i in fit_ids]
    best_score = 0.0
    best: tuple[str, ...] | None = None
    for roles, index, prior in _INDEXED_PATTERNS[len(fits)]:
        if surname_first and roles[0] != S:
            continue
        total = 0.0  # the words' fits first, then the prior: ties depend on the rounding
        for fit, i in zip(fits, index, strict=True):
            total += fit[i]
        score = prior + total
        if best is None or score > best_score:
            best_score, best = score, roles
    return best if best else (S, G, P)[: len(fits)]


@lru_cache(maxsize=300_000)
def _known_in(word: str, lang: str) -> int:
    """1 when ``word`` is a name of ``lang``: a given-name form our tables list for that
    language, or a word the dictionary has as a name, surname or patronymic; but a
    patronymic counts only where it is read as one (the Ukrainian dictionary reads
    Дмитриевич as a surname)."""
    if lang in given_form_languages(word):
        return 1
    weights = role_weights(word, lang)
    if weights[P] < 1.0 and (
        looks_like_patronymic(word) or any(role_weights(word, o)[P] >= 1.0 for o in ("ru", "uk"))
    ):
        return 0
    return int(max(weights.values()) >= 1.0)


@lru_cache(maxsize=300_000)
def _letter_language(word: str) -> str | None:
    return word_language(word)


def _language(words: list[str]) -> tuple[str, str | None]:
    """Language for declension, and the hint to report (None when either fits)."""
    langs = {_letter_language(w) for w in words}
    langs.discard(None)
    if len(langs) == 1:
        lang = langs.pop()
        return lang, lang
    ru = sum([_known_in(w, "ru") for w in words])
    uk = sum([_known_in(w, "uk") for w in words])
    if uk > ru:
        return "uk", "uk"
    return "ru", "ru" if ru > uk else None


@lru_cache(maxsize=300_000)
def _token(raw: str) -> tuple[str, tuple[str, ...] | None]:
    """A raw token as (normalised word without dots, initials or None)."""
    initials = _initials(raw)
    return normalise_text(raw).replace(".", ""), tuple(initials) if initials else None


def _script(tokens: list[tuple[str, tuple[str, ...] | None]]) -> str:
    scripts = {_word_script(w) for w, _ in tokens}
    scripts.discard("none")
    if len(scripts) == 1:
        return scripts.pop()
    return "mixed" if scripts else "none"


@lru_cache(maxsize=300_000)
def _word_script(word: str) -> str:
    return script_of(word)


@lru_cache(maxsize=500_000)
def parse_name(full_name: str) -> ParsedName:
    """Parse a full name written in any script, case and order.

    Handles ``Иванов Алексей Петрович``, ``IVANOV ALEKSEY PETROVICH``,
    ``Alexey P. Ivanov``, ``Иванов А.П.``, ``Kovalchuk I.V.``, ``Ivanov,
    Aleksei`` (a comma ends the surname), declined forms (``Иванова Алексея
    Петровича`` -> ``Иванов Алексей Петрович``) and bracketed alternates
    (``Sokolov (SOKOLOFF), Mikhail (Michael) Ivanovich``). Roles come from
    patronymic endings, known given names, dictionary tags and position.
    """
    if "/" in full_name:
        full_name = _one_script(full_name)
    if any(q in full_name for q in _QUOTES):
        full_name = _without_quoted(full_name)
    text, bracketed = (
        _split_alternates(full_name)
        if "(" in full_name or "[" in full_name
        else (
            full_name,
            [],
        )
    )
    text, removed = name_only(unify_marks(text))
    if _missing(text, _MISSING_NAME):
        text = ""
    if bracketed and removed:  # a rank gone from the start moves the words
        bracketed = [(i - removed, a) for i, a in bracketed]
    gap = _given_name_gap(text)
    if gap:
        return parse_parts(*gap)
    text = _NOISE_RE.sub(" ", text)
    surname_first = "," in text
    tokens = tuple(
        join_particles(
            [t for t in map(_token, text.replace(",", " ").split()) if _has_letter(t[0])]
        )
    )
    # Spellings that differ only in case, spaces or ё/е share the work from here on.
    return _parse_tokens(tokens, surname_first, tuple(bracketed))


# A name written twice, in two scripts (Ukrainian lists: ``Іванов Іван / Ivanov Ivan``):
# the Cyrillic one is read, which holds the patronymic and the spelling the Latin one was
# made from. Only whole names of two words or more on each side: ``Иванова / Петрова
# Мария`` is a surname with a maiden name.
_SCRIPTS_SLASH_RE = re.compile(r"\s+/\s*|\s*/\s+")


def _one_script(text: str) -> str:
    parts = _SCRIPTS_SLASH_RE.split(text)
    if len(parts) != 2 or any(len(_LETTER_WORD_RE.findall(p)) < 2 for p in parts):
        return text
    first, second = parts
    return second if script_of(second) == "cyrillic" != script_of(first) else first


_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# A nickname or call sign in quotes (``Иванов Иван «Ваня» Иванович``) is no spelling of
# the name: it goes, unless less than a surname and a given name would be left.
_QUOTES = ('"', "«", "“", "„")
_QUOTED_RE = re.compile(r'\s*(?:"[^"]*"|«[^»]*»|„[^“”"]*[“”"]|“[^”]*”)')


def _without_quoted(text: str) -> str:
    rest = _QUOTED_RE.sub(" ", text)
    return rest if len(_LETTER_WORD_RE.findall(rest)) >= 2 else text


def _given_name_gap(text: str) -> tuple[str, None, str] | None:
    """Surname and patronymic of a name whose given name is a mark for a missing part
    (``Иванов - Иванович``, ``Иванов ? Петровна``): read as the two parts it gives, not the
    patronymic as the given name."""
    words = text.replace(",", " ").split()
    if len(words) != 3 or _has_letter(words[1]) or not _has_letter(words[0]):
        return None
    if patronymic_sex(words[2]) is None:
        return None
    return words[0], None, words[2]


@lru_cache(maxsize=500_000)
def _parse_tokens(
    tokens: tuple[tuple[str, tuple[str, ...] | None], ...],
    surname_first: bool,
    bracketed: tuple[tuple[int, str], ...],
) -> ParsedName:
    words = [w for w, ini in tokens if ini is None]
    initials = [i for _, ini in tokens if ini for i in ini]
    script = _script(tokens)
    lang, hint = _language(words) if script == "cyrillic" and words else (None, None)
    roles = _roles_with_initials(tokens) if initials else _order(words, lang, surname_first)
    return _assemble(words, roles, initials, lang, hint, script, list(bracketed), list(tokens))


def _roles_with_initials(tokens: list[tuple[str, tuple[str, ...] | None]]) -> tuple[str, ...]:
    """Roles of the full words when initials stand for the given name and/or patronymic."""
    words = [i for i, (_, ini) in enumerate(tokens) if ini is None]
    first_initial = next(i for i, (_, ini) in enumerate(tokens) if ini)
    if len(words) >= 2 and words[0] < first_initial < words[-1]:
        # "Alexey P. Ivanov": a word before the initial is the given name.
        return (G,) + (S,) * (len(words) - 1)
    if len(words) >= 2 and words[-1] < first_initial:
        return (S, G) + (S,) * (len(words) - 2)
    return (S,) * len(words)


def _assemble(
    words: list[str],
    roles: tuple[str, ...],
    initials: list[str],
    lang: str | None,
    hint: str | None,
    script: str,
    bracketed: list[tuple[int, str]],
    tokens: list[tuple[str, tuple[str, ...] | None]],
) -> ParsedName:
    words = _with_given_corrected(words, roles, lang)
    noms = nominatives(tuple(words), roles, lang) if lang and words else words
    surnames: list[str] = []
    given_word = patronymic_word = None
    for nom, role in zip(noms, roles, strict=True):
        if role == S:
            surnames.append(nom)
        elif role == G:
            given_word = nom if given_word is None else given_word
        elif patronymic_word is None:
            patronymic_word = nom
    if len(surnames) == 1:
        surname = _title(surnames[0]) or None
    else:
        surname = " ".join([_title(w) for w in surnames]) or None
    given = _title(given_word) if given_word is not None else None
    patronymic = _title(patronymic_word) if patronymic_word is not None else None
    given_initial = given[0] if given else None
    patronymic_initial = patronymic[0] if patronymic else None
    if initials:
        rest = list(initials)
        if given is None and rest:
            given_initial = rest.pop(0).title()
        if patronymic is None and rest:
            patronymic_initial = rest.pop(0).title()
    if patronymic and not hint and script == "latin":
        hint = "uk" if patronymic.lower().endswith(("ovych", "ivna", "yovych")) else None
    sex = _sex(surnames[-1] if surnames else None, given_word, patronymic_word)
    alternates: tuple[str, ...] = ()
    alt_roles: tuple[str, ...] = ()
    if bracketed:
        word_roles = _word_roles(tokens, roles)
        alternates = tuple(title_word(normalise_text(a)) for _, a in bracketed)
        alt_roles = tuple(word_roles.get(i, S) for i, _ in bracketed)
    return ParsedName(  # positional: this runs once per distinct name of a batch
        surname,
        given,
        patronymic,
        given_initial,
        patronymic_initial,
        alternates,
        sex,
        script if script != "none" else "latin",
        hint,
        alt_roles,
    )


def _with_given_corrected(words: list[str], roles: tuple[str, ...], lang: str | None) -> list[str]:
    """The words with a slip in the given name put right (see :mod:`.spelling`); of
    several cases of the right name, the one that agrees best with the other words."""
    if G not in roles:
        return words
    i = roles.index(G)
    fixes = given_corrections(words[i])
    if not fixes:
        return words
    options = [[*words[:i], fix, *words[i + 1 :]] for fix in fixes]
    if len(options) == 1 or not lang:
        return options[0]
    return max(options, key=lambda option: agree(tuple(option), roles, lang).score)


@lru_cache(maxsize=300_000)
def _title(word: str) -> str:
    return title_word(word)


def _word_roles(tokens: list[tuple[str, tuple[str, ...] | None]], roles: tuple[str, ...]) -> dict:
    """Token index -> role, for attaching bracketed alternates to the word before them."""
    out: dict[int, str] = {}
    it = iter(roles)
    for i, (_, ini) in enumerate(tokens):
        out[i] = next(it, S) if ini is None else G
    return out


def _sex(surname: str | None, given: str | None, patronymic: str | None) -> str | None:
    """Sex from the patronymic ending, then the given name, then the (last) surname's ending."""
    if patronymic is not None:
        sex = patronymic_sex(patronymic)
        if sex:
            return sex
    if given is not None:
        match = given_match(given)
        if match is not None and match.sex:
            return match.sex
    if surname is not None:
        return surname_sex(surname)
    return None


def parse_parts(surname: str | None, given_name: str | None, patronymic: str | None) -> ParsedName:
    """Build a :class:`ParsedName` from separate columns (each may be an initial or declined)."""
    parts = [x if x and not _missing(x) else "" for x in (surname, given_name, patronymic)]
    text = " ".join(x for x in parts if x)
    return _parse_parts(*parts, text)


@lru_cache(maxsize=500_000)
def _parse_parts(surname: str, given: str, patronymic: str, text: str) -> ParsedName:
    script = script_of(text)
    words: list[str] = []
    roles: list[str] = []
    initials: list[str] = []
    tokens: list[tuple[str, tuple[str, ...] | None]] = []
    bracketed: list[tuple[int, str]] = []
    for role, value in ((S, surname), (G, given), (P, patronymic)):
        if "(" in value or "[" in value:
            value, alts = _split_alternates(value)
            bracketed.extend((len(tokens), a) for _, a in alts)
        for raw in value.replace(",", " ").split():
            norm, ini = _token(raw)
            if role == S:
                ini = None
            if not _has_letter(norm):
                continue
            if ini:
                initials.extend(ini)
                tokens.append((norm, ini))
            else:
                words.append(norm)
                roles.append(role)
                tokens.append((norm, None))
    lang, hint = _language(words) if script == "cyrillic" and words else (None, None)
    return _assemble(words, tuple(roles), initials, lang, hint, script, bracketed, tokens)
