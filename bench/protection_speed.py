"""What encryption at rest and keyed hashes cost staff name search and matching.

    .venv/bin/python bench/protection_speed.py [--cases 20000] [--records 100000] [--runs 7]

Fills a fresh data folder (SQLite, or the database DATABASE_URL names) with invented cases
(names encrypted, searched through keyed hashes, as kintrace stores them) and a published
list, and keeps a plain copy of the same names in a side table, so each step can be timed
both ways on the same rows:

- staff name search: the keyed-hash tokens of the query looked up in `name_index`, and the
  first page of 50 names decrypted; against a LIKE on a plain name column;
- matching one case against every record: read the sought person (decrypting) and search
  the records' index; against reading the same person from the plain copy;
- matching a list against every open case: read and decrypt all sought people; against
  reading them from the plain copy;
- keyed blocking keys: what HMAC-SHA256 of every blocking key would add, per case and for
  the records' index (kintrace computes blocking keys in memory and stores none).

Prints the median of the runs in milliseconds. Figures go in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "data"))

PAGE = 50
COLUMNS = (
    "surname",
    "given_name",
    "patronymic",
    "birth_place",
    "birth_year",
    "birth_month",
    "birth_day",
    "military_unit",
)
SEALED = COLUMNS[:4]
PLAIN_COLUMNS = (
    "surname text, given_name text, patronymic text, birth_place text, birth_year integer, "
    "birth_month integer, birth_day integer, military_unit text, name_search text"
)


def _median_ms(function, runs: int) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _people(n_cases: int, n_records: int, seed: int):
    """Sought people in Russian forms; a list with half of them in Ukrainian forms, and others."""
    import make_people as mp

    random.seed(seed)
    sought = mp.new_people(n_cases)
    listed = random.sample(sought, min(n_cases // 2, n_records))
    listed += mp.new_people(n_records - len(listed))
    cases = [
        (mp.surname_form(p, "ru"), mp.given_form(p, "ru"), mp.patronymic_form(p, "ru"), p)
        for p in sought
    ]
    records = [
        (mp.surname_form(p, "uk"), mp.given_form(p, "uk"), mp.patronymic_form(p, "uk"), p)
        for p in listed
    ]
    return cases, records


def fill(n_cases: int, n_records: int, seed: int) -> list[int]:
    """Cases as kintrace stores them, their plain copy, and one list; the case ids."""
    from django.db import transaction

    cases, records = _people(n_cases, n_records, seed)
    with transaction.atomic():
        case_ids = _store_cases(cases)
        _store_list(records)
    return case_ids


def _store_cases(cases: list[tuple]) -> list[int]:
    import people_names
    from django.db import connection

    from kintrace.cases.models import Case, Person
    from kintrace.crypto import blind_tokens, fold

    made = Case.objects.bulk_create([Case(access_code_hash="!") for _ in cases], batch_size=2000)
    people = []
    for case, (surname, given, patronymic, p) in zip(made, cases, strict=True):
        person = Person(
            case=case,
            surname=surname,
            given_name=given,
            patronymic=patronymic,
            birth_year=p.year,
            birth_month=p.month,
            birth_day=p.day,
            birth_place=people_names.PLACES[p.place][0],
            military_unit=f"в/ч {p.unit}",
            unit_key=p.unit,
        )
        person.name_index = blind_tokens(person.full_name)
        people.append(person)
    Person.objects.bulk_create(people, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE bench_plain_person (case_id integer PRIMARY KEY, {PLAIN_COLUMNS})"
        )
        cursor.executemany(
            "INSERT INTO bench_plain_person VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(p.case_id, *(getattr(p, c) for c in COLUMNS), fold(p.full_name)) for p in people],
        )
    return [c.pk for c in made]


def _store_list(records: list[tuple]) -> None:
    from kintrace.lists.models import Record, SourceList

    source = SourceList.objects.create(
        name="bench list", kind="prisoners", record_count=len(records), file_sha256="bench"
    )
    Record.objects.bulk_create(
        [
            Record(
                source_list=source,
                row_number=i + 1,
                name_as_printed=f"{surname} {given} {patronymic}",
                surname=surname,
                given_name=given,
                patronymic=patronymic,
                birth_year=p.year,
                birth_month=p.month,
                birth_day=p.day,
                military_unit=f"в/ч {p.unit}",
                unit_key=p.unit,
            )
            for i, (surname, given, patronymic, p) in enumerate(records)
        ],
        batch_size=5000,
    )


def search_rows(runs: int, queries: list[str]) -> list[tuple]:
    from django.db import connection

    from kintrace.cases.models import Person
    from kintrace.crypto import blind_tokens, fold, keyring

    def keyed(query: str) -> None:
        tokens = blind_tokens(query).split()
        where = " AND ".join(["name_index LIKE %s"] * len(tokens))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT case_id, surname, given_name, patronymic FROM {Person._meta.db_table} "  # noqa: S608
                f"WHERE {where} ORDER BY case_id DESC LIMIT {PAGE}",
                [f"%{t}%" for t in tokens],
            )
            for _case, *names in cursor.fetchall():
                [keyring().decrypt(n) for n in names]

    def plain(query: str) -> None:
        words = fold(query).split()
        where = " AND ".join(["name_search LIKE %s"] * len(words))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT case_id, surname, given_name, patronymic FROM bench_plain_person "  # noqa: S608
                f"WHERE {where} ORDER BY case_id DESC LIMIT {PAGE}",
                [f"%{w}%" for w in words],
            )
            cursor.fetchall()

    rows = []
    for label, query in (("surname", queries[0]), ("surname and given name", queries[1])):
        rows.append(
            (
                f"staff name search, {label}",
                _median_ms(lambda q=query: plain(q), runs),
                _median_ms(lambda q=query: keyed(q), runs),
            )
        )
    return rows


def matching_rows(runs: int, case_ids: list[int]) -> list[tuple]:
    from django.db import connection

    from kintrace.cases.models import Person
    from kintrace.crypto import keyring
    from kintrace.matching import engine

    started = time.perf_counter()
    index = engine.record_index()
    build_ms = (time.perf_counter() - started) * 1000
    threshold = 0.5
    sample = case_ids[:: max(1, len(case_ids) // runs)][:runs]

    def read(case_id: int | None, *, encrypted: bool) -> list[Person]:
        """Sought people read past the ORM, so that only decryption differs."""
        table = Person._meta.db_table if encrypted else "bench_plain_person"
        where = "" if case_id is None else f" WHERE case_id = {int(case_id)}"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT case_id, {', '.join(COLUMNS)} FROM {table}{where}")  # noqa: S608
            rows = cursor.fetchall()
        people = []
        for case, *values in rows:
            fields = dict(zip(COLUMNS, values, strict=True))
            if encrypted:
                for name in SEALED:
                    fields[name] = keyring().decrypt(fields[name]) if fields[name] else ""
            people.append(Person(case_id=case, **fields))
        return people

    def one(case_id: int, *, encrypted: bool) -> None:
        engine.search_person(read(case_id, encrypted=encrypted)[0], threshold=threshold)

    def timed(encrypted: bool) -> float:
        times = []
        for case_id in sample:
            one(case_id, encrypted=encrypted)  # warm the query caches
            started = time.perf_counter()
            one(case_id, encrypted=encrypted)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    def read_all(encrypted: bool) -> None:
        [engine.person_row(p) for p in read(None, encrypted=encrypted)]

    n_cases, n_records = len(case_ids), len(index)
    print(f"records' index of {n_records:,} built in {build_ms / 1000:.1f} s", file=sys.stderr)
    return [
        (f"matching one case against {n_records:,} records", timed(False), timed(True)),
        (
            f"reading the {n_cases:,} sought people to match a list",
            _median_ms(lambda: read_all(False), max(1, runs // 2)),
            _median_ms(lambda: read_all(True), max(1, runs // 2)),
        ),
        *keyed_key_rows(runs, index.features.to_pylist()),
    ]


def keyed_key_rows(runs: int, records: list[dict]) -> list[tuple]:
    """What HMAC-SHA256 of every blocking key would add, for one case and for the records."""
    from kintrace.linkage.comparisons import BLOCKING_RULES

    key = hashlib.sha256(b"bench").digest()
    rules = [[a for a, _b in pairs] for pairs, _condition in BLOCKING_RULES]

    def hash_keys(rows: list[dict]) -> None:
        for row in rows:
            for rule in rules:
                values = [row[column] for column in rule]
                if None not in values:
                    message = "\x1f".join(map(str, values)).encode()
                    hmac.new(key, message, hashlib.sha256).digest()

    return [
        (
            "keyed hashes of one case's blocking keys",
            0.0,
            _median_ms(lambda: hash_keys(records[:1]), runs),
        ),
        (
            f"keyed hashes of the blocking keys of {len(records):,} records",
            0.0,
            _median_ms(lambda: hash_keys(records), max(1, runs // 2)),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kintrace-bench-protection-") as folder:
        os.environ["KINTRACE_DATA_DIR"] = folder
        os.environ.pop("KINTRACE_FIELD_KEYS", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kintrace.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        case_ids = fill(args.cases, args.records, args.seed)
        print(
            f"{connection.vendor}: {args.cases:,} cases and {args.records:,} records "
            f"made in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        from kintrace.cases.models import Person

        someone = Person.objects.get(case_id=case_ids[len(case_ids) // 3])
        queries = [someone.surname, f"{someone.surname} {someone.given_name}"]
        rows = search_rows(args.runs, queries) + matching_rows(args.runs, case_ids)

    print(f"\n{connection.vendor}, {args.cases:,} cases, {args.records:,} records (ms, median)\n")
    print("| what | plain | encrypted, keyed hashes | extra |")
    print("| --- | ---: | ---: | ---: |")
    for what, plain, protected in rows:
        print(f"| {what} | {plain:.2f} | {protected:.2f} | {protected - plain:+.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
