"""kintrace report NAME --from --to --format --out, and kintrace report --list."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from kintrace.reports import registry
from tests.conftest import last_audit


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_list_names_every_report(db):
    listed = [line.split("\t")[0] for line in run("--list").splitlines()]
    assert listed == list(registry.reports())
    assert "cases-by-month" in listed and "phones-taken-by-region" in listed


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_each_format_is_written_and_reads_back(known, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    said = run(
        "cases-by-month",
        "--from",
        "2022-02-24",
        "--to",
        "2022-12-31",
        "--format",
        fmt,
        "--out",
        str(out),
    )
    assert f"Wrote cases-by-month (3 rows, {fmt})" in said
    if fmt == "csv":
        text = out.read_text(encoding="utf-8-sig")
        assert "# Period: from 2022-02-24 to 2022-12-31" in text
        rows = list(csv.reader(line for line in text.splitlines() if line and line[0] != "#"))
        assert rows[-1][0] == "All" and rows[-1][-1] == "13"
    elif fmt == "xlsx":
        rows = list(load_workbook(out).active.iter_rows(values_only=True))
        assert rows[-1][0] == "All" and rows[-1][-1] == 13
    else:
        assert json.loads(out.read_text())["total"]["total"] == 13
    audit = last_audit()
    assert (audit.action, audit.actor_label, audit.object_id) == (
        "export",
        "command line",
        "cases-by-month",
    )


def test_the_period_narrows_and_small_totals_stay_hidden(known, tmp_path, settings):
    out = tmp_path / "april.json"
    args = ["cases-by-region", "--from", "2022-04-01", "--to", "2022-04-30", "--format", "json"]
    run(*args, "--out", str(out))
    assert json.loads(out.read_text())["total"]["total"] == "< 5"
    settings.REPORT_MIN_CELL = 2
    run(*args, "--out", str(out))
    assert json.loads(out.read_text())["total"]["total"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-report", "--out", "x.csv"], "No report 'no-such-report'"),
        (["cases-by-month"], "--out FILE"),
        ([], "Name a report"),
        (["cases-by-month", "--from", "2022-05-01", "--to", "2022-04-01", "--out", "x"], "before"),
        (["cases-by-month", "--outcome", "lost", "--out", "x"], "outcome"),
    ],
)
def test_bad_arguments_say_what_is_wrong(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_bad_date_names_the_format(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("cases-by-month", "--from", "24.02.2022", "--out", "x.csv")
