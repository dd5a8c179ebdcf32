"""Partial dates as written in lists and requests: ``07.03.1999``, ``March 1999``, ``1999``.

Two-digit years (``7.3.99``) are read with a fixed pivot: ``00``-``29`` are
20xx and ``30``-``99`` are 19xx. People sought here were born between the
1930s and the late 2000s, and a fixed pivot keeps results independent of the
day the code runs. Day/month swaps are not resolved here: that is a
comparison level in linkage; :meth:`PartialDate.swapped` gives the other reading.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

YEAR_PIVOT = 30  # two-digit years below this are 20xx, the others 19xx
MIN_YEAR, MAX_YEAR = 1850, 2100

_MONTHS = {
    # Russian, nominative and genitive (stems)
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    # Ukrainian
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7,
    "серп": 8, "верес": 9, "жовт": 10, "листопад": 11, "груд": 12,
    # abbreviations of lists and forms: "12 мар. 1990", "12 дек. 1990", "12 бер. 1990"
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "окт": 10, "ноя": 11,
    "дек": 12, "бер": 3, "вер": 9, "лист": 11,
    # English
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_STEMS = sorted(_MONTHS, key=len, reverse=True)
# Roman month numerals, as in Soviet documents: 7.III.1999
_ROMAN_MONTHS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
    "ix": 9, "x": 10, "xi": 11, "xii": 12,
}  # fmt: skip
_ROMAN = r"(xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)"
_MONTH_WORD = r"([^\W\d_]+)\.?"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, the month or the year only.

    ``precision`` is ``"day"``, ``"month"`` or ``"year"``; the fields finer
    than the precision are None.
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: str = "year"

    @property
    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as far as the precision goes."""
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def swapped(self) -> PartialDate | None:
        """The date with day and month exchanged (07.03 <-> 03.07), or None.

        None when the precision is not ``day``, the day is over 12, the two are
        equal, or the swapped date does not exist.
        """
        if self.precision != "day" or self.day is None or self.month is None:
            return None
        if self.day > 12 or self.day == self.month:
            return None
        if self.month > calendar.monthrange(self.year, self.day)[1]:
            return None
        return replace(self, month=self.day, day=self.month)


def _month(word: str) -> int | None:
    word = word.lower().replace("ё", "е")
    if word in ("май", "мая"):
        return 5
    for stem in _MONTH_STEMS:
        if word.startswith(stem) and stem != "ма":
            return _MONTHS[stem]
    return None


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < YEAR_PIVOT else 1900 + value
    if len(text) != 4:
        raise ValueError(f"year {text!r} must have 2 or 4 digits")
    return value


def _make(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    if month is None:
        return PartialDate(year, None, None, "year")
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not between 1 and 12")
    if day is None:
        return PartialDate(year, month, None, "month")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(f"day {day} does not exist in {year:04d}-{month:02d} (last day {last})")
    return PartialDate(year, month, day, "day")


_NUMERIC = (
    # YYYYMMDD, as registers export it
    (re.compile(r"((?:18|19|20)\d{2})(\d{2})(\d{2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?"), ("y", "m", "d")),
    (re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})-(\d{1,2})"), ("y", "m")),
    (re.compile(r"(\d{1,2})[./\-](\d{1,2})[./\-](\d{4}|\d{2})"), ("d", "m", "y")),
    (re.compile(r"(\d{1,2})[, ](\d{1,2})[, ](\d{4})"), ("d", "m", "y")),  # typed: 12,03,1990
    (re.compile(r"(\d{1,2})[./](\d{4})"), ("m", "y")),
    (re.compile(r"(\d{4})"), ("y",)),
    (re.compile(rf"(\d{{1,2}})[\s./\-]+{_ROMAN}[\s./\-]+(\d{{4}}|\d{{2}})"), ("d", "m", "y")),
    (re.compile(rf"{_ROMAN}[./\-]\s*(\d{{4}})"), ("m", "y")),  # not "v 1990"
)
_YEAR_WORD = r"(?:\s*(?:г|р|року|года))?\.?"  # "1999 г.", "1999 р."
# Words after a date that say "(year) of birth", not which: "1999 г.р.", "1999 р.н.",
# "07.03.1999 г.", "1999 года рождения", "1999 року народження", "1999 born".
_BIRTH_WORDS = re.compile(
    r"[\s,]*(г\.?\s*р\.?|р\.?\s*н\.?|гг?\.?|рр?\.?|года?\s+рождения|року\s+народження"
    r"|года?|року|рік|year|born|b\.)[\s.]*$"
)
# A clock time after the date, as spreadsheets export it: "07.03.1999 0:00:00".
_TIME = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SPACED_SEPARATOR = re.compile(r"(?<=\d)\s*([./\-])\s*(?=\d)")
# Words before a date: "born", "circa" (an approximate year is read as that year).
_BEFORE_WORDS = re.compile(
    r"^(?:b\.|born|родился|родилась|род\.?|народився|народилася|нар\.|около|ок\.|"
    r"приблизно|прибл\.|примерно|circa|ca\.|c\.|approx\.?|about|~|"
    # a form's label: "Дата рождения: 12.03.1990", "д.р. 12.03.1990", "DOB: 12/03/1990"
    r"д\.?\s?р\.?|д/р|дата\s+рождения|дата\s+народження|dob|d\.o\.b\.?|"
    r"date\s+of\s+birth|год\s+рождения|рік\s+народження|year\s+of\s+birth|"
    r"г\.\s?р\.|р\.\s?н\.)\s*:?\s*"
)
_UNSURE = re.compile(r"\s*(?:\?|\(\?\))$")  # "1990?", "1990 (?)"
_ORDINAL = r"(?:-?(?:го|е)|st|nd|rd|th)?"  # "7-го марта", "12th March"
# A two-digit year after a month's name as spreadsheets write it: "12-Mar-90".
_DAY_MONTH_YEAR = re.compile(
    rf"(\d{{1,2}}){_ORDINAL}[\s\-]+{_MONTH_WORD}\s*,?[\s\-]+(\d{{4}}|\d{{2}}){_YEAR_WORD}"
)
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})")
_MONTH_YEAR = re.compile(rf"{_MONTH_WORD}\s+(\d{{4}}){_YEAR_WORD}")


