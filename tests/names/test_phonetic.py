"""The phonetic skeleton key: Cyrillic and Latin spellings of one name meet."""

import pytest

from kintrace.names import name_features, phonetic_key

SAME_KEY = [
    ["Zhuravlyov", "Журавлёв", "Zhuravlev", "Žuravlëv", "Журавлев"],
    ["Shcherbakov", "Ščerbakov", "Щербаков", "Scherbakov", "Schtscherbakow", "Chtcherbakov"],
    ["Yuriy", "Yuri", "Iurii", "Юрий", "Jurij", "Yury", "Юрій"],
    ["Sokoloff", "Sokolov", "Соколов", "Sokolow"],
    ["Khodorkovsky", "Hodorkovskiy", "Ходорковский", "Khodorkovskii"],
    ["Aleksandr", "Alexander", "Александр"],
    ["Alexey", "Aleksey", "Alexei", "Алексей", "Aleksei", "Aleksej"],
    ["Evgenievna", "Yevgenyevna", "Евгеньевна", "Ievgenievna"],
    ["Maria", "Mariya", "Мария", "Марія", "Mariia"],
    ["Petrovich", "Петрович", "Petrovych"],
    ["Kovalchuk", "Ковальчук", "Kowalczuk"],
    ["Tchaikovsky", "Чайковский", "Tschaikowski"],
    ["Sergeyev", "Сергеев", "Sergeev"],
    ["Hryhorenko", "Григоренко", "Grigorenko"],
    ["Tsoi", "Цой", "Tsoy"],
    ["Aksenov", "Axenov", "Аксёнов", "Aksyonov"],
    ["Yelena", "Elena", "Елена", "Jelena"],
    ["Ilya", "Ilia", "Илья", "Il'ya"],
    ["Kovalska", "Ковальська", "Kowalska"],
    ["Petrovskiy", "Petrovsky", "Петровский", "Petrovskij"],
    # German and Polish schemes: w for в, ch for х, z or c for ц, s for з
    ["Khrushchov", "Хрущов", "Chruschtschow", "Chruszczow"],
    ["Kuznetsov", "Кузнецов", "Kuzniecow"],
    ["Vasilyev", "Васильев", "Wassiljew"],
    ["Tsvetkov", "Цветков", "Cwietkow"],
    ["Kozlovsky", "Козловский", "Kozlowski"],
    ["Vasilevskiy", "Василевский", "Wasilewski"],
    ["Gorbachov", "Горбачов", "Gorbatschow", "Gorbaczow"],
    ["Sokolov", "Соколов", "Sokolow"],
    ["Shvarts", "Шварц", "Schwarz"],
    # the ending -ёв after ж, ч, ш, щ: -ов in Ukrainian and most schemes, -ев in print
    ["Pugachev", "Пугачёв", "Пугачев", "Пугачов", "Puhachov", "Pugachov"],
    ["Chernyshev", "Чернышёв", "Чернишов", "Chernyshov"],
    ["Khrushchev", "Хрущёв", "Хрущов", "Khrushchov"],
    # Ukrainian ьо for ё after a soft consonant
    ["Korolev", "Королёв", "Королев", "Корольов", "Korolyov", "Koroliov"],
    ["Koroleva", "Королёва", "Корольова", "Koroliova"],
    ["Kiselev", "Киселёв", "Кисельов", "Kiselyov"],
    ["Zhuravlev", "Журавлёв", "Журавльов"],
    # дж as English, French, German and Polish write it
    ["Dzhabrailov", "Джабраилов", "Dschabrailow", "Dżabrailow", "Djabrailov"],
    ["Gadzhiev", "Гаджиев", "Hadzhiiev", "Gadjiev"],
    ["Khadzhimuradov", "Хаджимурадов", "Khadjimuradov"],
    # dj is дья in a word written the German way (Djakow, Djatschenko, Nadja)
    ["Dyakov", "Дьяков", "Djakow", "Diakov"],
    ["Dyachenko", "Дьяченко", "Djatschenko", "Diachenko"],
    ["Nadya", "Надя", "Nadja", "Nadia"],
]


@pytest.mark.parametrize("spellings", SAME_KEY, ids=lambda s: s[0])
def test_spellings_share_a_key(spellings):
    keys = {phonetic_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(phonetic_key, spellings), strict=True))


DIFFERENT_KEY = [
    ("Иван", "Иванна"),
    ("Яна", "Анна"),
    ("Соколов", "Сорокин"),
    ("Петров", "Петренко"),
    ("Alexander", "Alexey"),
    ("Жуков", "Зуев"),
    ("Шолохов", "Шелехов"),
    # -ев and -ов stay apart but after ж, ч, ш, щ; ё only in the ending
    ("Игнатьев", "Игнатов"),
    ("Васильев", "Василов"),
    ("Зверев", "Зверов"),
    ("Шестак", "Шостак"),
    ("Чен", "Чон"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT_KEY)
def test_different_names_differ(left, right):
    assert phonetic_key(left) != phonetic_key(right)


def test_key_is_lower_ascii_and_per_word():
    key = phonetic_key("Журавлёв Егор")
    assert key == "juravlev ehor"
    assert key.isascii()


def test_oleksiy_meets_alexey_through_canon_not_key():
    a, b, c = (name_features(given_name=n) for n in ("Oleksiy", "Alexey", "Алексей"))
    assert a.given_canon == b.given_canon == c.given_canon == "aleksey"
    assert a.given_key != b.given_key


def test_surname_keys_meet_across_scripts():
    a = name_features(full_name="Zhuravlyov Yegor")
    b = name_features(full_name="Журавлёва Анна")
    assert a.surname_key == b.surname_key == "juravlev"
