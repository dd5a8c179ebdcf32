"""Romanisation of Cyrillic names under named schemes.

Ukrainian schemes come from translitua (the 2010 national system of Cabinet of
Ministers resolution 55 and older passport and library schemes); Russian ones
from iuliia, which has no Ukrainian scheme. ``canon`` is ours: a letter-for-letter
table, the same for Russian and Ukrainian, used for matching keys only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

import iuliia
import translitua

from kintrace.names.normalise import fold_latin, normalise_text

# Language-independent on purpose: Григоренко romanises the same whether the
# list is Russian or Ukrainian; є/е, ї/і, ґ/г fold so that ru/uk spellings meet.
_CANON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "e", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "ў": "u",
}  # fmt: skip
_CANON_TABLE = str.maketrans(_CANON)


def _translitua(table: type) -> Callable[[str], str]:
    return lambda text: translitua.translit(text, table)


def _iuliia(schema: iuliia.Schema) -> Callable[[str], str]:
    return schema.translate


def _gost_779(text: str) -> str:
    # iuliia's ISO 9 table lets ё through unchanged; ISO 9 writes ë.
    out = iuliia.GOST_779.translate(text).replace("ё", "ë").replace("Ё", "Ë")
    return unicodedata.normalize("NFC", out)


def _canon(text: str) -> str:
    return canon_romanise(normalise_text(text))


SCHEMES: dict[str, Callable[[str], str]] = {
    "uk-kmu-2010": _translitua(translitua.UkrainianKMU),
    "uk-passport-2007": _translitua(translitua.UkrainianPassport2007),
    "uk-passport-2004": _translitua(translitua.UkrainianPassport2004Alt),
    "uk-national-1996": _translitua(translitua.UkrainianNational1996),
    "uk-iso-9": _translitua(translitua.UkrainianISO9),
    "uk-bgn-pcgn": _translitua(translitua.UkrainianBGN),
    "uk-british": _translitua(translitua.UkrainianBritish),
    "uk-ala-lc": _translitua(translitua.UkrainianALALC),
    "uk-gost-1971": _translitua(translitua.UkrainianGOST1971),
    "uk-gost-1986": _translitua(translitua.UkrainianGOST1986),
    "uk-dstu-9112-a": _translitua(translitua.UkrainianDSTU9112A),
    "uk-dstu-9112-b": _translitua(translitua.UkrainianDSTU9112B),
    "uk-simple": _translitua(translitua.UkrainianSimple),
    "uk-french": _translitua(translitua.UkrainianFrench),
    "uk-german": _translitua(translitua.UkrainianGerman),
    "ru-icao": _iuliia(iuliia.ICAO_DOC_9303),
    "ru-gost-779": _gost_779,
    "ru-gost-52535": _iuliia(iuliia.GOST_52535),
    "ru-mvd-782": _iuliia(iuliia.MVD_782),
    "ru-mvd-310": _iuliia(iuliia.MVD_310),
    "ru-wikipedia": _iuliia(iuliia.WIKIPEDIA),
    "ru-bgn-pcgn": _iuliia(iuliia.BGN_PCGN),
    "ru-ala-lc": _iuliia(iuliia.ALA_LC),
    "ru-scientific": _iuliia(iuliia.SCIENTIFIC),
    "ru-telegram": _iuliia(iuliia.TELEGRAM),
    "ru-passport-1997": _translitua(translitua.RussianInternationalPassport1997),
    "ru-driver-licence": _translitua(translitua.RussianDriverLicense),
    "canon": _canon,
}


def transliterate(text: str, scheme: str) -> str:
    """Romanise Cyrillic ``text`` under ``scheme``; Latin letters pass through.

    Schemes: ``uk-kmu-2010`` (official Ukrainian, 2010), ``uk-passport-2007``,
    ``uk-passport-2004``, ``uk-national-1996``, ``uk-iso-9``, ``uk-bgn-pcgn``,
    ``uk-british``, ``uk-ala-lc``, ``uk-gost-1971``, ``uk-gost-1986``,
    ``uk-dstu-9112-a``, ``uk-dstu-9112-b``, ``uk-simple``, ``uk-french``,
    ``uk-german``; ``ru-icao`` (ICAO Doc 9303, Russian passports since 2013),
    ``ru-gost-779`` (ISO 9), ``ru-gost-52535``, ``ru-mvd-782``, ``ru-mvd-310``,
    ``ru-wikipedia``, ``ru-bgn-pcgn``, ``ru-ala-lc``, ``ru-scientific``,
    ``ru-telegram``, ``ru-passport-1997``, ``ru-driver-licence``; and ``canon``,
    the lower-case letter-for-letter key romanisation used in name features.

    Raises ``ValueError`` for an unknown scheme.
    """
    try:
        fn = SCHEMES[scheme]
    except KeyError:
        known = ", ".join(sorted(SCHEMES))
        raise ValueError(f"unknown transliteration scheme {scheme!r}; known: {known}") from None
    return fn(text)


@lru_cache(maxsize=200_000)
def canon_romanise(word: str) -> str:
    """Romanise an already normalised word with the ``canon`` table; ASCII out."""
    out = fold_latin(word.translate(_CANON_TABLE))
    return out if out.isascii() else out.encode("ascii", "ignore").decode()
