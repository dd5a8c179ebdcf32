"""Table-driven: pairs that must match, pairs that must not, and the level each field takes.

Each row names the rule from shared/DESIGN.md it guards.
"""

from __future__ import annotations

import pytest

from kintrace.linkage import compare

MATCH = 0.5


def person(full_name: str, birth_date: str = "", **extra: str) -> dict[str, str]:
    return {"full_name": full_name, "birth_date": birth_date, **extra}


SAME_PERSON = [
    (
        "scripts and case",
        person("Иванов Алексей Петрович", "07.03.1999"),
        person("IVANOV ALEKSEY PETROVICH", "1999-03-07"),
    ),
    (
        "genitive",
        person("Иванова Алексея Петровича", "07.03.1999"),
        person("Иванов Алексей Петрович", "1999-03-07"),
    ),
    (
        "diminutive",
        person("Лёша Иванов", "07.03.1999"),
        person("Иванов Алексей Петрович", "07.03.1999"),
    ),
    (
        "ukrainian form",
        person("Коваленко Олександр Євгенович", "12.11.1988"),
        person("Коваленко Александр Евгеньевич", "12.11.1988"),
    ),
    (
        "initials across scripts",
        person("Kovalchuk I.V.", "1990-05-05"),
        person("Ковальчук Игорь Владимирович", "05.05.1990"),
    ),
    ("transliteration of ё", person("Журавлёв Игорь", "1985"), person("Zhuravlyov Igor", "1985")),
    (
        "alternates in brackets",
        person("Sokolov (SOKOLOFF), Mikhail (Michael) Ivanovich", "1979"),
        person("Соколов Михаил Иванович", "1979"),
    ),
    (
        "day and month swapped",
        person("Мельник Тарас Богданович", "03.07.1995"),
        person("Мельник Тарас Богданович", "07.03.1995"),
    ),
    (
        "order and unit forms",
        person("Андрей Викторович Смирнов", "", unit="в/ч 12345"),
        person("Смирнов Андрей Викторович", "", unit="VCh 12345"),
    ),
    (
        "slip in the given name",
        person("Николаева Генндия Константиновича", "03.11.1986", unit="71699"),
        person("Николаев Геннадий Константинович", "", unit="VCh 71699"),
    ),
    (
        "slip in the surname's first letters",
        person("Руеднко Артём Евгеньевич", "26/01/2000"),
        person("Руденко, Артем Евгеньевич", "2000", unit="VCh 38768"),
    ),
    (
        "year slip",
        person("Афанасьев Дмитрий Петрович", "1963-09-18", birth_place="Хабаровск"),
        person("Афанасьев Дмитрий Петрович", "18.09.1962", birth_place="Хабаровск"),
    ),
    (
        "rare full name, no date",
        person("Гребенюк Ярослав Тарасович"),
        person("Grebeniuk Yaroslav Tarasovych"),
    ),
    (
        "month first and a year slip",
        person("Михайлов Владимир Степанович", "1997-04-06"),
        person("Михайлов Владимир Степанович", "04.06.1996"),
    ),
    (
        "slip in a short surname",
        person("Панов Олексій Олександрович", "1982"),
        person("ПАООВ ОЛЕКСІЙ ОЛЕКСАНДРОВИЧ", "1.8.1982"),
    ),
    (
        "genitive of a given name the dictionary also reads as a woman's",
        person("Фролова Георгия", "28.03.1968", unit="41712"),
        person("ФРОЛОВ ГЕОРГИЙ СЕРГЕЕВИЧ", "1968-03-28", unit="в/ч-41712"),
    ),
    (
        "English initial",
        person("Осипова Екатерина Сергеевна", "05.03.1995", unit="в/ч 26126"),
        person("OSIPOVA C.S.", "1995", unit="military unit 26126"),
    ),
    (
        "folk and church form of a given name (curated)",
        person("Жуков Егор Константинович", "14.05.1990"),
        person("Жуков Георгий Константинович", "1990-05-14"),
    ),
    (
        "folk and church form of the father's name (curated)",
        person("Жуков Иван Георгиевич", "14.05.1990"),
        person("ЖУКОВ ИВАН ЕГОРОВИЧ", "1990-05-14"),
    ),
    (
        "maiden name in brackets",
        person("Иванова (Петрова) Мария Ивановна", "03.02.1971"),
        person("Петрова Мария Ивановна", "1971-02-03"),
    ),
    (
        "one part of a double surname",
        person("Петров Кузьма Сергеевич", "05.11.1978"),
        person("Петров-Водкин Кузьма Сергеевич", "1978-11-05"),
    ),
    (
        "double surname with a space",
        person("ПЕТРОВ ВОДКИН КУЗЬМА", "05.11.1978"),
        person("Петров-Водкин Кузьма Сергеевич", "1978-11-05"),
    ),
    (
        "rank and year of birth in the name column",
        person("Кузнецов Андрей Иванович", "02.02.1994"),
        person("мл. сержант Кузнецов А.И., 1994 г.р.", "02.02.1994"),
    ),
]

