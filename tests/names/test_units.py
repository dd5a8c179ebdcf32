"""Military unit numbers to one key per unit."""

import pytest

from kintrace.names import unit_key

CASES = [
    ("в/ч 12345", "12345"),
    ("войсковая часть 12345", "12345"),
    ("войсковой части 12345", "12345"),
    ("ВЧ-12345", "12345"),
    ("В/Ч12345", "12345"),
    ("в. ч. 12345", "12345"),
    ("military unit 12345", "12345"),
    ("Military Unit No. 12345", "12345"),
    ("VCh 12345", "12345"),
    ("v/ch 12345", "12345"),
    ("в/ч 12345-А", "12345-A"),
    ("в/ч 12345 «А»", "12345-A"),
    ('в/ч 12345 "А"', "12345-A"),
    ("в/ч п/п 12345", "12345"),
    ("полевая почта 54321", "54321"),
    ("А1234", "A1234"),
    ("військова частина А1234", "A1234"),
    ("в/ч А-1234", "A1234"),
    ("військова частина В4321", "V4321"),
    ("12345", "12345"),
    ("служил в в/ч 06705 в Пскове", "06705"),
]


@pytest.mark.parametrize(("text", "key"), CASES)
def test_unit_key(text, key):
    assert unit_key(text) == key


@pytest.mark.parametrize("text", [None, "", "нет номера", "Псков", "в/ч", "1999 год"])
def test_no_unit_number(text):
    assert unit_key(text) is None
