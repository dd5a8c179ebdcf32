"""Military unit numbers as one key: `в/ч 12345`, `VCh 12345`, `military unit 12345` -> `12345`."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(?<![\d])([АAВB]?\d{4,5})(?:\s*[-\"«']?\s*([А-ЯA-Z])\b)?", re.IGNORECASE)
_CYR_TO_LAT = str.maketrans("АВ", "AB")


def unit_key(text: str | None) -> str | None:
    """The unit number with its letter suffix, letters in Latin; None when there is no number."""
    if not text:
        return None
    match = _NUMBER.search(text.upper().replace("Ё", "Е"))
    if match is None:
        return None
    number = match[1].translate(_CYR_TO_LAT)
    return f"{number}-{match[2].translate(_CYR_TO_LAT)}" if match[2] else number