DIFFERENT_PEOPLE = [
    (
        "different patronymic",
        person("Андрей Викторович Смирнов", "01.01.1990"),
        person("Андрей Павлович Смирнов", "01.01.1990"),
    ),
    (
        "father and son",
        person("Иванов Иван Иванович", "12.04.1970", birth_place="Курск"),
        person("Иванов Иван Иванович", "03.09.1995", birth_place="Курск"),
    ),
    (
        "twins",
        person("Петров Андрей Сергеевич", "01.01.1990", birth_place="Тула"),
        person("Петров Алексей Сергеевич", "01.01.1990", birth_place="Тула"),
    ),
    (
        "common name, different dates",
        person("Иванов Александр Сергеевич", "12.05.1985"),
        person("Иванов Александр Сергеевич", "03.11.1979"),
    ),
    (
        "common name, nothing else",
        person("Иванов Александр Сергеевич"),
        person("Иванов Александр Сергеевич"),
    ),
    (
        "brother and sister",
        person("Иванов Александр Сергеевич", "1990"),
        person("Иванова Александра Сергеевна", "1990"),
    ),
    (
        "two names from one root are two names (Юрий, Егор)",
        person("Жуков Юрий Константинович", "14.05.1990"),
        person("Жуков Егор Константинович", "14.05.1990"),
    ),
]


@pytest.mark.parametrize(("rule", "a", "b"), SAME_PERSON, ids=[r[0] for r in SAME_PERSON])
def test_same_person_matches(rule, a, b):
    result = compare(a, b)
    assert result.probability >= MATCH, result.sentence


@pytest.mark.parametrize(("rule", "a", "b"), DIFFERENT_PEOPLE, ids=[r[0] for r in DIFFERENT_PEOPLE])
def test_different_people_do_not_match(rule, a, b):
    result = compare(a, b)
    assert result.probability < MATCH, result.sentence


