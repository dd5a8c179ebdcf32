"""Romanisation under named schemes."""

import pytest

from kintrace.names import transliterate

CASES = [
    ("Олександр Щербаков", "uk-kmu-2010", "Oleksandr Shcherbakov"),
    ("Юрій", "uk-kmu-2010", "Yurii"),
    ("Євгенія", "uk-kmu-2010", "Yevheniia"),
    ("Згурський", "uk-kmu-2010", "Zghurskyi"),
    ("Знам'янка", "uk-kmu-2010", "Znamianka"),
    ("Юрій", "uk-passport-2007", "Iurii"),
    ("Щербаков", "uk-iso-9", "Ŝerbakov"),
    ("Журавлёв Юрий", "ru-icao", "Zhuravlev Iurii"),
    ("Журавлёв Юрий", "ru-wikipedia", "Zhuravlyov Yury"),
    ("Журавлёв Юрий", "ru-mvd-782", "Zhuravlyev Yuriy"),
    ("Журавлёв", "ru-gost-779", "Žuravlëv"),
    ("Щербаков", "ru-gost-779", "Ŝerbakov"),
    ("Алексеевич", "ru-icao", "Alekseevich"),
    ("Щербакова", "ru-bgn-pcgn", "Shcherbakova"),
    ("Журавлёв Юрий", "canon", "zhuravlev yuriy"),
    ("Іванов Олексій", "canon", "ivanov oleksiy"),
    ("Ivanov", "ru-icao", "Ivanov"),
]


@pytest.mark.parametrize(("text", "scheme", "expected"), CASES)
def test_transliterate(text, scheme, expected):
    assert transliterate(text, scheme) == expected


def test_unknown_scheme_names_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown transliteration scheme 'klingon'.*uk-kmu-2010"):
        transliterate("Иван", "klingon")
