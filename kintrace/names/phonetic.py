"""A phonetic skeleton key for Slavic names written in Cyrillic or Latin.

English sound keys (metaphone, soundex) are built for English spelling and
split ``Zhuravlyov``/``Journavlev``/``Журавлёв``; this key instead folds the
ways one Cyrillic letter is romanised by the usual schemes (passport, ICAO,
BGN, ISO 9, German, French, Polish) onto one symbol, so that Cyrillic and Latin
spellings of one name land on the same key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kintrace.names.normalise import normalise_text
from kintrace.names.translit import canon_romanise

# Ordered rewrites on the romanised, lower-case word. Upper-case letters are
# placeholders for one sound so later rules cannot split them again.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"szcz|shch|schtsch|chtch|shtsh", "W"),  # щ
        (r"tsch", "C"),  # ч, German
        (r"sch|sh|sz", "W"),  # ш (and щ written as ш, a common slip)
        (r"tch|ch|cz|tsh", "C"),  # ч
        (r"ou", "u"),  # French Iouri
        (r"dzh", "J"),  # дж: Dzhabrailov, Гаджиев
        (r"zh|zs|rz|ż", "J"),  # ж
        (r"ck", "k"),
        (r"x", "ks"),
        (r"ph", "f"),
        (r"tz|ts|c(?=[eiy])", "Z"),  # ц
        (r"c", "k"),
        (r"kh|gh|h|g", "H"),  # х, and г as Ukrainian h vs Russian g
        (r"w", "v"),
        (r"ff$|v$", "v"),  # Sokoloff, Romanow
        (r"j", "y"),  # Jurij, Jelena: j is й
        (r"[yi]o|ë", "e"),  # ё written yo/io (ё is folded to е before romanising)
        (r"^[yi]+(?=e)", ""),  # Yevgeny/Ievgenii/Evgeny: initial е is written both ways
        (r"^[yi]+(?=[aou])", "I"),  # Yana/Iana/Jana keep their glide: Яна is not Анна
        (r"(?<=[aeiou])[yi](?=[aeiouy])", ""),  # Sergeyev, Mariya: glide between vowels
        (r"[yi]+(?=[aeou])", ""),  # ya/ia/ja, yu/iu/ju, ye/ie/je: iotation
        (r"y", "i"),
        (r"([a-zA-Z])\1+", r"\1"),  # doubled letters, -ii/-iy endings
        # the ending -ёв after ж, ч, ш, щ is -ов in Ukrainian and most schemes (Пугачов,
        # Chernyshov), -ев in Russian print (Пугачев): one ending for both
        (r"(?<=[JCW])ov(a?)$", r"ev\1"),
        (r"(?<=[bdkpstvzZ])er$", "r"),  # Aleksandr/Alexander, Petr/Peter
        (r"[^a-zA-Z]", ""),
        (r"I(?=i)", ""),
    )
)

# German and Polish romanisations write в as w, which English-based schemes and the
# Ukrainian ones never do: in a word with a w, ch is х and not ч (Chruschtschow,
# Chruszczow), and c or z is ц. Polish writes ц as c and з as z (Kuzniecow); German
# writes ц as z, and both з and с as s, but с as ss between vowels, so that an s
# between vowels is з (Wassiljew); elsewhere с, the likelier (Sokolow, not Saizew).
# A word is read as German only when it shows it (sch, tsch, ss: Schwarz, with its rz,
# is not Polish), as Polish when it shows that (sz, cz, rz, ie after a consonant, -ski,
# -wicz); a w-word that shows neither (Kozlowski, Wozniak) keeps the common rules.
_GERMAN_RE = re.compile(r"sch|ss")
_POLISH_RE = re.compile(r"sz|cz|rz|[^aeiouy]ie|ski$|wicz")
_POLISH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in ((r"szcz", "W"), (r"sz", "W"), (r"cz", "C"), (r"ch", "H"), (r"c", "Z"))
)
_GERMAN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"schtsch", "W"),
        (r"dsch", "J"),  # дж: Dschabrailow
        (r"tsch", "C"),
        (r"sch", "W"),
        (r"ch", "H"),
        (r"tz|z", "Z"),
        (r"(?<=[aeiouy])s(?=[aeiouy])", "z"),
        (r"ss", "s"),
    )
)


def _w_scheme(latin: str) -> str:
    """A word romanised with w for в, rewritten by its scheme's rules (see above)."""
    if _GERMAN_RE.search(latin):
        rules = _GERMAN
    elif _POLISH_RE.search(latin):
        rules = _POLISH
    else:
        return latin
    for pattern, repl in rules:
        latin = pattern.sub(repl, latin)
    return latin


# dj before a vowel is дж in English and French writing (Djabrailov, Gadjiev, Djokhar)
# and дья in German (Djakow, Nadja): read as German in a word that shows German writing
# elsewhere (w for в, sch, a final ja for я), as дж otherwise. English and Ukrainian
# schemes write дья as dya, dia or d'ya, never dj.
_DJ_RE = re.compile(r"dj(?=[aeiou])")
_GERMAN_DJ_RE = re.compile(r"w|sch|ja$")


def _dj(latin: str) -> str:
    return latin if _GERMAN_DJ_RE.search(latin) else _DJ_RE.sub("J", latin)


_KEY_TABLE = str.maketrans({"W": "x", "C": "c", "J": "j", "Z": "q", "H": "h", "I": "i"})


@lru_cache(maxsize=300_000)
def _word_key(word: str) -> str:
    if "ьо" in word:  # Ukrainian for ё after a soft consonant: Корольов is Королёв
        word = word.replace("ьо", "е")
    latin = canon_romanise(word)
    if "w" in latin:
        latin = _w_scheme(latin)
    if "dj" in latin:
        latin = _dj(latin)
    for pattern, repl in _RULES:
        latin = pattern.sub(repl, latin)
    return latin.translate(_KEY_TABLE)


def phonetic_key(text: str) -> str:
    """Return the phonetic skeleton key of a name, in any script.

    The key is lower-case ASCII; each word of ``text`` is keyed separately and
    the keys joined by a space. Cyrillic is first romanised with the ``canon``
    table, Latin diacritics become digraphs, then: ``shch``/``sch``/``šč``/``sh``
    -> one symbol, ``ch``/``tch``/``cz`` -> one, ``zh``/``ž`` -> one,
    ``ts``/``tz``/``c`` before e/i -> one, ``kh``/``h``/``g`` -> ``h``, ``x`` ->
    ``ks``, ``w`` -> ``v``, final ``ff`` -> ``v``, ``yo``/``io`` -> ``e``,
    iotation (``ya``/``ia``/``ja``, ``yu``/``iu``/``ju``, ``ye``/``ie``/``je``)
    -> the bare vowel, ``y`` -> ``i``, doubled letters -> one, a final ``-ov(a)``
    after ``zh``/``ch``/``sh`` -> ``-ev(a)`` (``Пугачов``/``Пугачев``), Ukrainian
    ``ьо`` -> ``е`` (``Корольов``/``Королев``), final ``-der``/``-ter`` -> ``-dr``/
    ``-tr``. ``Zhuravlyov`` and ``Журавлёв`` both give ``juravlev``.
    """
    words = normalise_text(text).replace("-", " ").split()
    return " ".join(k for k in (_word_key(w) for w in words) if k)