LEVELS = [
    (
        "given_name",
        person("Саша Петренко"),
        person("Олександр Петренко"),
        "same given name (or its variant)",
    ),
    (
        "given_name",
        person("Alexander Petrenko"),
        person("Александр Петренко"),
        "same given name (or its variant)",
    ),
    (
        "given_name",
        person("Petrenko O."),
        person("Петренко Олександр"),
        "given name initial agrees",
    ),
    ("given_name", person("Петренко Андрей"), person("Петренко Алексей"), "given name different"),
    (
        "surname",
        person("Иванова Мария"),
        person("Иванов Иван"),
        "same surname, other gender or case form",
    ),
    ("surname", person("Zhuravlyov Igor"), person("Журавлёв Игорь"), "surname sounds the same"),
    (
        "patronymic",
        person("Ivanov Ivan Evgenievich"),
        person("Іванов Іван Євгенович"),
        "same father's name",
    ),
    (
        "patronymic",
        person("Smirnov Andrei Viktorovich"),
        person("Смирнов Андрей Павлович"),
        "father's name different",
    ),
    (
        "birth_date",
        person("Иванов Иван", "07.03.1999"),
        person("Иванов Иван", "1999-03-07"),
        "same birth date",
    ),
    (
        "birth_date",
        person("Иванов Иван", "07.03.1999"),
        person("Иванов Иван", "03.07.1999"),
        "birth day and month swapped",
    ),
    (
        "birth_date",
        person("Иванов Иван", "1999"),
        person("Иванов Иван", "07.03.1999"),
        "same birth year",
    ),
    (
        "birth_date",
        person("Иванов Иван", "1999"),
        person("Иванов Иван", "2000"),
        "birth year one apart",
    ),
    (
        "birth_date",
        person("Иванов Иван", "1970"),
        person("Иванов Иван", "1995"),
        "birth years far apart",
    ),
    (
        "birth_date",
        person("Иванов Иван", "17.02.1991"),
        person("Иванов Иван", "28.02.1991"),
        "same birth year and month, other day",
    ),
    (
        "birth_date",
        person("Иванов Иван", "02.1991"),
        person("Иванов Иван", "28.02.1991"),
        "same birth year and month",
    ),
    (
        "birth_date",
        person("Иванов Иван", "18.09.1963"),
        person("Иванов Иван", "1962-09-18"),
        "same birth day and month, year one apart",
    ),
    (
        "birth_date",
        person("Иванов Иван", "1997-04-06"),
        person("Иванов Иван", "04.06.1996"),
        "birth day and month swapped, year one apart",
    ),
    (
        "surname",
        person("Панов Олег"),
        person("Паоов Олег"),
        "surname one slip apart",
    ),
    ("surname", person("Панов Олег"), person("Попов Олег"), "surname different"),
    (
        "given_name",
        person("Осипова Екатерина"),
        person("Osipova C."),
        "given name initial agrees",
    ),
    (
        "birth_place",
        person("Иванов Иван", birth_place="г. Киев"),
        person("Иванов Иван", birth_place="Київ"),
        "same birth place",
    ),
    (
        "birth_place",
        person("Иванов Иван", birth_place="Кривой Рог"),
        person("Иванов Иван", birth_place="Kryvyi Rih"),
        "same birth place",
    ),
    (
        "birth_place",
        person("Иванов Иван", birth_place="Омск"),
        person("Иванов Иван", birth_place="Томск"),
        "birth place different",
    ),
    (
        "region",
        person("Иванов Иван", region="Харьковская область"),
        person("Иванов Иван", region="Kharkivska oblast"),
        "same region",
    ),
    (
        "patronymic",
        {"surname": "Рахимов", "given_name": "Фаррух", "patronymic": "нет"},
        {"surname": "Рахимов", "given_name": "Фаррух", "patronymic": "Анварович"},
        None,  # missing: no evidence either way, not a different father's name
    ),
    (
        "patronymic",
        {"surname": "Рахимов", "given_name": "Фаррух", "patronymic": "-"},
        person("Рахимов Фаррух Анварович"),
        None,
    ),
    (
        "birth_date",
        person("Иванов Иван", "00.00.1985"),
        person("Иванов Иван", "12.03.1985"),
        "same birth year",
    ),
    (
        "region",
        person("Иванов Иван", region="Белгородская область"),
        person("Иванов Иван", region="Belgorod Oblast"),
        "same region",
    ),
    (
        "region",
        person("Иванов Иван", region="Москва"),
        person("Иванов Иван", region="Московская область"),
        "region different",
    ),
    (
        "birth_place",
        person("Иванов Иван Иванович, уроженец г. Курск"),
        person("Иванов Иван Иванович", birth_place="Курск"),
        "same birth place",
    ),
    (
        "birth_date",
        person("Иванов Иван Иванович, 12.03.1990 г.р., погиб 05.06.2023"),
        person("Иванов Иван Иванович", "12.03.1990"),
        "same birth date",
    ),
    (
        "unit",
        person("Иванов Иван Иванович, в/ч 12345"),
        person("Иванов Иван Иванович", unit="VCh 12345"),
        "same military unit",
    ),
    (
        "surname",
        person("Dschabrailow Magomed"),
        person("Джабраилов Магомед"),
        "surname sounds the same",
    ),
    (
        "region",
        person("Иванов Иван", region="Республика Татарстан"),
        person("Иванов Иван", region="Republic of Tatarstan"),
        "same region",
    ),
    (
        "region",
        person("Иванов Иван", region="Чукотский автономный округ"),
        person("Иванов Иван", region="Chukotskiy Autonomous Okrug"),
        "same region",
    ),
    (
        "given_name",
        person("Жуков Егор Константинович"),
        person("Жуков Георгий Константинович"),
        "given name related (Егор/Георгий)",
    ),
    (
        "patronymic",
        person("Жуков Иван Георгиевич"),
        person("Жуков Иван Егорович"),
        "father's name related (Егорович/Георгиевич)",
    ),
    (
        "surname",
        person("Иванова (Петрова) Мария"),
        person("Петрова Мария"),
        "surname is the other's other surname",
    ),
    (
        "unit",
        person("Иванов Иван", unit="в/ч 12345"),
        person("Иванов Иван", unit="military unit 12345"),
        "same military unit",
    ),
]


@pytest.mark.parametrize(
    ("field", "a", "b", "label"), LEVELS, ids=[f"{r[0]}:{r[3]}" for r in LEVELS]
)
def test_comparison_level(field, a, b, label):
    evidence = {f: lv for f, lv, _ in compare(a, b).evidence}
    assert evidence.get(field) == label


def test_matching_birth_date_only_raises_the_score():
    without = compare(person("Иванов Иван Петрович"), person("Иванов Иван Петрович"))
    with_date = compare(
        person("Иванов Иван Петрович", "1990-01-02"), person("Иванов Иван Петрович", "02.01.1990")
    )
    assert with_date.match_weight > without.match_weight


def test_common_name_weighs_less_than_rare_name():
    common = compare(person("Иванов Александр"), person("Иванов Александр"))
    rare = compare(person("Гребенюк Ярослав"), person("Гребенюк Ярослав"))
    assert rare.match_weight > common.match_weight
