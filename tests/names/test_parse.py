"""Parsing full names: order, script, initials, brackets, declension."""

import pytest

from kintrace.names import normalise_text, parse_name
from kintrace.names.parse import parse_parts

# (input, surname, given, patronymic, given_initial, patronymic_initial, sex)
PARSE_CASES = [
    ("Иванов Алексей Петрович", "Иванов", "Алексей", "Петрович", "А", "П", "m"),
    ("IVANOV ALEKSEY PETROVICH", "Ivanov", "Aleksey", "Petrovich", "A", "P", "m"),
    ("Alexey P. Ivanov", "Ivanov", "Alexey", None, "A", "P", "m"),
    ("Иванов А.П.", "Иванов", None, None, "А", "П", "m"),
    ("Іванов Олексій Петрович", "Іванов", "Олексій", "Петрович", "О", "П", "m"),
    ("Kovalchuk I.V.", "Kovalchuk", None, None, "I", "V", None),
    ("Ковальчук И. В.", "Ковальчук", None, None, "И", "В", None),
    ("Лёша Иванов", "Иванов", "Леша", None, "Л", None, "m"),
    ("Ivanov, Aleksei", "Ivanov", "Aleksei", None, "A", None, "m"),
    ("Ivanov Aleksei", "Ivanov", "Aleksei", None, "A", None, "m"),
    ("Алексей Петрович Иванов", "Иванов", "Алексей", "Петрович", "А", "П", "m"),
    ("Иванова Мария Петровна", "Иванова", "Мария", "Петровна", "М", "П", "f"),
    ("ИВАНОВА МАРИЯ", "Иванова", "Мария", None, "М", None, "f"),
    ("Smirnov Andrey Viktorovich", "Smirnov", "Andrey", "Viktorovich", "A", "V", "m"),
    ("Shevchenko Taras Hryhorovych", "Shevchenko", "Taras", "Hryhorovych", "T", "H", "m"),
    ("Петренко Петро Петрович", "Петренко", "Петро", "Петрович", "П", "П", "m"),
    ("Коваленко Ірина Миколаївна", "Коваленко", "Ірина", "Миколаївна", "І", "М", "f"),
    ("  смирнов   андрей  ", "Смирнов", "Андрей", None, "А", None, "m"),
    ("Iвaнoв Олексій", "Іванов", "Олексій", None, "О", None, "m"),
    ("Журавлёв Егор", "Журавлев", "Егор", None, "Е", None, "m"),
    ("Петров-Водкин Кузьма Сергеевич", "Петров-Водкин", "Кузьма", "Сергеевич", "К", "С", "m"),
    # A double surname with a space: the middle word is no given name, the last no
    # father's name; a father's name not in our tables still keeps its place.
    ("Петров Водкин Кузьма", "Петров Водкин", "Кузьма", None, "К", None, "m"),
    # A name cut short to two letters is one initial, not two.
    ("Иванов Ив. Ив.", "Иванов", None, None, "И", "И", "m"),
    ("Петров Ал.Ив.", "Петров", None, None, "А", "И", "m"),
    ("Иванов ИВ.", "Иванов", None, None, "И", "В", "m"),
    ("PETROV VODKIN KUZMA", "Petrov Vodkin", "Kuzma", None, "K", None, "m"),
    ("Абдуллаев Рустам Ильхам", "Абдуллаев", "Рустам", "Ильхам", "Р", "И", "m"),
    ("Yu. Gagarin", "Gagarin", None, None, "Yu", None, "m"),
    ("Ткаченко Оксана", "Ткаченко", "Оксана", None, "О", None, "f"),
    ("В'ячеслав Коваль", "Коваль", "В'ячеслав", None, "В", None, "m"),
    ("Вʼячеслав Коваль", "Коваль", "В'ячеслав", None, "В", None, "m"),
    # A soft sign romanised with a typographic apostrophe is part of the word (BGN/PCGN).
    ("Yakovlev Artem Arkad’yevich", "Yakovlev", "Artem", "Arkad'yevich", "A", "A", "m"),
    ("Karpov Igor’ Kirillovich", "Karpov", "Igor", "Kirillovich", "I", "K", "m"),
    ("Smirnova Lesya Arsenʹyevna", "Smirnova", "Lesya", "Arsen'yevna", "L", "A", "f"),
    # A dictionary's guess from the ending (Бондар as a given name) does not decide order.
    ("Володимир Бондар", "Бондар", "Володимир", None, "В", None, "m"),
    ("Андрей Бондар", "Бондар", "Андрей", None, "А", None, "m"),
    # Two Latin words our tables do not know: rigour's name groups tell the given name.
    ("Michael Shestakov", "Shestakov", "Michael", None, "M", None, "m"),
    # A declined patronymic marks the order and the case of the whole name.
    ("Вадиму Александровичу Фролову", "Фролов", "Вадим", "Александрович", "В", "А", "m"),
    ("Грицайова Александра Владимировича", "Грицайова", "Александр", "Владимирович", "А", "В", "m"),
    # A slip in the given name, declined with the rest of the name.
    ("Зайцева Игря Никитича", "Зайцев", "Игорь", "Никитич", "И", "Н", "m"),
    ("Николаева Генндия Константиновича", "Николаев", "Геннадий", "Константинович", "Г", "К", "m"),
    ("Руденко, Павелу Сергеевичу", "Руденко", "Павел", "Сергеевич", "П", "С", "m"),
    ("Олейник, Ннколай", "Олейник", "Николай", None, "Н", None, "m"),
    ("Matveev Prvlo Oleksandrovych", "Matveev", "Pavlo", "Oleksandrovych", "P", "O", "m"),
    # What lists write around a name: ranks, years of birth, units (kintrace.names.context).
    ("рядовой Кузнецов Андрей", "Кузнецов", "Андрей", None, "А", None, "m"),
    ("ст. лейтенант Петров Петр Петрович", "Петров", "Петр", "Петрович", "П", "П", "m"),
    ("мл. сержант Сидоров С.С.", "Сидоров", None, None, "С", "С", "m"),
    ("Сержант ИВАНОВ И.И.", "Иванов", None, None, "И", "И", "m"),
    ("молодший сержант Іваненко Іван", "Іваненко", "Іван", None, "І", None, "m"),
    ("Sgt. Ivan Petrov", "Petrov", "Ivan", None, "I", None, "m"),
    ("Иванов Иван Иванович, 1990 г.р.", "Иванов", "Иван", "Иванович", "И", "И", "m"),
    ("Ковальчук Олег Васильевич, в/ч 12345", "Ковальчук", "Олег", "Васильевич", "О", "В", "m"),
    ("Бойко Ірина Петрівна 12.05.1990 р.н.", "Бойко", "Ірина", "Петрівна", "І", "П", "f"),
    ("Иванов Иван Иванович, рядовой", "Иванов", "Иван", "Иванович", "И", "И", "m"),
    ("капитан 3 ранга Смирнов Олег Ильич", "Смирнов", "Олег", "Ильич", "О", "И", "m"),
    ("Иванов (в/ч 1234) Иван", "Иванов", "Иван", None, "И", None, "m"),
    ("ИВАНОВ Иван Иванович (позывной «Волк»)", "Иванов", "Иван", "Иванович", "И", "И", "m"),
    # A surname that is also a rank stays when nothing else would be left of the name.
    ("Майор Иван", "Майор", "Иван", None, "И", None, "m"),
    # Turkic patronymics: the father's name and a particle are one patronymic.
    ("Абдуллаев Рустам Ильхам оглы", "Абдуллаев", "Рустам", "Ильхам-Оглы", "Р", "И", "m"),
    ("Мамедова Айгюн Вагиф кызы", "Мамедова", "Айгюн", "Вагиф-Кызы", "А", "В", "f"),
    ("Гасанов Эльчин Ильхам-оглы", "Гасанов", "Эльчин", "Ильхам-Оглы", "Э", "И", "m"),
    ("Mammadov Rustam Ilham oglu", "Mammadov", "Rustam", "Ilham-Oglu", "R", "I", "m"),
    # a mark where a part is not known is no part of the name
    ("Иванов Иван -", "Иванов", "Иван", None, "И", None, "m"),
    ("Иванов Иван —", "Иванов", "Иван", None, "И", None, "m"),
    # a nickname in quotes is no part of the name; a name in two scripts is read once
    ('Иванов Иван "Ваня" Иванович', "Иванов", "Иван", "Иванович", "И", "И", "m"),
    ("Иванов Иван Иванович «Волк»", "Иванов", "Иван", "Иванович", "И", "И", "m"),
    ("«Иванов» Иван", "Иванов", "Иван", None, "И", None, "m"),
    ("Іванов Іван Іванович / Ivanov Ivan", "Іванов", "Іван", "Іванович", "І", "І", "m"),
    ("Ivanov Ivan Ivanovich / Іванов Іван Іванович", "Іванов", "Іван", "Іванович", "І", "І", "m"),
    ("Иванова / Петрова Мария", "Иванова Петрова", "Мария", None, "М", None, "f"),
    # ... and where the given name is not known, the patronymic stays the patronymic
    ("Иванов - Иванович", "Иванов", None, "Иванович", None, "И", "m"),
    ("Иванова ? Петровна", "Иванова", None, "Петровна", None, "П", "f"),
    ("Ivanov - Ivanovich", "Ivanov", None, "Ivanovich", None, "I", "m"),
    # an unknown person is no surname Неизвестный
    ("Неизвестный", None, None, None, None, None, None),
    ("неизвестный солдат", None, None, None, None, None, None),
    ("Невідомий", None, None, None, None, None, None),
    ("Unknown", None, None, None, None, None, None),
]


