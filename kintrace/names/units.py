"""Military unit numbers: ``в/ч 12345``, ``ВЧ-12345``, ``military unit 12345``, ``А1234``."""

from __future__ import annotations

import re
from functools import lru_cache

from kintrace.names.normalise import normalise_text

# Cyrillic letters of unit suffixes and Ukrainian unit numbers, folded to Latin.
_LETTERS = str.maketrans({"а": "a", "в": "v", "б": "b", "к": "k", "м": "m", "т": "t",
                          "н": "n", "с": "s", "р": "r", "е": "e", "о": "o", "х": "x",
                          "і": "i", "и": "i", "д": "d", "г": "g", "л": "l", "п": "p"})  # fmt: skip

# What announces a unit number; the linkage reads it in a name column too.
UNIT_PREFIX = (
    r"(?:в\s*/\s*ч|в\.\s*ч\.?|вч|войсковая\s+часть|войсковой\s+части|військова\s+частина|"
    r"військової\s+частини|v\s*/\s*ch|vch|military\s+unit|unit|п\s*/\s*п|полевая\s+почта|"
    r"пп|в\s*/\s*ч\s+п\s*/\s*п)"
)
_NUMBER = re.compile(
    UNIT_PREFIX + r"[\s\-№#:.]*(?:no\.?\s*)?"
    r"(?:п\s*/\s*п[\s\-№#:.]*)?"
    # A letter suffix is hyphenated, attached or quoted; "в/ч 06705 в Пскове" has none.
    r"(\d{4,6})(?:\s*-\s*([^\W\d_])|([^\W\d_])|\s*[\"«“']([^\W\d_])[\"»”'])?(?![^\W\d_])"
)
_UA_NUMBER = re.compile(r"(?<![^\W\d_])([аaвbvкkтt])\s*-?\s*(\d{4})(?!\d)")
_BARE = re.compile(r"^\s*(\d{4,6})(?:\s*-\s*([^\W\d_]))?\s*$")


@lru_cache(maxsize=50_000)
def unit_key(text: str | None) -> str | None:
    """One key per military unit: ``в/ч 12345`` -> ``12345``, ``в/ч 12345-А`` -> ``12345-A``.

    Understands Russian, Ukrainian and Latin prefixes (``в/ч``, ``ВЧ-``,
    ``войсковая часть``, ``військова частина``, ``military unit``, ``VCh``,
    ``v/ch``, field post ``п/п``), letter suffixes written ``-А`` or ``"А"``,
    and Ukrainian unit numbers of a letter and four digits (``А1234``).
    Letters are folded to upper-case Latin. None when no unit number is found.
    """
    if not text:
        return None
    norm = normalise_text(text)
    m = _NUMBER.search(norm)
    if m:
        letter = m.group(2) or m.group(3) or m.group(4)
        return _key(m.group(1), letter)
    m = _UA_NUMBER.search(norm)
    if m:
        return m.group(1).translate(_LETTERS).upper() + m.group(2)
    m = _BARE.match(norm)
    if m:
        return _key(m.group(1), m.group(2))
    return None


def _key(number: str, letter: str | None) -> str:
    if not letter:
        return number
    return f"{number}-{letter.translate(_LETTERS).upper()}"
