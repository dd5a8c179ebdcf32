"""Exports read back: CSV, XLSX, JSON, chart SVG and PNG, the PDF summary in three languages."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from tests.conftest import last_audit

URL = "/staff/reports/cases-by-region/"
PERIOD = {"date_from": "2022-03-01", "date_to": "2022-12-31"}


def _csv_rows(body: bytes) -> tuple[list[str], list[list[str]]]:
    lines = body.decode("utf-8-sig").splitlines()
    header = [line for line in lines if line.startswith("# ")]
    table = list(csv.reader(line for line in lines if line and not line.startswith("# ")))
    return header, table


def test_csv_has_a_header_and_the_protected_figures(analyst, known):
    response = analyst.get(f"{URL}export.csv", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, table = _csv_rows(response.content)
    text = "\n".join(header)
    assert "# Report: Cases by outcome and region (cases-by-region)" in text
    assert "from 2022-03-01 to 2022-12-31" in text
    assert "# Source: Cases: Tracing requests filed" in text
    assert "Counts under 5 are shown as “< 5”" in text
    assert table[0] == [
        "Region",
        "Open",
        "Found alive",
        "Found: in captivity",
        "Found: dead",
        "Closed without result",
        "Cases",
    ]
    assert table[-1][0] == "All" and table[-1][-1] == "13"
    cells = [v for row in table[1:] for v in row[1:]]
    assert "< 5" in cells
    assert all(v in ("< 5", "x", "0") or int(v) >= 5 for v in cells)
    audit = last_audit()
    assert (audit.action, audit.object_id, audit.detail["format"]) == (
        "export",
        "cases-by-region",
        "csv",
    )


def test_xlsx_reads_back_with_numbers_as_numbers(analyst, known):
    response = analyst.get(f"{URL}export.xlsx", PERIOD)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:2] == ["Report", "Cases by outcome and region (cases-by-region)"]
    start = next(i for i, r in enumerate(rows) if r[0] == "Region")
    assert rows[-1][0] == "All" and rows[-1][-1] == 13
    assert "< 5" in [v for r in rows[start + 1 :] for v in r]
    assert last_audit().detail["format"] == "xlsx"


def test_json_reads_back(analyst, known):
    response = analyst.get(f"{URL}export.json", PERIOD)
    document = json.loads(response.content)
    assert document["report"] == "cases-by-region"
    assert document["threshold"] == 5
    assert document["filters"]["date_from"] == "2022-03-01"
    assert [c["key"] for c in document["columns"]][-1] == "total"
    assert document["total"]["total"] == 13
    assert any(v == "< 5" for r in document["rows"] for v in r["values"].values())


def test_a_region_name_that_looks_like_a_formula_is_never_run(analyst, settings, db):
    from tests.reports.conftest import make_case

    settings.REPORT_MIN_CELL = 2
    for _ in range(3):
        make_case(opened=__import__("datetime").date(2022, 3, 1), region="=HYPERLINK(1)")
    _header, table = _csv_rows(analyst.get(f"{URL}export.csv").content)
    assert table[1][0] == "'=HYPERLINK(1)"
    sheet = load_workbook(io.BytesIO(analyst.get(f"{URL}export.xlsx").content)).active
    assert "'=HYPERLINK(1)" in [c.value for c in sheet["A"]]


def test_chart_as_svg_and_png(analyst, known):
    svg = analyst.get(f"{URL}chart.svg", PERIOD)
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert b"<title>Cases by outcome and region</title>" in svg.content
    png = analyst.get(f"{URL}chart.png", PERIOD)
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert last_audit().detail["format"] == "png"
    assert analyst.get(f"{URL}chart.gif").status_code == 404


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("language", ["ru", "uk", "en"])
def test_the_pdf_summary_is_one_page_in_each_language(analyst, known, tmp_path, language):
    response = analyst.get(f"{URL}summary.pdf", {**PERIOD, "lang": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "summary.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") <= 1  # one page
    assert "Бурятия" in text and "13" in text
    assert "2022-03-01" in text
    audit = last_audit()
    assert (audit.detail["format"], audit.detail["language"]) == ("pdf", language)


def test_a_summary_in_an_unknown_language_is_not_found(analyst):
    assert analyst.get(f"{URL}summary.pdf", {"lang": "de"}).status_code == 404


def test_exports_with_bad_filters_say_which(analyst):
    response = analyst.get(f"{URL}export.csv", {"date_to": "yesterday"})
    assert response.status_code == 400
    assert "To: Enter a valid date" in response.content.decode()


@pytest.mark.parametrize("persona", ["caseworker", "anonymous"])
def test_no_export_for_others(request, persona):
    client = request.getfixturevalue(persona)
    for url in (f"{URL}export.csv", f"{URL}chart.svg", f"{URL}summary.pdf"):
        assert client.get(url).status_code in (302, 404)
