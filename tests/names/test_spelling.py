"""Slips inside given names: put right only when nothing knows the word, to one name."""

import pytest

from kintrace.names import name_features
from kintrace.names.spelling import given_corrections

CORRECTED = [
    ("ннколай", "николай"),  # a letter replaced
    ("алекасндр", "александр"),  # two letters swapped count as one slip
    ("алексаднр", "александр"),
    ("генндия", "геннадия"),  # a declined form: the genitive of Геннадий
    ("игря", "игоря"),
    ("пало", "павло"),  # a letter lost
    ("prvlo", "pavlo"),  # Latin spellings under the romanisation schemes
    ("stanisnav", "stanislav"),
    ("sernej", "sergej"),
]


@pytest.mark.parametrize(("word", "expected"), CORRECTED)
def test_slip_is_put_right(word, expected):
    assert expected in given_corrections(word)


LEFT_ALONE = [
    "мария",  # known names are never changed (Мария is not a slip of Дарья)
    "дарья",
    "игоря",  # a declined form the dictionary knows
    "эльвира",  # a name the dictionary knows, outside our tables
    "michael",  # a name rigour knows
    "олг",  # Олег or a case of Оля: two names, so neither
    "ннн",  # too short: one slip from a case of Нина
    "ivanov",  # nothing near
    "бнколай",  # the first letter is kept: slips seldom hit it
    "ал",  # too short to tell
]


@pytest.mark.parametrize("word", LEFT_ALONE)
def test_known_or_unclear_words_are_left_alone(word):
    assert given_corrections(word) == ()


def test_a_corrected_name_meets_its_group():
    slip = name_features(full_name="Середюков, Алексаднр Геннадьевич")
    right = name_features(full_name="Serediukov Oleksandr Hennadiiovych")
    assert slip.given_canon == right.given_canon == "aleksandr"


@pytest.mark.parametrize(
    ("familiar", "group"),
    [
        ("Вика", "viktoriya"),
        ("Vika", "viktoriya"),
        ("Игорёк", "igor"),
        ("Ilyusha", "ilya"),
        ("Тоня", "antonina"),
        ("Kiryusha", "kirill"),
        ("Саня", "aleksandr"),
    ],
)
def test_familiar_forms_in_both_scripts(familiar, group):
    assert name_features(given_name=familiar).given_canon == group
