"""What lists write around a name: ranks, years of birth, units, Turkic particles."""

import pytest

from kintrace.names import name_features
from kintrace.names.context import Extras, extras, name_only

# (text in a name column, the name alone, words removed from the start)
NAME_ONLY_CASES = [
    ("Иванов Иван Иванович", "Иванов Иван Иванович", 0),
    ("Иванов Иван Иванович, 1990 г.р.", "Иванов Иван Иванович", 0),
    ("Иванов Иван Иванович 1990 г.р.", "Иванов Иван Иванович", 0),
    ("Иванов Иван род. 1990", "Иванов Иван", 0),
    ("Иванов Иван в/ч 12345", "Иванов Иван", 0),
    ("Ковальчук Олег Васильевич, в/ч 12345-А", "Ковальчук Олег Васильевич", 0),
    ("Иванов Иван, 1990 г.р., рядовой", "Иванов Иван", 0),
    ("1990 Иванов Иван", "Иванов Иван", 0),
    ("Шевченко, Микола Петрович", "Шевченко, Микола Петрович", 0),
    ("рядовой Кузнецов Андрей", "Кузнецов Андрей", 1),
    ("ст. лейтенант Петров Петр Петрович", "Петров Петр Петрович", 2),
    ("ст.лейтенант Петров Петр", "Петров Петр", 1),
    ("гв. ст. сержант Иванов И.И.", "Иванов И.И.", 3),
    ("капитан 3-го ранга Смирнов Олег Ильич, 1970 г.р.", "Смирнов Олег Ильич", 3),
    ("старший солдат Бойко Іван", "Бойко Іван", 2),
    ("Lt Col Ivan Petrov", "Ivan Petrov", 2),
    ("Private John Smith", "John Smith", 1),
    # A rank after the name, with or without a comma.
    ("Иванов Иван Иванович рядовой", "Иванов Иван Иванович", 0),
    ("Иванов Иван ст. лейтенант", "Иванов Иван", 0),
    ("Иванов Иван капитан 3 ранга", "Иванов Иван", 0),
    ("Сидоров Пётр сержант полиции", "Сидоров Пётр", 0),
    ("Бойко Іван старший солдат", "Бойко Іван", 0),
    ("Ivan Petrov, Lt Col", "Ivan Petrov", 0),
    ("Иванов Иван Иванович, ефрейтор", "Иванов Иван Иванович", 0),
    # A rank of one word without a comma goes only when three words are left: a name
    # written given name first ends with the surname, and some surnames are ranks.
    ("Иван Иванович Майор", "Иван Иванович Майор", 0),
    ("David James Seaman", "David James Seaman", 0),
    ("Иванов Иван рядовой", "Иванов Иван рядовой", 0),
    ("рядовой Иванов Иван сержант", "Иванов Иван сержант", 1),
    # Not ranks: a surname that is one with nothing else left, surnames made from ranks.
    ("Рядовой Иванов", "Рядовой Иванов", 0),
    ("Майор Иван", "Майор Иван", 0),
    ("Иван Майор", "Иван Майор", 0),
    ("Иванов Иван Солдатов", "Иванов Иван Солдатов", 0),
    ("Столяров Иван", "Столяров Иван", 0),
    ("Генералов Иван Петрович", "Генералов Иван Петрович", 0),
    ("Майоров Сергей", "Майоров Сергей", 0),
    ("рядовой Иванов, 1990", "рядовой Иванов", 0),
    # A place of birth or an event told after the name is no part of it.
    ("Иванов Иван Иванович, 12.03.1990 г.р., уроженец г. Курск", "Иванов Иван Иванович", 0),
    ("Иванов Иван Иванович уроженец г. Курск", "Иванов Иван Иванович", 0),
    ("Иванов Иван Иванович (уроженец г. Курск)", "Иванов Иван Иванович", 0),
    ("Іванов Іван Іванович, уродженець м. Київ", "Іванов Іван Іванович", 0),
    ("Иванов Иван Иванович родом из Курска", "Иванов Иван Иванович", 0),
    ("Ivan Petrov, native of Kursk", "Ivan Petrov", 0),
    ("Иванов Иван Иванович погиб", "Иванов Иван Иванович", 0),
    ("Иванов Иван Иванович, пропал без вести", "Иванов Иван Иванович", 0),
    ("Иванов Иван Иванович, погиб 05.06.2023, 1990 г.р.", "Иванов Иван Иванович", 0),
    # Whole words only: Умеров is no "умер", Пленов no "плен".
    ("Умеров Рустем Энверович", "Умеров Рустем Энверович", 0),
    ("Пленов Иван", "Пленов Иван", 0),
    # What follows the first part that is not the name is no name either.
    ("Иванов Иван Иванович, 1990, Курск", "Иванов Иван Иванович", 0),
    ("Иванов Иван, рядовой, Курск", "Иванов Иван", 0),
    ("Ivanov, Ivan, 1990, Kursk", "Ivanov, Ivan", 0),
    ("123, Иванов Иван", " Иванов Иван", 0),
    # A name written surname first goes on up to its number; a row number before it.
    ("Иванов, Иван Иванович 1990 г.р.", "Иванов,Иван Иванович", 0),
    ("Ivanov, Ivan 12.03.1990", "Ivanov,Ivan", 0),
    ("Иванов Иван Иванович 12.03.1990, 155 обрмп", "Иванов Иван Иванович", 0),
    ("12. Иванов, Иван, 1990", "Иванов, Иван", 0),
    ("12) Иванов, Иван Иванович, 1990", "Иванов, Иван Иванович", 0),
    # An event word that is a name (the Crimean Tatar Умер) stays; in capitals after a
    # whole name it is the event.
    ("Асанов Умер Рустемович", "Асанов Умер Рустемович", 0),
    ("Smith Kia", "Smith Kia", 0),
    ("ИВАНОВ ИВАН ИВАНОВИЧ ПОГИБ", "ИВАНОВ ИВАН ИВАНОВИЧ", 0),
    # Initials are no abbreviation of "место рождения".
    ("КОРОЛЕВА М.Р.", "КОРОЛЕВА М.Р.", 0),
    ("Мартинов, М. Р.", "Мартинов, М. Р.", 0),
]


