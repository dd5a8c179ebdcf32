"""Parse a person's full name in any script, case and order into its parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kintrace.names.declension import agree, role_weights, word_language
from kintrace.names.normalise import normalise_text, script_of, title_word
from kintrace.names.variants import (
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

S, G, P = "surname", "given", "patronymic"
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
        for alt in m.group(1).replace(",", " ").split("/"):
            if alt.strip():
                alternates.append((len(before) - 1, alt.strip()))
        pos = m.end()
    parts.append(text[pos:])
    return " ".join(parts), alternates


def _initials(token: str) -> list[str] | None:
    """The initials in a token (``А.П.`` -> [а, п], ``Yu.`` -> [yu]), None for a word."""
    if not _INITIALS_RE.match(token):
        return None
    found = _SPLIT_INITIALS_RE.findall(token)
    out = []
    for item in found:
        if len(item) == 2 and item.lower() not in _DIGRAPH_INITIALS:
            out.extend(item)
        else:
            out.append(item)
    return [i.lower() for i in out]


@lru_cache(maxsize=300_000)
def _fits(word: str, lang: str | None) -> dict[str, float]:
    """How well a word fits each role, cached per word."""
    return {role: _fit(word, role, lang) for role in (S, G, P)}


def _fit(word: str, role: str, lang: str | None) -> float:
    """How well a word fits a role, from dictionaries and endings (0..1)."""
    if role == P:
        return 1.0 if looks_like_patronymic(word) else 0.0
    if script_of(word) == "cyrillic":
        weights = role_weights(word, lang or "ru")
        if role == G and is_given_form(word):
            return 1.0
        return weights[role] if role == G else max(weights[S], 0.5 if not weights[G] else 0.3)
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
    best: tuple[float, tuple[str, ...]] | None = None
    for roles, prior in _PATTERNS[n]:
        if surname_first and roles[0] != S:
            continue
        score = prior + sum(_fits(w, lang)[r] for w, r in zip(words, roles, strict=True))
        if best is None or score > best[0]:
            best = (score, roles)
    return best[1] if best else (S, G, P)[:n]


@lru_cache(maxsize=300_000)
def _known_in(word: str, lang: str) -> int:
    """1 when the dictionary of ``lang`` has ``word`` as a name, surname or patronymic."""
    return int(max(role_weights(word, lang).values()) >= 1.0)


def _language(words: list[str]) -> tuple[str, str | None]:
    """Language for declension, and the hint to report (None when either fits)."""
    langs = {word_language(w) for w in words} - {None}
    if len(langs) == 1:
        lang = langs.pop()
        return lang, lang
    fits = {lang: sum(_known_in(w, lang) for w in words) for lang in ("ru", "uk")}
    if fits["uk"] > fits["ru"]:
        return "uk", "uk"
    return "ru", "ru" if fits["ru"] > fits["uk"] else None


@lru_cache(maxsize=300_000)
def _token(raw: str) -> tuple[str, tuple[str, ...] | None]:
    """A raw token as (normalised word without dots, initials or None)."""
    initials = _initials(raw)
    return normalise_text(raw).replace(".", ""), tuple(initials) if initials else None


def _script(tokens: list[tuple[str, tuple[str, ...] | None]]) -> str:
    scripts = {_word_script(w) for w, _ in tokens} - {"none"}
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
    text, bracketed = (
        _split_alternates(full_name)
        if "(" in full_name or "[" in full_name
        else (
            full_name,
            [],
        )
    )
    text = _NOISE_RE.sub(" ", text)
    surname_first = "," in text
    tokens = tuple(t for t in map(_token, text.replace(",", " ").split()) if t[0])
    # Spellings that differ only in case, spaces or ё/е share the work from here on.
    return _parse_tokens(tokens, surname_first, tuple(bracketed))


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
    noms = list(words)
    sex = None
    if lang and words:
        agreement = agree(tuple(words), roles, lang)
        noms = list(agreement.nominatives)
    parts: dict[str, list[str]] = {S: [], G: [], P: []}
    for nom, role in zip(noms, roles, strict=True):
        parts[role].append(nom)
    surname = " ".join(_title(w) for w in parts[S]) or None
    given = _title(parts[G][0]) if parts[G] else None
    patronymic = _title(parts[P][0]) if parts[P] else None
    given_initial = given[0] if given else None
    patronymic_initial = patronymic[0] if patronymic else None
    rest = list(initials)
    if given is None and rest:
        given_initial = rest.pop(0).title()
    if patronymic is None and rest:
        patronymic_initial = rest.pop(0).title()
    if patronymic and not hint and script == "latin":
        hint = "uk" if patronymic.lower().endswith(("ovych", "ivna", "yovych")) else None
    sex = _sex(parts, script)
    alternates: tuple[str, ...] = ()
    alt_roles: tuple[str, ...] = ()
    if bracketed:
        word_roles = _word_roles(tokens, roles)
        alternates = tuple(title_word(normalise_text(a)) for _, a in bracketed)
        alt_roles = tuple(word_roles.get(i, S) for i, _ in bracketed)
    return ParsedName(
        surname=surname,
        given_name=given,
        patronymic=patronymic,
        given_initial=given_initial,
        patronymic_initial=patronymic_initial,
        alternates=alternates,
        sex=sex,
        script=script if script != "none" else "latin",
        language_hint=hint,
        alternate_roles=alt_roles,
    )


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


def _sex(parts: dict[str, list[str]], script: str) -> str | None:
    """Sex from the patronymic ending, then the given name, then the surname ending."""
    if parts[P]:
        sex = patronymic_sex(parts[P][0])
        if sex:
            return sex
    if parts[G]:
        match = given_match(parts[G][0])
        if match is not None and match.sex:
            return match.sex
    if parts[S]:
        return surname_sex(parts[S][-1])
    return None


def parse_parts(surname: str | None, given_name: str | None, patronymic: str | None) -> ParsedName:
    """Build a :class:`ParsedName` from separate columns (each may be an initial or declined)."""
    text = " ".join(x for x in (surname, given_name, patronymic) if x)
    return _parse_parts(surname or "", given_name or "", patronymic or "", text)


@lru_cache(maxsize=500_000)
def _parse_parts(surname: str, given: str, patronymic: str, text: str) -> ParsedName:
    script = script_of(text)
    words: list[str] = []
    roles: list[str] = []
    initials: list[str] = []
    tokens: list[tuple[str, tuple[str, ...] | None]] = []
    bracketed: list[tuple[int, str]] = []
    for role, value in ((S, surname), (G, given), (P, patronymic)):
        value, alts = _split_alternates(value)
        bracketed.extend((len(tokens), a) for _, a in alts)
        for raw in value.replace(",", " ").split():
            ini = _initials(raw) if role != S else None
            norm = normalise_text(raw).replace(".", "")
            if not norm:
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
