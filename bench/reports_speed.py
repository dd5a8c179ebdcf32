"""How long every report page takes to render, on SQLite and on PostgreSQL.

    .venv/bin/python bench/reports_speed.py [--cases 100000] [--records 1000000] [--runs 3]

Makes a fresh data folder per database, fills it with `kintrace demo --cases N --records M`,
then renders each report page (the view as an analyst sees it: queries, table, chart,
template) and its CSV export, and prints the median of the runs in seconds. PostgreSQL comes
from scripts/with-postgres (a throwaway cluster). `--only sqlite` or `--only postgres` runs
one; `--data DIR` keeps (or reuses) the SQLite data folder instead of a temporary one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET = 1.0  # seconds per page with 100,000 cases and 1,000,000 records (issue 9)


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KINTRACE_")}
    env.update(KINTRACE_DATA_DIR=str(data_dir), KINTRACE_LANGUAGE="en", PYTHONUNBUFFERED="1")
    return env


def measure(runs: int) -> dict:
    """In a child process on the database DATABASE_URL names (SQLite when unset)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kintrace.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.test.utils import override_settings

    from kintrace.accounts.management.commands.createstaff import create_staff
    from kintrace.cases.models import Case
    from kintrace.lists.models import Record
    from kintrace.reports import registry, views

    # Pages link the stylesheet by name: no collectstatic manifest needed for timing.
    plain = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    override_settings(STORAGES=plain).enable()
    analyst, _password = create_staff(username="bench-analyst", role="analyst", update=True)
    factory = RequestFactory()

    def request(path: str):
        made = factory.get(path)
        made.user = analyst
        made.session = SessionStore()
        made._messages = FallbackStorage(made)
        return made

    timings = {}
    for name in registry.reports():
        for kind, view, args in (
            ("page", views.report_page, (name,)),
            ("csv", views.export, (name, "csv")),
        ):
            seconds = []
            for _run in range(runs):
                started = time.perf_counter()
                response = view(request(f"/staff/reports/{name}/"), *args)
                seconds.append(time.perf_counter() - started)
                assert response.status_code == 200, (name, kind, response.status_code)
            timings[f"{name} {kind}"] = statistics.median(seconds)
    started = time.perf_counter()
    views.anonymised_export(request("/staff/reports/anonymised/records.csv"), "csv")
    timings["anonymised export csv"] = time.perf_counter() - started
    return {
        "engine": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "cases": Case.objects.count(),
        "records": Record.objects.count(),
        "timings": timings,
    }


def run_on(database: str, cases: int, records: int, runs: int, data: Path | None) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kintrace-bench-{database}-") as folder:
        kept = data if data is not None and database == "sqlite" else None
        env = _env(kept or Path(folder))
        wrap = [str(ROOT / "scripts" / "with-postgres")] if database == "postgres" else []
        fill = (
            f"{BIN / 'kintrace'} migrate -v0 && "
            f"{BIN / 'kintrace'} demo --cases {cases} --records {records} > /dev/null && "
        )
        if kept is not None and (kept / "kintrace.sqlite3").exists():
            fill = f"{BIN / 'kintrace'} migrate -v0 && "  # filled by an earlier run
        script = f"{fill}{sys.executable} {__file__} --child --runs {runs}"
        started = time.perf_counter()
        result = subprocess.run(
            [*wrap, "bash", "-c", script],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            sys.exit(f"{database} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        measured["setup_seconds"] = time.perf_counter() - started
        return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, help="SQLite data folder to keep or reuse")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.runs)))
        return
    databases = [args.only] if args.only else ["sqlite", "postgres"]
    results = {db: run_on(db, args.cases, args.records, args.runs, args.data) for db in databases}
    names = list(next(iter(results.values()))["timings"])
    print(
        f"Report pages with {args.cases:,} demo cases and {args.records:,} list records; "
        f"median of {args.runs} runs, seconds"
    )
    print(f"(target: every page under {TARGET:.0f} s)\n")
    header = "| what | " + " | ".join(databases) + " |"
    print(header)
    print("| --- |" + " ---: |" * len(databases))
    for name in names:
        cells = []
        for db in databases:
            value = results[db]["timings"][name]
            flag = " (over)" if name.endswith("page") and value > TARGET else ""
            cells.append(f"{value:.3f}{flag}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    for db in databases:
        found = results[db]
        print(
            f"\n{db}: {found['cases']:,} cases, {found['records']:,} records, "
            f"set up and measured in {found['setup_seconds']:.0f} s"
        )


if __name__ == "__main__":
    main()
