"""How fast ``features_for_many`` turns a large published list into name features.

Builds 1,100,000 records that look like real casualty and prisoner lists:
names drawn with a Zipf-like frequency (a few names are very common), Russian
and Ukrainian forms, diminutives, Latin spellings under several schemes, upper
case, initials, other orders, a few declined forms, split columns. Prints a
table; never asserts. Run: ``.venv/bin/python bench/normalise_speed.py [N]``.

The machine may be shared: CPU seconds (this process and its forked workers)
are printed beside the wall time, with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from functools import cache

from kintrace.names import features_for_many, transliterate
from kintrace.names.variants import all_given_forms, all_patronymic_forms

SEED = 20240224

_SURNAMES = """
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков
Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев Сергеев Кузьмин Фролов
Александров Дмитриев Королев Гусев Киселев Ильин Максимов Поляков Сорокин Виноградов Ковалев
Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов
Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников
Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов
Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышев Быков Маслов Родионов Коновалов
Лазарев Воронин Климов Филатов Пономарев Голубев Кудрявцев Прохоров Наумов Потапов Журавлев
Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачев
Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев
Бирюков Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов
Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов Аксенов Софронов
Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Демин
Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин Калашников Леонтьев
Лобанов Кузин Корнилов Евдокимов Бородин Платонов Некрасов Балашов Бобров Жданов Блинов
Игнатьев Коротков Муравьев Крюков Беляков Богомолов Дроздов Лавров Зуев Петухов Ларин Никулин
Серов Терентьев Зотов Устинов Фокин Самойлов Константинов Сахаров Шишкин Самсонов Черкасов
Чистяков Носов Спиридонов Карасев Авдеев Воронцов Зверев Владимиров Селезнев Нечаев Кудрявцев
Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бондар Ткачук
Марченко Лисенко Мельник Мороз Руденко Савченко Петренко Клименко Павленко Кравчук Кузьменко
Левченко Гончаренко Харченко Карпенко Романенко Костенко Сидоренко Ковальчук Приходько Гаврилюк
Мазур Мартинюк Лук'яненко Стельмах Ярошенко Литвиненко Дмитренко Юрченко Остапенко Тимошенко
Зінченко Вакуленко Мирошниченко Кириленко Пилипенко Гриценко Кушнір Савчук Антонюк Оліфіренко
Семенко Фесенко Головко Назаренко Гуменюк Ковальов Білик Лебідь Сорока Перепелиця Білий Чорний
Гребенюк Данильченко Демченко Дорошенко Ігнатенко Климчук Коломієць Кononенко Мусієнко Нестеренко
Онищенко Панченко Пономаренко Рибак Бойко Кравець Ковальський Вишневський Заїка Захарченко
""".replace("Кononенко", "Кононенко").split()

_LATIN_SCHEMES_RU = ("ru-icao", "ru-wikipedia", "ru-mvd-782", "ru-bgn-pcgn", "ru-passport-1997")
_LATIN_SCHEMES_UK = ("uk-kmu-2010", "uk-passport-2007", "uk-bgn-pcgn", "uk-national-1996")
_EXTRA_LATIN = ("Alexey", "Alexander", "Sasha", "Dmitry", "Sergei", "Yuri", "Michael", "Nikolai")


def _zipf_weights(n: int, s: float = 1.05) -> list[float]:
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


@cache
def _latin(word: str, scheme: str) -> str:
    return transliterate(word, scheme)


def _female(surname: str) -> str:
    for m, f in (("ский", "ская"), ("цкий", "цкая"), ("ський", "ська"), ("ов", "ова"),
                 ("ев", "ева"), ("ин", "ина"), ("ів", "іва"), ("ий", "а")):  # fmt: skip
        if surname.endswith(m):
            return surname[: -len(m)] + f
    return surname


def _genitive(surname: str, given: str, patronymic: str, sex: str) -> tuple[str, str, str]:
    """A crude genitive ("I am looking for ...") for the declined share of the records."""
    if sex == "f":
        s = surname[:-1] + "ой" if surname.endswith(("ова", "ева", "ина")) else surname
        g = given[:-1] + ("и" if given.endswith("я") else "ы") if given[-1] in "ая" else given
        return s, g, patronymic[:-1] + "ы" if patronymic.endswith("на") else patronymic
    s = surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname
    g = given[:-1] + "я" if given.endswith(("й", "ь")) else given + "а"
    return s, g, patronymic + "а" if patronymic.endswith("ич") else patronymic


def build_records(n: int, seed: int = SEED) -> list[tuple[str | None, ...]]:
    """``n`` rows of (full_name, surname, given_name, patronymic) with real-list repetition."""
    rng = random.Random(seed)
    given = {"m": {"ru": [], "uk": []}, "f": {"ru": [], "uk": []}}
    for form, _group, sex, lang in all_given_forms():
        if lang not in ("ru", "uk"):  # English forms (Helen) are not written in Cyrillic lists
            continue
        for s in [sex] if sex else ["m", "f"]:
            given[s][lang].append(form.title())
    patr = {"m": {"ru": [], "uk": []}, "f": {"ru": [], "uk": []}}
    for form, _group, sex, lang in all_patronymic_forms():
        if "иевич" not in form and "иевна" not in form:
            patr[sex or "m"][lang].append(form.title())
    pools = {}
    for sex in ("m", "f"):
        for lang in ("ru", "uk"):
            g, p = given[sex][lang], patr[sex][lang]
            pools[sex, lang] = (g, _zipf_weights(len(g)), p, _zipf_weights(len(p)))
    s_weights = _zipf_weights(len(_SURNAMES))
    rows: list[tuple[str | None, ...]] = []
    for _ in range(n):
        sex = "m" if rng.random() < 0.8 else "f"
        lang = "ru" if rng.random() < 0.65 else "uk"
        g_pool, g_w, p_pool, p_w = pools[sex, lang]
        surname = rng.choices(_SURNAMES, s_weights)[0]
        surname = _female(surname) if sex == "f" else surname
        first = rng.choices(g_pool, g_w)[0]
        father = rng.choices(p_pool, p_w)[0]
        rows.append(_format(rng, surname, first, father, sex, lang))
    return rows


def _format(rng: random.Random, s: str, g: str, p: str, sex: str, lang: str) -> tuple:
    roll = rng.random()
    if roll < 0.35:
        return (f"{s} {g} {p}", None, None, None)
    if roll < 0.45:
        return (f"{s} {g} {p}".upper(), None, None, None)
    if roll < 0.50:
        return (f"{g} {p} {s}", None, None, None)
    if roll < 0.55:
        return (f"{s} {g[0]}.{p[0]}.", None, None, None)
    if roll < 0.57:
        return (
            (" ".join(_genitive(s, g, p, sex)), None, None, None)
            if lang == "ru"
            else (f"{s} {g}", None, None, None)
        )
    if roll < 0.72:
        scheme = rng.choice(_LATIN_SCHEMES_RU if lang == "ru" else _LATIN_SCHEMES_UK)
        parts = [_latin(x, scheme) for x in (s, g, p)]
        if rng.random() < 0.1:
            parts[1] = rng.choice(_EXTRA_LATIN)
        text = " ".join(parts)
        return (text.upper() if rng.random() < 0.5 else text, None, None, None)
    if roll < 0.77:
        scheme = rng.choice(_LATIN_SCHEMES_RU)
        return (f"{_latin(g, scheme)} {_latin(s, scheme)}", None, None, None)
    if roll < 0.95:
        return (None, s, g, p)
    scheme = rng.choice(_LATIN_SCHEMES_UK if lang == "uk" else _LATIN_SCHEMES_RU)
    return (None, _latin(s, scheme), _latin(g, scheme), _latin(p, scheme))


def _cpu_seconds() -> float:
    """User and system time of this process and of its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "records",
        nargs="?",
        type=int,
        default=1_100_000,
        help="how many records (default 1,100,000)",
    )
    n = parser.parse_args().records
    t0 = time.perf_counter()
    rows = build_records(n)
    built = time.perf_counter() - t0
    tokens = {w for row in rows for v in row if v for w in v.lower().split()}
    distinct_rows = len(set(rows))
    load_before = os.getloadavg()[0]
    cpu0 = _cpu_seconds()
    t1 = time.perf_counter()
    features = features_for_many(rows)
    wall = time.perf_counter() - t1
    cpu = _cpu_seconds() - cpu0
    load_after = os.getloadavg()[0]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert len(features) == len(rows)
    table = [
        ("records", f"{len(rows):,}"),
        ("distinct rows", f"{distinct_rows:,}"),
        ("distinct tokens", f"{len(tokens):,}"),
        ("build seconds (not timed)", f"{built:.1f}"),
        ("wall seconds", f"{wall:.1f}"),
        ("records/second", f"{len(rows) / wall:,.0f}"),
        ("CPU seconds (all processes)", f"{cpu:.1f}"),
        ("load average before/after", f"{load_before:.1f} / {load_after:.1f}"),
        ("peak RSS MiB", f"{rss:,.0f}"),
    ]
    width = max(len(k) for k, _ in table)
    for key, value in table:
        print(f"{key:<{width}}  {value:>12}")


if __name__ == "__main__":
    main()