@pytest.mark.parametrize(("text", "name", "removed"), NAME_ONLY_CASES)
def test_name_only(text, name, removed):
    assert name_only(text) == (name, removed)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The particle form and the Russian patronymic made from the same father's name.
        ("Абдуллаев Рустам Ильхам оглы", "Абдуллаев Рустам Ильхамович"),
        ("Абдуллаев Рустам Ильхам оглы", "ABDULLAYEV RUSTAM ILHAM OGLU"),
        ("Мамедова Айгюн Вагиф кызы", "Мамедова Айгюн Вагифовна"),
        # A rank, a year or a unit in the name column changes nothing of the name.
        ("рядовой Кузнецов Андрей Иванович", "Кузнецов Андрей Иванович"),
        ("Кузнецов Андрей Иванович, 1990 г.р., в/ч 12345", "Кузнецов Андрей Иванович"),
    ],
)
def test_the_same_name_written_with_its_context_has_the_same_keys(a, b):
    fa, fb = name_features(full_name=a), name_features(full_name=b)
    assert (fa.surname_key, fa.given_canon, fa.patronymic_key, fa.sex) == (
        fb.surname_key,
        fb.given_canon,
        fb.patronymic_key,
        fb.sex,
    )


def test_a_female_particle_does_not_meet_the_male_one():
    son = name_features(full_name="Мамедов Айдын Вагиф оглы")
    daughter = name_features(full_name="Мамедова Айгюн Вагиф кызы")
    assert (son.sex, daughter.sex) == ("m", "f")


