"""Feature engineering before Splink: dates, units, sexes and names as columns."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from kintrace.linkage import prepare
from kintrace.linkage.features import place_key, region_key


def _one(**columns: str) -> dict:
    return prepare([{"id": "1", **columns}]).to_pylist()[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07.03.1999", (1999, 3, 7)),
        ("1999-03-07", (1999, 3, 7)),
        ("1999 г.р.", (1999, None, None)),
        ("07.03.1999 г.", (1999, 3, 7)),
        ("1999 р.н.", (1999, None, None)),
        ("19990307", (1999, 3, 7)),
        ("03.1999", (1999, 3, None)),
        ("", (None, None, None)),
    ],
)
def test_birth_date_columns(text, expected):
    row = _one(full_name="Иванов Иван", birth_date=text)
    assert (row["by"], row["bm"], row["bd"]) == expected


def test_unreadable_date_is_missing_and_counted():
    report: Counter = Counter()
    prepare([{"id": "1", "full_name": "Иванов Иван", "birth_date": "abc"}], report=report)
    assert report == Counter({"birth_date": 1})


def test_a_birth_date_still_to_come_is_missing_and_counted():
    next_year = datetime.date.today().year + 1
    rows = [
        {"id": "1", "full_name": "Иванов Иван", "birth_date": f"{next_year}"},
        {"id": "2", "full_name": "Петров Петр", "birth_date": f"01.01.{next_year}"},
        {"id": "3", "full_name": "Сидоров Олег", "birth_date": "12.03.1990"},
        {"id": "4", "full_name": f"Козлов Иван, 02.02.{next_year} г.р."},
    ]
    report: Counter = Counter()
    table = prepare(rows, report=report)
    assert table.column("by").to_pylist() == [None, None, 1990, None]
    assert report == Counter({"birth_date": 2})


@pytest.mark.parametrize("unit", ["в/ч 12345", "VCh 12345", "military unit 12345", "12345"])
def test_unit_forms_share_one_key(unit):
    assert _one(full_name="Иванов Иван", unit=unit)["unit"] == "12345"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("m", "m"), ("Ж", "f"), ("female", "f"), ("Муж.", "m"), ("жінка", "f"), ("Чоловіча", "m")],
)
def test_sex_from_the_file(given, expected):
    assert _one(full_name="Петренко Саша", sex=given)["sex"] == expected


def test_typographic_apostrophe_reads_like_ascii():
    curly = _one(full_name="Krylov Nikolaj Yevgen’yevich")
    plain = _one(full_name="Krylov Nikolaj Yevgen'yevich")
    assert curly["sn_key"] == plain["sn_key"] and curly["pn_full"] == plain["pn_full"]


def test_initials_carry_the_letters_of_other_scripts():
    row = _one(full_name="Коваленко Олександр Миколайович")
    assert set("ao") <= set(row["gn_inits"]) and set("nm") <= set(row["pn_inits"])


def test_row_without_a_name_gets_empty_name_columns():
    rows = prepare([{"id": "1", "full_name": ""}, {"id": "2", "full_name": "Иванов Иван"}])
    first = rows.to_pylist()[0]
    assert first["sn_key"] is None and first["gn_full"] is None


@pytest.mark.parametrize(
    ("full_name", "surname", "year"),
    [
        ("рядовой Иванов Иван Иванович", "ivanov", None),
        ("ст. сержант Петров Петр", "petrov", None),
        ("IVANOV Ivan Ivanovych, 12.03.1990", "ivanov", 1990),
        ("Иванов Иван Иванович 1990 г.р.", "ivanov", 1990),
        ("Майор Иван", "mayor", None),
        ("Иванов Иван, 1990 г.р., рядовой", "ivanov", 1990),
        ("мл. сержант Иванов Иван Иванович (1990)", "ivanov", 1990),
        ("Иванов Иван Иванович сержант", "ivanov", None),
        ("ANDRII OLEKSANDROVYCH NIKITIN, b. 1965", "nikitin", 1965),
    ],
)
def test_rank_and_birth_date_inside_the_name(full_name, surname, year):
    row = _one(full_name=full_name)
    assert row["sn_canon"] == surname and row["by"] == year


@pytest.mark.parametrize(
    ("full_name", "date", "place", "unit"),
    [
        ("Иванов Иван Иванович, 12.03.1990 г.р., погиб 05.06.2023", (1990, 3, 12), None, None),
        ("Иванов Иван Иванович (1990-2023)", (1990, None, None), None, None),
        ("Иванов Иван, уроженец г. Курск, в/ч 12345", (None, None, None), "krsk", "12345"),
        ("Іванов Іван, 1990 р.н., уродженець м. Київ", (1990, None, None), "kv", None),
        ("Іванов Іван, уродженець м. Київ", (None, None, None), "kv", None),
        ("Иванов Иван родом из Курска", (None, None, None), "krsk", None),
        ("Ivanov Ivan, born 12 March 1990, native of Kyiv", (1990, 3, 12), "kv", None),
    ],
)
def test_date_place_and_unit_inside_the_name_fill_their_fields(full_name, date, place, unit):
    row = _one(full_name=full_name)
    assert row["sn_canon"] == "ivanov" and row["gn_full"] == "ivan"
    assert ((row["by"], row["bm"], row["bd"]), row["place"], row["unit"]) == (date, place, unit)


def test_the_columns_win_over_what_the_name_holds():
    row = _one(
        full_name="Иванов Иван, уроженец г. Курск, в/ч 12345",
        birth_place="Тула",
        unit="в/ч 54321",
    )
    assert (row["place"], row["unit"]) == ("tl", "54321")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Республики Бурятия", "Республика Бурятия"),
        ("Краснодарского края", "Краснодарский край"),
        ("Краснодарського краю", "Krasnodarsky Krai"),
        ("Ханты-Мансийского автономного округа", "Ханты-Мансийский автономный округ"),
        ("села Ивановка", "с. Ивановка"),
        ("г. Курска", "Курск"),
    ],
)
def test_a_place_in_the_genitive_has_the_key_of_its_nominative(a, b):
    assert place_key(a) == place_key(b)


# One region as lists name it: by its adjective or its noun, in Russian, Ukrainian or
# English, in the genitive, by another name or an abbreviation.
REGION_FORMS = [
    ["Белгородская область", "Belgorod Oblast", "Белгородской обл.", "Belgorod region"],
    ["Краснодарский край", "Krasnodar Krai", "Краснодарського краю", "Krasnodarsky Krai"],
    ["Краснодарский край", "Кубань", "в Краснодарском крае"],
    ["Харьковская область", "Харківська область", "Kharkiv Oblast", "Kharkivska oblast"],
    ["Свердловская область", "Sverdlovsk Oblast", "Свердловська"],
    ["Винницкая область", "Вінницька область", "Vinnytsia Oblast"],
    ["Хмельницкая область", "Khmelnytskyi Oblast", "Хмельницька область"],
    ["Донецкая область", "Donetsk Oblast", "Донецька область", "ДНР", "DPR", "Донеччина"],
    ["Николаевская область", "Миколаївська область", "Mykolaiv Oblast"],
    ["Запорожская область", "Запорізька область", "Zaporizhzhia Oblast"],
    ["Одесская область", "Одеська область", "Odesa Oblast", "Odessa Oblast"],
    ["Черкасская область", "Черкаська область", "Cherkasy Oblast"],
    ["Закарпатская область", "Закарпатська область", "Transcarpathia"],
    ["Нижегородская область", "Nizhny Novgorod Oblast"],
    ["Республика Башкортостан", "Bashkortostan", "Башкирия"],
    ["Республика Саха (Якутия)", "Yakutia", "Sakha Republic"],
    ["Кемеровская область — Кузбасс", "Kemerovo Oblast", "Кузбасс"],
    ["Ханты-Мансийский автономный округ — Югра", "Khanty-Mansi Autonomous Okrug", "ХМАО"],
    ["Ямало-Ненецкий автономный округ", "Yamalo-Nenets", "ЯНАО"],
    ["Республика Северная Осетия — Алания", "North Ossetia-Alania", "Північна Осетія"],
    ["Санкт-Петербург", "St. Petersburg", "Saint Petersburg", "СПб"],
    ["Московская область", "Moscow Oblast", "Подмосковье", "Moscow region"],
    ["Москва", "г. Москва", "Moscow"],
    ["Республика Алтай", "Altai Republic"],
    ["Алтайский край", "Altai Krai"],
    ["Республика Крым", "АР Крым", "Crimea"],
    ["Київська область", "Київщина", "Kyiv Oblast"],
    ["Полтавська область", "Полтавщина", "Poltava Oblast"],
    ["Ленинградская область", "Ленобласть", "ЛО"],
    ["Калужская область", "Kaluga Oblast", "Калузька область"],
    ["Пензенская область", "Penza Oblast", "Пензенська область"],
    ["Ярославская область", "Yaroslavl Oblast"],
    ["Орловская область", "Oryol Oblast", "Orel Oblast"],
    ["Камчатский край", "Kamchatka Krai", "Камчатка"],
]


@pytest.mark.parametrize("forms", REGION_FORMS, ids=lambda f: f[0])
def test_the_forms_of_one_region_share_a_key(forms):
    keys = {region_key(f) for f in forms}
    assert len(keys) == 1, {f: region_key(f) for f in forms}


def test_regions_keep_apart():
    """The 25 regions above, and those whose keys could meet (Курская/Курганская)."""
    others = [
        *("Курганская область", "Кировская область", "Тульская область", "Томская область"),
    ]
    firsts = list(dict.fromkeys(forms[0] for forms in REGION_FORMS))
    keys = [region_key(f) for f in firsts] + [region_key(o) for o in others]
    assert len(set(keys)) == len(keys)


def test_a_city_is_no_region_of_its_name_in_the_birth_place():
    assert place_key("Кировск") != place_key("Киров")
    assert region_key("Кировская область") == region_key("Kirov Oblast")


def test_rows_as_dicts_give_every_key_not_only_the_first_rows():
    rows = prepare(
        [
            {"id": "1", "full_name": "Иванов Иван"},
            {"id": "2", "full_name": "Петров Петр", "birth_date": "1990", "unit": "в/ч 12345"},
            {"id": "3", "surname": "Сидоров", "given_name": "Сидор"},
        ]
    ).to_pylist()
    assert (rows[1]["by"], rows[1]["unit"]) == (1990, "12345")
    assert rows[2]["sn_canon"] == "sidorov" and rows[2]["gn_full"] == "sidor"


def test_unreadable_values_are_counted_per_row_not_per_value():
    report: Counter = Counter()
    rows = [
        {"id": str(i), "full_name": "Иванов Иван", "birth_date": "abc", "unit": "?"}
        for i in range(3)
    ]
    rows.append({"id": "9", "full_name": "Петров Петр", "birth_date": "1990", "unit": "в/ч 1234"})
    out = prepare(rows, report=report).to_pylist()
    assert report == Counter({"birth_date": 3, "unit": 3})
    assert [r["by"] for r in out] == [None, None, None, 1990]
    assert [r["unit"] for r in out] == [None, None, None, "1234"]


def test_date_column_first_then_the_date_inside_the_name():
    rows = prepare(
        [
            {"id": "1", "full_name": "Иванов Иван, 12.03.1990", "birth_date": ""},
            {"id": "2", "full_name": "Иванов Иван, 12.03.1990", "birth_date": "1985"},
            {"id": "3", "full_name": "Петров Петр", "birth_date": "07.03.1999"},
            {"id": "4", "full_name": "Петров Петр 1991 г.р.", "birth_date": "не знаю"},
        ]
    ).to_pylist()
    assert [(r["by"], r["bm"], r["bd"]) for r in rows] == [
        (1990, 3, 12),
        (1985, None, None),
        (1999, 3, 7),
        (1991, None, None),
    ]


def test_ids_of_any_type_become_text_and_names_keep_their_rows():
    people = [
        {"id": 10, "full_name": "Иванов Иван", "sex": "ж"},
        {"id": 11, "full_name": ""},
        {"id": 12, "full_name": "Иванов Иван"},
        {"id": 13, "surname": "Петренко", "given_name": "Ольга"},
    ]
    rows = prepare(people).to_pylist()
    assert [r["unique_id"] for r in rows] == ["10", "11", "12", "13"]
    assert [r["sn_canon"] for r in rows] == ["ivanov", None, "ivanov", "petrenko"]
    # the file's sex first, then the name's
    assert [r["sex"] for r in rows] == ["f", None, "m", "f"]
