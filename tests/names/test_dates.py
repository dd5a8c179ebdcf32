"""Partial dates with their precision."""

import pytest

from kintrace.names import PartialDate, parse_date, parse_date_strict

CASES = [
    ("1999-03-07", "1999-03-07", "day"),
    ("07.03.1999", "1999-03-07", "day"),
    ("07/03/1999", "1999-03-07", "day"),
    ("7.3.1999", "1999-03-07", "day"),
    ("7.3.99", "1999-03-07", "day"),
    ("12.05.05", "2005-05-12", "day"),
    ("1.1.29", "2029-01-01", "day"),
    ("1.1.30", "1930-01-01", "day"),
    ("1999-03", "1999-03", "month"),
    ("03.1999", "1999-03", "month"),
    ("1999", "1999", "year"),
    ("7 марта 1999", "1999-03-07", "day"),
    ("7 марта 1999 г.", "1999-03-07", "day"),
    ("7 мая 1999", "1999-05-07", "day"),
    ("7 березня 1999", "1999-03-07", "day"),
    ("1 травня 2001 р.", "2001-05-01", "day"),
    ("March 7, 1999", "1999-03-07", "day"),
    ("7 March 1999", "1999-03-07", "day"),
    ("Mar. 7 1999", "1999-03-07", "day"),
    ("March 1999", "1999-03", "month"),
    ("март 1999", "1999-03", "month"),
    ("29.02.2000", "2000-02-29", "day"),
    ("1999-03-07T00:00:00", "1999-03-07", "day"),
    ("19990307", "1999-03-07", "day"),  # registers export YYYYMMDD
    ("20050512", "2005-05-12", "day"),
    ("1999 г.р.", "1999", "year"),  # "year of birth" after the date
    ("1999 г. р.", "1999", "year"),
    ("1999 р.н.", "1999", "year"),
    ("1999 года рождения", "1999", "year"),
    ("1999 року народження", "1999", "year"),
    ("07.03.1999 г.р.", "1999-03-07", "day"),
    ("07.03.1999 г.", "1999-03-07", "day"),
    ("1999 born", "1999", "year"),
    ("1999.03.07", "1999-03-07", "day"),  # year first with dots or slashes
    ("1999/3/7", "1999-03-07", "day"),
    ("7.III.1999", "1999-03-07", "day"),  # Roman month
    ("07 iii 1999", "1999-03-07", "day"),
    ("12-XI-1985", "1985-11-12", "day"),
    ("XII.1999", "1999-12", "month"),
    ("07.03.1999 0:00:00", "1999-03-07", "day"),  # spreadsheet export with a clock time
    ("07.03.1999 00:00", "1999-03-07", "day"),
    ("7-го марта 1999", "1999-03-07", "day"),
    ("(1999)", "1999", "year"),
    ("(07.03.1999)", "1999-03-07", "day"),
    ("05/14/1990", "1990-05-14", "day"),  # month first where day first cannot be
    ("5/14/90", "1990-05-14", "day"),
    ("14-May-1990", "1990-05-14", "day"),
    ("14-мая-1990", "1990-05-14", "day"),
    ("около 1990", "1990", "year"),  # an approximate year is that year
    ("ок. 1990", "1990", "year"),
    ("приблизно 1990", "1990", "year"),
    ("circa 1990", "1990", "year"),
    ("~1990", "1990", "year"),
    ("1990?", "1990", "year"),
    ("1990 (?)", "1990", "year"),
    ("b. 1990", "1990", "year"),
    ("род. 14.05.1990", "1990-05-14", "day"),
    ("родился 1990", "1990", "year"),
    ("родилась 7 марта 1990", "1990-03-07", "day"),
    # a form's label before the date
    ("Дата рождения: 12.03.1990", "1990-03-12", "day"),
    ("дата народження 12.03.1990", "1990-03-12", "day"),
    ("д.р. 12.03.1990", "1990-03-12", "day"),
    ("DOB: 12/03/1990", "1990-03-12", "day"),
    ("Date of birth 12.03.1990", "1990-03-12", "day"),
    ("Год рождения: 1990", "1990", "year"),
    ("рік народження 1990", "1990", "year"),
    ("Г.р.: 12.03.1990", "1990-03-12", "day"),
    ("р.н. 1990", "1990", "year"),
    # separators as typed documents space them, or typed as commas or spaces
    ("12. 03. 1990", "1990-03-12", "day"),
    ("12 .03.1990", "1990-03-12", "day"),
    ("12 - 03 - 1990", "1990-03-12", "day"),
    ("12,03,1990", "1990-03-12", "day"),
    ("12 03 1990", "1990-03-12", "day"),
    # abbreviated months, an English ordinal day, a spreadsheet's two-digit year
    ("12 мар 1990", "1990-03-12", "day"),
    ("12 янв. 1990", "1990-01-12", "day"),
    ("12 февр. 1990", "1990-02-12", "day"),
    ("12 сент. 1990", "1990-09-12", "day"),
    ("1 сен 1990", "1990-09-01", "day"),
    ("3 нояб. 1990", "1990-11-03", "day"),
    ("12 дек 1990", "1990-12-12", "day"),
    ("12 мар. 1990 г.", "1990-03-12", "day"),
    ("12 бер. 1990", "1990-03-12", "day"),
    ("12 трав. 1990", "1990-05-12", "day"),
    ("3 лист. 1990", "1990-11-03", "day"),
    ("12 вер. 1990", "1990-09-12", "day"),
    ("12th March 1990", "1990-03-12", "day"),
    ("12-Mar-90", "1990-03-12", "day"),
    # a two-digit year announced as a year of birth; a full stop after the date
    ("90 г.р.", "1990", "year"),
    ("05 р.н.", "2005", "year"),
    ("12.03.1990.", "1990-03-12", "day"),
    ("1990.", "1990", "year"),
    # a day or month not known, written as zeros or marks
    ("00.00.1985", "1985", "year"),
    ("0.0.1985", "1985", "year"),
    ("00.03.1985", "1985-03", "month"),
    ("xx.xx.1985", "1985", "year"),
    ("ХХ.ХХ.1985", "1985", "year"),
    ("??.??.1985", "1985", "year"),
    ("__.__.1985", "1985", "year"),
    ("1985-00-00", "1985", "year"),
    ("1985-03-00", "1985-03", "month"),
]


