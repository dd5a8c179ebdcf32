"""What lists write around a name: ranks, years of birth, units, Turkic particles."""

import pytest

from kintrace.names import name_features
from kintrace.names.context import name_only

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
