"""Fictional published lists for `kintrace demo`, one per kind and format.

Each holds a few of the demo's sought people written as real lists write them (in
Ukrainian, in Latin letters, declined, by a familiar name) among invented others.
`kintrace demo --records M` adds M invented records in lists of several publishers, sides,
kinds and categories, some people in the lists of more than one publisher (one person key).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import tempfile
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from kintrace.cases.demo import (
    FATHER_PATRONYMICS,
    MALE_NAMES,
    PLACES,
    REGIONS,
    RU_SURNAMES,
    UK_SURNAMES,
    UNITS,
)
from kintrace.cases.models import OPEN_STATUSES, Person, fold_for_search
from kintrace.lists import actions, exporters
from kintrace.lists.models import Category, ListKind, SourceList
from kintrace.names import transliterate, unit_key

FAMILIAR = {
    "Алексей": "Лёша", "Александр": "Саша", "Дмитрий": "Дима", "Сергей": "Серёжа",
    "Иван": "Ваня", "Николай": "Коля", "Михаил": "Миша", "Владимир": "Вова",
    "Евгений": "Женя", "Павел": "Паша",
}  # fmt: skip
UKRAINIAN = {
    "Алексей": "Олексій", "Александр": "Олександр", "Андрей": "Андрій", "Сергей": "Сергій",
    "Дмитрий": "Дмитро", "Николай": "Микола", "Михаил": "Михайло", "Владимир": "Володимир",
    "Иван": "Іван", "Виктор": "Віктор", "Евгений": "Євген", "Павел": "Павло", "Игорь": "Ігор",
    "Олег": "Олег", "Юрий": "Юрій", "Максим": "Максим", "Роман": "Роман",
}  # fmt: skip


def _uk_letters(word: str) -> str:
    """Russian letters as a Ukrainian list writes them (и -> і, ы -> и, ё -> ьо, э -> е)."""
    word = word.replace("и", "і").replace("И", "І").replace("ы", "и")
    return word.replace("ё", "ьо").replace("э", "е").replace("Э", "Е")


def _uk_surname(surname: str) -> str:
    return _uk_letters(surname)


def _uk_patronymic(patronymic: str) -> str:
    for ru, uk in (("ьевич", "ійович"), ("еевич", "ійович"), ("евич", "ович")):
        if patronymic.endswith(ru):
            return _uk_letters(patronymic[: -len(ru)]) + uk
    return _uk_letters(patronymic)


def _genitive(word: str) -> str:
    if word.endswith(("ей", "ий", "ай")):
        return word[:-1] + "я"
    if word.endswith("ь"):
        return word[:-1] + "я"
    return word + "а" if word[-1] not in "аяоеиый" else word


def _born(p: Person, day_first: bool = True) -> str:
    if not p.birth_year:
        return ""
    if p.birth_day and p.birth_month:
        if day_first:
            return f"{p.birth_day:02d}.{p.birth_month:02d}.{p.birth_year}"
        return f"{p.birth_year}-{p.birth_month:02d}-{p.birth_day:02d}"
    return str(p.birth_year)


def _filler(rng: random.Random, count: int) -> list[dict[str, str]]:
    people = []
    for _ in range(count):
        born = dt.date(rng.randint(1970, 2005), rng.randint(1, 12), rng.randint(1, 28))
        people.append(
            {
                "surname": rng.choice(RU_SURNAMES),
                "given_name": rng.choice(MALE_NAMES),
                "patronymic": "",
                "birth_date": f"{born:%d.%m.%Y}",
                "unit": rng.choice(UNITS),
                "birth_place": rng.choice(PLACES),
                "region": rng.choice(REGIONS),
            }
        )
    return people


def _sought(seed: int) -> list[Person]:
    """Open cases whose given name we can write in other forms, picked the same each time."""
    # Names may be encrypted at rest: filter them here, not in the database.
    candidates = Person.objects.filter(case__status__in=OPEN_STATUSES).exclude(birth_year=None)
    people = [p for p in candidates.order_by("case_id")[:300] if p.given_name in FAMILIAR][:60]
    random.Random(seed).shuffle(people)  # noqa: S311  (fictional data)
    return people[:6]


def _prisoners_csv(sought: list[Person], filler: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["№", "ФИО", "Дата рождения", "Место рождения", "в/ч", "Статус"])
    rows = []
    if sought:
        p = sought[0]  # Ukrainian spelling, as a Ukrainian list prints it
        name = f"{_uk_surname(p.surname)} {UKRAINIAN.get(p.given_name, p.given_name)}"
        rows.append(
            [
                name + f" {_uk_patronymic(p.patronymic)}".rstrip(),
                _born(p),
                p.birth_place,
                p.military_unit,
            ]
        )
    if len(sought) > 1:
        p = sought[1]  # declined: "(the list of) Иванова Алексея Петровича"
        words = [_genitive(w) for w in (p.surname, p.given_name, p.patronymic) if w]
        rows.append([" ".join(words), _born(p), "", p.military_unit])
    rows += [
        [f"{f['surname']} {f['given_name']}", f["birth_date"], f["birth_place"], f["unit"]]
        for f in filler
    ]
    for number, row in enumerate(rows, 1):
        writer.writerow([number, *row, "в плену"])
    return out.getvalue().encode("cp1251", errors="replace")


def _killed_json(sought: list[Person], filler: list[dict]) -> bytes:
    rows = []
    if len(sought) > 2:
        p = sought[2]  # Latin letters, capitals, as an English-language release
        rows.append(
            {
                "name": transliterate(f"{p.surname} {p.given_name}", "ru-icao").upper(),
                "born": _born(p, day_first=False),
                "unit": p.military_unit.replace("в/ч", "military unit"),
                "status": "killed in action",
                "date": "2024-05",
            }
        )
    rows += [
        {"name": f"{f['surname']} {f['given_name']}", "born": f["birth_date"], "unit": f["unit"],
         "status": "погиб", "date": ""}
        for f in filler
    ]  # fmt: skip
    return json.dumps({"records": rows}, ensure_ascii=False, indent=1).encode("utf-8")


def _wounded_xlsx(sought: list[Person], filler: list[dict], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Фамилия", "Имя", "Отчество", "Год рождения", "Регион", "Госпиталь"])
    if len(sought) > 3:
        p = sought[3]  # a familiar name, as a fellow soldier gave it
        sheet.append(
            [p.surname, FAMILIAR[p.given_name], "", p.birth_year, p.region, "госпиталь №3"]
        )
    for f in filler:
        sheet.append(
            [f["surname"], f["given_name"], "", f["birth_date"][-4:], f["region"], "госпиталь №1"]
        )
    book.save(path)


def _exchanged_pfif(sought: list[Person], filler: list[dict]) -> bytes:
    people = []
    chosen = sought[4:5]
    for i, p in enumerate(chosen):
        surname = transliterate(_uk_surname(p.surname), "uk-kmu-2010")
        given = transliterate(UKRAINIAN.get(p.given_name, p.given_name), "uk-kmu-2010")
        people.append((f"demo.example.org/exchanged.{i}", f"{surname} {given}", surname, given, p))
    people += [
        (f"demo.example.org/exchanged.f{i}", f"{f['surname']} {f['given_name']}", f["surname"],
         f["given_name"], None)
        for i, f in enumerate(filler)
    ]  # fmt: skip
    out = io.StringIO()

    def records():
        for record_id, full, family, given, person in people:
            born = _born(person, day_first=False) if person else ""
            yield (
                {"person_record_id": record_id, "source_date": "2024-06-01T00:00:00Z",
                 "full_name": full, "family_name": family, "given_name": given, "sex": "male",
                 "date_of_birth": born},
                [{"note_record_id": record_id + ".n", "author_name": "Exchange commission",
                  "source_date": "2024-06-01T00:00:00Z", "status": "believed_alive",
                  "text": "exchanged"}],
            )  # fmt: skip

    exporters.write_pfif(out, records())
    return out.getvalue().encode("utf-8")


def _missing_csv(sought: list[Person], filler: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["surname", "given_name", "patronymic", "birth_date", "region", "status"])
    for p in sought[5:6]:
        writer.writerow(
            [p.surname, p.given_name, p.patronymic, p.birth_year, p.region, "пропал без вести"]
        )
    for f in filler:
        writer.writerow(
            [f["surname"], f["given_name"], "", f["birth_date"], f["region"], "пропал без вести"]
        )
    return out.getvalue().encode("utf-8")


LISTS = [
    ("prisoners.csv", "Список военнопленных (демо)", "prisoners", "Demo: ministry of defence"),
    ("killed.json", "Casualty release (demo)", "killed", "Demo: press service"),
    ("wounded.xlsx", "Раненые в госпиталях (демо)", "wounded", "Demo: regional hospital"),
    ("exchanged.xml", "Обмен пленными (демо)", "exchanged", "Demo: exchange commission"),
    ("missing.csv", "Пропавшие без вести (демо)", "missing", "Demo: volunteers"),
]


# Generated lists are told apart by their format: matching links them in the demo directly
# (running the engine over a million records would take the demo hours).
GENERATED_FORMAT = "demo"
PUBLISHERS = [  # (publisher, side that published it)
    ("Demo: ministry of defence", "Russia"),
    ("Demo: coordination headquarters for prisoners", "Ukraine"),
    ("Demo: parliamentary ombudsman", "Ukraine"),
    ("Demo: human-rights group", "independent"),
    ("Demo: Red Cross tracing office", "neutral"),
    ("Demo: regional administration", "Russia"),
]
# (publisher index, kind, category, share of the records)
GENERATED_LISTS = [
    (0, ListKind.KILLED, Category.MILITARY, 10),
    (0, ListKind.WOUNDED, Category.MILITARY, 8),
    (0, ListKind.MISSING, Category.MILITARY, 6),
    (1, ListKind.PRISONERS, Category.MILITARY, 14),
    (1, ListKind.EXCHANGED, Category.MILITARY, 6),
    (1, ListKind.PRISONERS, Category.CIVILIAN, 3),
    (2, ListKind.PRISONERS, Category.MIXED, 6),
    (2, ListKind.MISSING, Category.CIVILIAN, 5),
    (3, ListKind.KILLED, Category.UNKNOWN, 8),
    (3, ListKind.MISSING, Category.MIXED, 6),
    (4, ListKind.PRISONERS, Category.UNKNOWN, 8),
    (4, ListKind.EXCHANGED, Category.MIXED, 4),
    (5, ListKind.KILLED, Category.MILITARY, 6),
    (5, ListKind.OTHER, Category.UNKNOWN, 2),
]
# How many lists of different publishers one person is in: most in one.
APPEARANCES = ((1, 2, 3), (78, 17, 5))
STATUS_IN_LIST = {
    ListKind.KILLED: "погиб",
    ListKind.WOUNDED: "ранен",
    ListKind.MISSING: "пропал без вести",
    ListKind.PRISONERS: "в плену",
    ListKind.EXCHANGED: "обменян",
    ListKind.OTHER: "",
}
RECORD_BATCH = 5000


def generated_lists():
    return SourceList.objects.filter(file_format=GENERATED_FORMAT)


def _generated_sources(rng: random.Random) -> list[SourceList]:
    now = timezone.now()
    made = []
    for number, (publisher, kind, category, _share) in enumerate(GENERATED_LISTS, 1):
        name, side = PUBLISHERS[publisher]
        made.append(
            SourceList(
                name=f"Demo list {number}: {kind}",
                publisher=name,
                side=side,
                kind=kind,
                category=category,
                published_where="https://demo.example.org/generated",
                published_on=dt.date(2022, 3, 1) + dt.timedelta(days=rng.randint(0, 1000)),
                file_name=f"generated-{number}.csv",
                file_format=GENERATED_FORMAT,
                imported_at=now - dt.timedelta(days=rng.randint(0, 300)),
            )
        )
    return SourceList.objects.bulk_create(made)


class _Person:
    """One invented person as the lists write him, each list in its own way."""

    units = {unit: unit_key(unit) or "" for unit in UNITS}

    def __init__(self, rng: random.Random) -> None:
        self.ukrainian = rng.random() < 0.2
        self.surname = rng.choice(RU_SURNAMES if not self.ukrainian else UK_SURNAMES)
        self.given_name = rng.choice(MALE_NAMES)
        self.patronymic = rng.choice(FATHER_PATRONYMICS) if rng.random() < 0.8 else ""
        self.birth_year = rng.randint(1965, 2005) if rng.random() < 0.9 else None
        self.region = rng.choice(REGIONS) if rng.random() < 0.85 else ""
        self.unit = rng.choice(UNITS) if rng.random() < 0.75 else ""

    def values(self, rng, list_id: int, row: int, kind: str, person_key: str) -> tuple:
        surname, given = self.surname, self.given_name
        if rng.random() < 0.3:  # the other side's list: Ukrainian letters
            surname, given = _uk_surname(surname), UKRAINIAN.get(given, given)
        printed = " ".join(w for w in (surname, given, self.patronymic) if w)
        event = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}" if rng.random() < 0.6 else ""
        original = json.dumps({"ФИО": printed, "год": self.birth_year}, ensure_ascii=False)
        return (
            list_id, row, "", printed, fold_for_search(printed), surname, given,
            self.patronymic, self.birth_year, None, None, "", self.region, self.unit,
            self.units.get(self.unit, ""), "", "M", STATUS_IN_LIST[kind], event, "", original,
            person_key,
        )  # fmt: skip


def _appearances(rng: random.Random, sources: list[SourceList], weights: list[int]) -> list[int]:
    """Indexes of the lists one person is in, each of a different publisher."""
    wanted = rng.choices(*APPEARANCES)[0]
    chosen = rng.choices(range(len(sources)), weights)
    publishers = {sources[chosen[0]].publisher}
    for _attempt in range(wanted * 4):
        if len(chosen) == wanted:
            break
        other = rng.choices(range(len(sources)), weights)[0]
        if sources[other].publisher not in publishers:
            publishers.add(sources[other].publisher)
            chosen.append(other)
    return chosen


@transaction.atomic
def create_generated_records(*, count: int, seed: int, progress: bool = False) -> int:
    """`count` invented records in lists of several publishers; returns how many lists."""
    rng = random.Random(seed + 1)  # noqa: S311  (fictional data)
    sources = _generated_sources(rng)
    weights = [share for *_rest, share in GENERATED_LISTS]
    rows = [0] * len(sources)
    sql = actions._insert_sql()
    batch: list[tuple] = []
    written, person = 0, 0
    bar = tqdm(total=count, desc="records", unit=" records", disable=None if progress else True)
    while written < count:
        person += 1
        someone = _Person(rng)
        where = _appearances(rng, sources, weights)[: count - written]
        key = f"demo-{seed}-{person}" if len(where) > 1 else ""
        for index in where:
            rows[index] += 1
            source = sources[index]
            batch.append(someone.values(rng, source.pk, rows[index], source.kind, key))
        written += len(where)
        if len(batch) >= RECORD_BATCH or written >= count:
            actions._insert(sql, batch)
            bar.update(len(batch))
            batch = []
    bar.close()
    for source, written_here in zip(sources, rows, strict=True):
        source.record_count = written_here
    SourceList.objects.bulk_update(sources, ["record_count"])
    return len(sources)


def load_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    """The lists part of `kintrace demo`: five small fictional lists; nothing if lists exist."""
    if SourceList.objects.exists():
        stdout.write("Demo lists exist already.")
        return
    _load_small_lists(seed=seed, stdout=stdout)


def load_bulk_demo(*, staff: list, seed: int, options: dict, stdout) -> None:
    """`kintrace demo --records M`: M invented records in lists of several publishers."""
    records = options.get("records") or 0
    if records <= 0 or generated_lists().exists():
        return
    lists = create_generated_records(
        count=records, seed=seed, progress=options.get("verbosity", 1) > 0
    )
    stdout.write(f"Generated {records} fictional records in {lists} lists.")


def _load_small_lists(*, seed: int, stdout) -> None:
    rng = random.Random(seed)  # noqa: S311  (fictional data)
    sought = _sought(seed)
    with tempfile.TemporaryDirectory() as folder:
        for name, title, kind, publisher in LISTS:
            path = Path(folder) / name
            filler = _filler(rng, 6)
            if name.endswith(".xlsx"):
                _wounded_xlsx(sought, filler, path)
            else:
                maker = {
                    "prisoners.csv": _prisoners_csv,
                    "killed.json": _killed_json,
                    "exchanged.xml": _exchanged_pfif,
                    "missing.csv": _missing_csv,
                }[name]
                path.write_bytes(maker(sought, filler))
            details = {
                "name": title,
                "kind": kind,
                "publisher": publisher,
                "published_where": "https://demo.example.org/lists",
                "category": "military",
            }
            actions.import_list(
                path=path, file_name=name, details=details, mapping=None, actor=None, request=None
            )
    stdout.write(f"Imported {len(LISTS)} fictional lists holding {len(sought)} sought people.")