@pytest.mark.parametrize(("text", "iso", "precision"), CASES)
def test_parse_date(text, iso, precision):
    date = parse_date(text)
    assert date is not None
    assert (date.iso, date.precision) == (iso, precision)


BAD = [
    "31.02.1999",
    "29.02.1999",
    "13.13.1999",
    "garbage",
    "",
    "7 foo 1999",
    "1700",
    None,
    "19991332",  # YYYYMMDD with month 13
    "7.XIII.1999",  # no Roman month XIII
    "1999.13.07",
    "7.IIII.1999",
    "05.14.1990",  # dots are day first: no month 14
    "13/13/1990",
    "v 1990",  # a Roman month before the year only with a dot, slash or hyphen
    "i 1990",
    "?",
    "г.р.",
    "90",  # two digits alone are no year
    "1990-е",  # a decade
    "мар",
    "00.13.1985",
    "00.00.0000",
    "1990 - 2023",  # a life, not a date
    "12, 1990",
]


@pytest.mark.parametrize("text", BAD)
def test_lenient_parser_returns_none(text):
    assert parse_date(text) is None


STRICT_ERRORS = [
    ("31.02.1999", "day 31 does not exist in 1999-02"),
    ("13.13.1999", "month 13 is not between 1 and 12"),
    ("garbage", "not a date: 'garbage'"),
    ("7 foo 1999", "unknown month name 'foo'"),
    ("", "empty date"),
    ("1700", "year 1700 is outside"),
]


@pytest.mark.parametrize(("text", "message"), STRICT_ERRORS)
def test_strict_parser_explains(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date_strict(text)


SWAPS = [
    ("07.03.1999", "1999-07-03"),
    ("12.01.2000", "2000-12-01"),
    ("13.03.1999", None),  # day over 12: no month 13
    ("03.03.1999", None),  # the same either way
    ("31.01.1999", None),
    ("1999-03", None),
]


@pytest.mark.parametrize(("text", "swapped"), SWAPS)
def test_swapped(text, swapped):
    result = parse_date(text).swapped()
    assert (result.iso if result else None) == swapped


def test_partial_date_fields():
    assert parse_date("03.1999") == PartialDate(1999, 3, None, "month")
    assert parse_date("1999") == PartialDate(1999, None, None, "year")