# Separate columns with a placeholder where a part is not known: (surname, given,
# patronymic as written) -> (surname, given, patronymic) read.
MISSING_PART_CASES = [
    (("Иванов", "Иван", "-"), ("Иванов", "Иван", None)),
    (("Иванов", "Иван", "нет"), ("Иванов", "Иван", None)),
    (("Иванов", "Иван", "Нет данных"), ("Иванов", "Иван", None)),
    (("Иванов", "Иван", "н/д"), ("Иванов", "Иван", None)),
    (("Иванов", "Иван", "не указано"), ("Иванов", "Иван", None)),
    (("Иванов", "Иван", "неизвестно"), ("Иванов", "Иван", None)),
    (("Иванов", "Иван", "без отчества"), ("Иванов", "Иван", None)),
    (("Іванов", "Іван", "немає"), ("Іванов", "Іван", None)),
    (("Іванов", "Іван", "невідомо"), ("Іванов", "Іван", None)),
    (("IVANOV", "IVAN", "N/A"), ("Ivanov", "Ivan", None)),
    (("IVANOV", "IVAN", "NONE"), ("Ivanov", "Ivan", None)),
    (("Ivanov", "Ivan", "unknown"), ("Ivanov", "Ivan", None)),
    (("Иванов", "?", "?"), ("Иванов", None, None)),
    (("Иванов", "—", "Иванович"), ("Иванов", None, "Иванович")),
    # words that only begin like a placeholder stay
    (("Нетов", "Иван", "Иванович"), ("Нетов", "Иван", "Иванович")),
    (("Неизвестнов", "Иван", ""), ("Неизвестнов", "Иван", None)),
    # short names and initials that look like placeholders stay
    (("Ivanov", "Nil", ""), ("Ivanov", "Nil", None)),
    (("Na", "Min", ""), ("Na", "Min", None)),
]