# (text in a name column, birth date, place of birth, unit as written there)
EXTRAS_CASES = [
    ("Иванов Иван Иванович", None, None, None),
    ("Иванов Иван Иванович, 12.03.1990", "12.03.1990", None, None),
    ("Иванов Иван Иванович, 12.03.1990 г.р.", "12.03.1990", None, None),
    ("Иванов Иван Иванович 12.03.1990 р.н.", "12.03.1990", None, None),
    ("Иванов Иван Иванович, 1990 г. р., рядовой", "1990", None, None),
    ("Иванов Иван (1990)", "1990", None, None),
    ("Иванов Иван Иванович 12.03.90", "12.03.90", None, None),
    ("Иванов Иван Иванович, 12. 03. 1990 г.р.", "12. 03. 1990", None, None),
    ("Иванов Иван 7-го марта 1999 г.р.", "7-го марта 1999", None, None),
    ("Іванов Іван, 7 березня 1999 р.н.", "7 березня 1999", None, None),
    ("Ivanov Ivan Ivanovich, born 12 March 1990", "12 March 1990", None, None),
    ("Ivanov, Ivan, March 7, 1990", "March 7, 1990", None, None),
    ("Ivanov Ivan, March 1990", "March 1990", None, None),
    ("Иванов Иван 7.III.1999", "7.III.1999", None, None),
    ("Иванов Иван 19900312", "19900312", None, None),
    # The date of death, capture or call-up beside it is not the birth date.
    ("Иванов Иван Иванович, 12.03.1990 г.р., погиб 05.06.2023", "12.03.1990", None, None),
    ("Иванов Иван Иванович, погиб 05.06.2023, 1990 г.р.", "1990", None, None),
    ("Иванов Иван Иванович погиб 05.06.2023", None, None, None),
    ("Іванов Іван, загинув 05.06.2023", None, None, None),
    ("Иванов Иван, в плену с 12.03.2022", None, None, None),
    ("Иванов Иван, мобилизован 01.10.2022, 1990 г.р.", "1990", None, None),
    ("Иванов Иван, пропал без вести 12.03.2023", None, None, None),
    ("Ivanov Ivan, b. 1965, d. 2023", "1965", None, None),
    ("Ivanov Ivan, died 2023", None, None, None),
    ("Иванов Иван † 2023", None, None, None),
    # A life written as a range: its first year.
    ("Иванов Иван Иванович (1990-2023)", "1990", None, None),
    ("Иванов Иван Иванович (1990 – 2023)", "1990", None, None),
    # A unit's number is not a year.
    ("Иванов Иван в/ч 2012", None, None, "в/ч 2012"),
    ("Иванов Иван Иванович, 1990 г.р., в/ч 12345", "1990", None, "в/ч 12345"),
    ("рядовой Иванов И.И., войсковая часть 12345-А", None, None, "войсковая часть 12345-А"),
    ("Petrov Ivan, military unit 12345", None, None, "military unit 12345"),
    # The place of birth after its word, up to a comma, a date or a unit.
    (
        "Иванов Иван Иванович, 12.03.1990 г.р., уроженец г. Курск",
        "12.03.1990",
        "г. Курск",
        None,
    ),
    ("Иванова Мария, уроженка Краснодарского края, 1990 г.р.", "1990", "Краснодарского края", None),
    ("Іванов Іван, 1990 р.н., уродженець м. Київ", "1990", "м. Київ", None),
    ("Иванов Иван родом из Курска", None, "Курска", None),
    ("Иванов Иван (уроженец Республики Бурятия)", None, "Республики Бурятия", None),
    ("Ivan Petrov, native of Kursk, b. 1990", "1990", "Kursk", None),
    ("Иванов Иван, уроженец г. Курск 1990 г.р.", "1990", "г. Курск", None),
    # A name that looks like an event word, an initial D., a Ukrainian unit's letter,
    # a row number, an event told after its date.
    ("Асанов Умер 1990 г.р.", "1990", None, None),
    ("Асанов Умер Рустемович 12.03.1990", "12.03.1990", None, None),
    ("Petrov D. 12.03.1990", "12.03.1990", None, None),
    ("Ivanov I.D. 12.03.1990", "12.03.1990", None, None),
    ("Иванов Иван, в/ч А1983, 1990", "1990", None, "в/ч А1983"),
    ("Коваль Іван, військова частина А2062", None, None, "військова частина А2062"),
    ("1985. Иванов Иван Иванович, 12.03.1990", "12.03.1990", None, None),
    ("Иванов Иван Иванович 14.02.2023 (погиб)", None, None, None),
    ("Петров Петр Петрович 12.10.2022 мобилизован", None, None, None),
    ("ИВАНОВ ИВАН ИВАНОВИЧ ПОГИБ 05.06.2023", None, None, None),
    ("Иванов Иван Иванович, Погиб 05.06.2023", None, None, None),
    ("Иванов Иван погиб в 2023 году родился в 1990", "1990", None, None),
    # Abbreviated months, a two-digit year before г.р., spreadsheet and ordinal forms.
    ("Иванов Иван Иванович, 12 дек. 1990", "12 дек. 1990", None, None),
    ("Иванов Иван, 5 окт 1990 г.р.", "5 окт 1990", None, None),
    ("Иванов Иван 90 г.р.", "90 г.р.", None, None),
    ("Ivanov Ivan, 12-Mar-90", "12-Mar-90", None, None),
    ("Ivanov Ivan 12th March 1990", "12th March 1990", None, None),
]


@pytest.mark.parametrize(("text", "date", "place", "unit"), EXTRAS_CASES)
def test_what_a_name_column_holds_besides_the_name(text, date, place, unit):
    assert extras(text) == Extras(date, place, unit)
