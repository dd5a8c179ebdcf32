"""How fast a published list imports: rows per second, checked then written whole.

    .venv/bin/python bench/import_speed.py [--rows 1000000] [--database sqlite|URL]

Writes a CSV of fictional people (semicolon-delimited, Windows-1251 like a spreadsheet
export) into a temporary folder, imports it into a fresh database there (or the
PostgreSQL URL given) with `kintrace.lists.actions.import_list`, and prints a table of the
phases. Matching is left to the task queue and not timed here.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SURNAMES = ["Иванов", "Петров", "Сидоров", "Коваленко", "Шевченко", "Мельник", "Кузнецов"]
NAMES = ["Алексей", "Иван", "Олег", "Дмитро", "Сергей", "Андрій", "Павел", "Николай"]
PATRONYMICS = ["Петрович", "Иванович", "Олегович", "Сергійович", "Андреевич", ""]
PLACES = ["г. Улан-Удэ", "с. Бровары", "г. Тула", "", "г. Курск"]


def write_list(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="cp1251", newline="") as out:
        out.write("№;Фамилия;Имя;Отчество;Дата рождения;Место рождения;в/ч;Звание;Статус\r\n")
        for n in range(1, rows + 1):
            born = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1965, 2005)}"
            out.write(
                f"{n};{rng.choice(SURNAMES)}{rng.randint(1, 500)};{rng.choice(NAMES)};"
                f"{rng.choice(PATRONYMICS)};{born};{rng.choice(PLACES)};"
                f"в/ч {rng.randint(10000, 99999)};рядовой;в плену\r\n"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database", default="sqlite")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kintrace-bench-"))
    os.environ["KINTRACE_DATA_DIR"] = str(folder)
    if args.database != "sqlite":
        os.environ["DATABASE_URL"] = args.database
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kintrace.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from kintrace.lists import actions

    call_command("migrate", verbosity=0)
    path = folder / "list.csv"
    started = time.perf_counter()
    write_list(path, args.rows)
    made = time.perf_counter() - started
    marks: dict[str, float] = {}

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "check" and total and done == total:
            marks["checked"] = time.perf_counter()

    begin = time.perf_counter()
    source = actions.import_list(
        path=path,
        file_name="list.csv",
        details={"name": "bench", "kind": "prisoners"},
        mapping=None,
        actor=None,
        request=None,
        progress=progress,
    )
    total = time.perf_counter() - begin
    phases = {"check": marks["checked"] - begin, "write": begin + total - marks["checked"]}
    size = path.stat().st_size / 1e6
    print(f"{'rows':>10} {'MB':>7} {'check s':>8} {'write s':>8} {'total s':>8} {'rows/s':>9}")
    print(
        f"{source.record_count:>10} {size:>7.1f} {phases.get('check', 0):>8.1f} "
        f"{phases.get('write', 0):>8.1f} {total:>8.1f} {source.record_count / total:>9.0f}"
    )
    print(f"(file written in {made:.1f} s; database {os.environ.get('DATABASE_URL', 'SQLite')})")


if __name__ == "__main__":
    main()