def test_initials_that_look_like_a_placeholder_stay_initials():
    assert parse_parts("Иванов", "Н.Д.", "").given_initial == "Н"
    assert parse_parts("Ivanov", "N.", "A.").patronymic_initial == "A"


@pytest.mark.parametrize(("parts", "read"), MISSING_PART_CASES)
def test_a_placeholder_in_a_column_is_a_missing_part(parts, read):
    parsed = parse_parts(*parts)
    assert (parsed.surname, parsed.given_name, parsed.patronymic) == read


@pytest.mark.parametrize(("text", "surname", "given", "patr", "g_ini", "p_ini", "sex"), PARSE_CASES)
def test_parse_name(text, surname, given, patr, g_ini, p_ini, sex):
    parsed = parse_name(text)
    assert (parsed.surname, parsed.given_name, parsed.patronymic) == (surname, given, patr)
    assert (parsed.given_initial, parsed.patronymic_initial) == (g_ini, p_ini)
    assert parsed.sex == sex


def test_bracketed_alternates_are_kept_apart():
    parsed = parse_name("Sokolov (SOKOLOFF), Mikhail (Michael) Ivanovich")
    assert parsed.surname == "Sokolov"
    assert parsed.given_name == "Mikhail"
    assert parsed.patronymic == "Ivanovich"
    assert parsed.alternates == ("Sokoloff", "Michael")
    assert parsed.alternate_roles == ("surname", "given")


SCRIPT_CASES = [
    ("Иванов Алексей", "cyrillic", "ru"),  # Алексей: Ukrainian writes Олексій
    ("Бондаренко Марина", "cyrillic", None),  # the same in Russian and Ukrainian
    ("Іванов Олексій", "cyrillic", "uk"),
    ("Ivanov Aleksei", "latin", None),
    ("Ivanov Иван", "mixed", None),
    ("Ковальчук Ірина Тарасівна", "cyrillic", "uk"),
    ("Иванов Эдуард Ильич", "cyrillic", "ru"),
    ("Kovalenko Iryna Petrivna", "latin", "uk"),
]


@pytest.mark.parametrize(("text", "script", "hint"), SCRIPT_CASES)
def test_script_and_language_hint(text, script, hint):
    parsed = parse_name(text)
    assert parsed.script == script
    assert parsed.language_hint == hint


NORMALISE_CASES = [
    ("ЖУРАВЛЁВ", "журавлев"),
    ("Iвaнoв", "іванов"),
    ("Вʼячеслав", "в'ячеслав"),
    ("В’ячеслав", "в'ячеслав"),
    ("В`ячеслав", "в'ячеслав"),
    ("Ščerbakov", "shcherbakov"),
    ("Петров – Водкин", "петров-водкин"),
    ("  Иван \t Петров ", "иван петров"),
    ("Ivаnov", "ivanov"),  # Cyrillic а inside a Latin word
    ("Žukov", "zhukov"),
    ("Łukasz", "lukasz"),
    ("Ива\u0301нов Ива\u0300н", "иванов иван"),  # stress marks
    ("Ѝванов", "иванов"),
    ("Ив\u00adанов", "иванов"),  # a soft hyphen
    ("Иванов\u200bИван", "иванов иван"),  # a zero-width space
    ("ИВАНОВ_ИВАН", "иванов иван"),
    ("Йосип Їжак", "йосип їжак"),  # the marks of й and ї stay
    ("И\u0306осип", "йосип"),  # й written as и and a combining breve
]


@pytest.mark.parametrize(("text", "expected"), NORMALISE_CASES)
def test_normalise_text(text, expected):
    assert normalise_text(text) == expected