# A day or month not known, written as zeros or marks: "00.00.1985", "00.03.1985",
# "xx.xx.1985", "1985-00-00", "1985-03-00". Read at the precision that is known.
_UNKNOWN = r"(?:0{1,2}|x{1,2}|х{1,2}|\?{1,2}|_{1,2}|-{1,2}|\*{1,2})"
_UNKNOWN_DAY_MONTH = re.compile(rf"{_UNKNOWN}[./\s]{_UNKNOWN}[./\s](\d{{4}})")
_UNKNOWN_DAY = re.compile(rf"{_UNKNOWN}[./\s](\d{{1,2}})[./\s](\d{{4}})")
_ISO_UNKNOWN = re.compile(r"(\d{4})-(?:00-00|(\d{2})-00)")


def _unknown_parts(text: str) -> str:
    """The date without its placeholders for what is not known: ``00.03.1985`` ->
    ``03.1985``."""
    m = _UNKNOWN_DAY_MONTH.fullmatch(text)
    if m:
        return m.group(1)
    m = _UNKNOWN_DAY.fullmatch(text)
    if m:
        return f"{m.group(1)}.{m.group(2)}"
    m = _ISO_UNKNOWN.fullmatch(text)
    if m:
        return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)
    return text


def parse_date_strict(text: str) -> PartialDate:
    """Parse a date, raising ``ValueError`` with a readable reason when it cannot.

    Accepts ``1999-03-07``, ``1999.03.07``, ``19990307``, ``07.03.1999``, ``07/03/1999``,
    ``7.3.99`` (two-digit year, pivot 30), ``7.III.1999`` (Roman month), ``1999-03``,
    ``03.1999``, ``1999``, ``7 марта 1999``, ``7-го марта 1999``, ``7 березня 1999``,
    ``March 7, 1999``, ``7 March 1999``, ``March 1999``; words saying "(year) of birth"
    after the date are dropped (``1999 г.р.``, ``1999 р.н.``), and so are a clock time
    (``07.03.1999 0:00:00``) and round brackets around the whole (``(1999)``).
    Day-first is assumed for ``07/03/1999`` (as in Russian and Ukrainian lists); a date
    with slashes is read month first where day-first cannot be (``05/14/1990``). ``14-May-1990`` and
    ``14-мая-1990`` are read too, and an approximate or doubtful year as that year
    (``около 1990``, ``ок. 1990``, ``circa 1990``, ``~1990``, ``1990?``), as is a date
    after ``b.`` or ``род.``. A day or month written as zeros or marks is not known
    (``00.00.1985`` is 1985, ``00.03.1985`` March 1985, ``1985-03-00`` too).
    """
    raw = text
    text = " ".join(str(text).strip().lower().split())
    if text[:1] == "(" and text[-1:] == ")":
        text = text[1:-1].strip()
    if text[-1:].isalpha() or text.endswith("."):
        before = text
        text = _BIRTH_WORDS.sub("", text).rstrip(".").rstrip()
        if text != before.rstrip(".") and re.fullmatch(r"\d{2}", text):
            text = str(_year(text))  # "90 г.р.": a two-digit year is only read so announced
    text = _TIME.sub("", text)
    if " " in text:  # "12. 03. 1990", "12 .03.1990", as typed documents space them
        text = _SPACED_SEPARATOR.sub(r"\1", text)
    if not text[:1].isdigit():
        text = _BEFORE_WORDS.sub("", text)
    if text.endswith("?") or text.endswith("(?)"):
        text = _UNSURE.sub("", text)
    if not text:
        raise ValueError("empty date")
    if not text[:1].isdigit() or text.startswith("0") or text.endswith("0"):
        text = _unknown_parts(text)
    for pattern, fields in _NUMERIC:
        m = pattern.fullmatch(text)
        if m:
            values = dict(zip(fields, m.groups(), strict=True))
            day = int(values["d"]) if "d" in values else None
            month = values.get("m")
            month = _ROMAN_MONTHS.get(month) or int(month) if month else None
            if day and month and month > 12 >= day and "/" in text and fields[0] == "d":
                day, month = month, day  # 05/14/1990: month first, as in American lists
            return _make(_year(values["y"]), month, day)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_MONTH_YEAR, "my")):
        m = pattern.fullmatch(text)
        if not m:
            continue
        values = dict(zip(order, m.groups(), strict=True))
        month = _month(values["m"])
        if month is None:
            raise ValueError(f"unknown month name {values['m']!r} in {raw!r}")
        return _make(_year(values["y"]), month, int(values["d"]) if "d" in values else None)
    raise ValueError(f"not a date: {raw!r}")


def parse_date(text: str | None) -> PartialDate | None:
    """Parse a date leniently: None for empty, impossible (31.02.1999) or unreadable input.

    See :func:`parse_date_strict` for the accepted forms.
    """
    if text is None:
        return None
    try:
        return parse_date_strict(text)
    except ValueError:
        return None
