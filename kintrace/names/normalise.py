"""Text normalisation shared by every part of ``kintrace.names``.

Everything here works on one string at a time and is cached per token, because
published lists repeat the same names many times.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophe look-alikes used in Ukrainian names (В'ячеслав, Мар'яна) and in Latin ones.
_APOSTROPHES = "'ʼ’‘`´′ʹ＇"
_DASHES = "‐‑‒–—―−﹣－"
# Invisible characters of exports and web pages: zero-width spaces and underscores part
# words, soft hyphens and joiners join them; stress marks (Ива́нов, as in dictionaries and
# some published lists) go, the combining ones and those composed with и and е.
_INVISIBLE = {"\u200b": " ", "\ufeff": " ", "\u2060": " ", "_": " "} | dict.fromkeys(
    "\u00ad\u200c\u200d\u0300\u0301", ""
)
_STRESSED = {"ѝ": "и", "Ѝ": "И", "ѐ": "е", "Ѐ": "Е"}
_APOS_TABLE = (
    {ord(c): "'" for c in _APOSTROPHES}
    | {ord(c): "-" for c in _DASHES}
    | {ord(c): v for c, v in (_INVISIBLE | _STRESSED).items()}
)

# Latin letters that look like Cyrillic ones, as typed into Cyrillic words (and back).
_LAT_TO_CYR = str.maketrans(
    "AaBCcEeHIiKkMOoPpTXxYyï",
    "АаВСсЕеНІіКкМОоРрТХхУуї",
)
_CYR_TO_LAT = str.maketrans(
    "АаВЕеІіЈјКМНОоРрСсТуХх",
    "AaBEeIiJjKMHOoPpCcTyXx",
)

# Latin diacritics mapped to the digraphs of practical romanisation, so that
# scholarly (Ščerbakov), Polish and Czech spellings meet English-style ones.
_LATIN_DIACRITICS = {
    "š": "sh",
    "č": "ch",
    "ž": "zh",
    "ŝ": "shch",
    "ć": "ch",
    "ż": "zh",
    "ź": "z",
    "ś": "s",
    "ł": "l",
    "ë": "e",
    "û": "yu",
    "â": "ya",
    "ê": "ye",
    "ř": "r",
    "ß": "ss",
    "ø": "o",
    "đ": "d",
}
_LATIN_DIACRITICS_TABLE = str.maketrans(_LATIN_DIACRITICS)

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SPACES_RE = re.compile(r"\s+")
_HYPHEN_RE = re.compile(r"\s*-\s*")


def script_of(text: str) -> str:
    """Return ``"cyrillic"``, ``"latin"``, ``"mixed"`` or ``"none"`` for the letters in ``text``."""
    cyr = bool(_CYRILLIC_RE.search(text))
    lat = bool(_LATIN_RE.search(text))
    if cyr and lat:
        return "mixed"
    if cyr:
        return "cyrillic"
    if lat:
        return "latin"
    return "none"


def _fix_lookalikes(word: str) -> str:
    """Bring a word that mixes scripts into the script of most of its letters."""
    cyr = len(_CYRILLIC_RE.findall(word))
    lat = len(_LATIN_RE.findall(word))
    if not cyr or not lat:
        return word
    # Ties go to Cyrillic: a Latin "I" or "a" typed into a Cyrillic name is the usual slip.
    if cyr >= lat:
        return word.translate(_LAT_TO_CYR)
    return word.translate(_CYR_TO_LAT)


def unify_marks(text: str) -> str:
    """Apostrophe look-alikes to ``'`` and dashes to ``-`` (``Arkad’yevich`` ->
    ``Arkad'yevich``: a soft sign romanised, not a word break), zero-width spaces and
    underscores to spaces, soft hyphens and stress marks removed; nothing else changed."""
    if not text.isascii():  # composed first: the acute of a decomposed Ć is no stress mark
        text = unicodedata.normalize("NFC", text)
    return text.translate(_APOS_TABLE)


def fold_latin(text: str) -> str:
    """Replace Latin diacritics by practical digraphs (``ščerbakov`` -> ``shcherbakov``)."""
    text = text.translate(_LATIN_DIACRITICS_TABLE)
    if text.isascii():
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        # Drop accents on Latin letters only: Cyrillic й and ї keep their marks.
        if unicodedata.combining(ch) and out and not _CYRILLIC_RE.match(out[-1]):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """Normalise one whitespace-free word; see :func:`normalise_text`."""
    word = unicodedata.normalize("NFKC", word).translate(_APOS_TABLE)
    word = _fix_lookalikes(word).lower().replace("ё", "е")
    if _LATIN_RE.search(word):
        word = fold_latin(word)
    return word.strip("'")


@lru_cache(maxsize=200_000)
def normalise_text(text: str) -> str:
    """Normalise free text for matching.

    Lower-cases, folds ``ё`` to ``е``, unifies apostrophes (``'``, ``ʼ``, ``’``,
    backtick) to ``'`` and dashes to ``-``, drops stress marks (``Ива́нов``) and soft
    hyphens, reads zero-width spaces and underscores as spaces, fixes Latin look-alike
    letters inside Cyrillic words (``Iвaнoв`` -> ``іванов``) and Cyrillic ones inside Latin
    words, replaces Latin diacritics by practical digraphs (``Ščerbakov`` ->
    ``shcherbakov``) and collapses whitespace.

    >>> normalise_text("  ЖУРАВЛЁВ   Iвaнoв  Вʼячеслав ")
    "журавлев іванов в'ячеслав"
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOS_TABLE)
    text = _HYPHEN_RE.sub("-", _SPACES_RE.sub(" ", text)).strip()
    return " ".join(normalise_word(w) for w in text.split(" ") if w)


def title_word(word: str) -> str:
    """Title-case a normalised word, hyphenated parts included (``петров-водкин``)."""
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
