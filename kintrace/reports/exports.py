"""A report as CSV, XLSX or JSON: the same protected figures, with a header that says what
they are (period, filters, sources, definition, threshold) so a number can be defended."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kintrace.reports.filters import Filters
from kintrace.reports.registry import Report, sources
from kintrace.reports.tables import HIDDEN, Table

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
# A spreadsheet runs a cell that starts with these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Published:
    """A built report: what it is, for which filters, and its protected table."""

    report: Report
    filters: Filters
    table: Table

    def source_lines(self) -> list[str]:
        known = sources()
        described = [
            f"{known[s].label}: {known[s].description}" for s in self.report.sources if s in known
        ]
        return [*described, *self.table.sources]

    def header(self) -> list[tuple[str, str]]:
        named = self.source_lines()
        return [
            (_("Report"), f"{self.report.title} ({self.report.name})"),
            (_("Published by"), settings.ORGANISATION_NAME),
            (_("Made on"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
            *self.filters.describe(),
            (_("Definition"), self.report.definition),
            *((_("Source"), text) for text in named),
            (_("Small counts"), self.suppression_note()),
            *((_("Note"), note) for note in self.table.notes),
        ]

    def suppression_note(self) -> str:
        return _(
            "Counts under %(threshold)s are shown as “< %(threshold)s”; cells shown as "
            "“%(hidden)s” are hidden so that a small count cannot be worked out from the "
            "totals."
        ) % {"threshold": self.table.threshold, "hidden": HIDDEN}

    def header_row(self) -> list[str]:
        return [self.table.dimension, *(column.label for column in self.table.columns)]

    def body(self, *, raw: bool = False) -> list[list]:
        """Rows then the total row; `raw` keeps numbers as numbers (for XLSX)."""
        rows = [*self.table.rows, *([self.table.total] if self.table.total else [])]
        shown = []
        for row in rows:
            cells = [
                cell.value if raw and cell.mark is None else cell.display(self.table.threshold)
                for cell in row.cells
            ]
            shown.append([row.label, *cells])
        return shown


def safe_text(value):
    """Text that a spreadsheet will show and never evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def comment_lines(header: list[tuple[str, str]]) -> str:
    """The header as `# label: value` lines, which CSV readers skip as comments."""
    return "".join(f"# {label}: {' '.join(str(value).split())}\n" for label, value in header)


def to_csv(published: Published) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(comment_lines(published.header()))
    buffer.write("\n")
    writer.writerow([safe_text(v) for v in published.header_row()])
    for row in published.body():
        writer.writerow([safe_text(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheets read UTF-8


def to_xlsx(published: Published) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = published.report.name[:31]
    for label, value in published.header():
        sheet.append([safe_text(str(label)), safe_text(str(value))])
    sheet.append([])
    sheet.append([safe_text(v) for v in published.header_row()])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in published.body(raw=True):
        sheet.append([safe_text(v) for v in row])
    sheet.column_dimensions["A"].width = 34
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_json(published: Published) -> bytes:
    table = published.table

    def values(row) -> dict:
        return {
            column.key: cell.value if cell.mark is None else cell.display(table.threshold)
            for column, cell in zip(table.columns, row.cells, strict=True)
        }

    document = {
        "report": published.report.name,
        "title": published.report.title,
        "definition": published.report.definition,
        "filters": {
            k: v.isoformat() if hasattr(v, "isoformat") else v
            for k, v in published.filters.__dict__.items()
        },
        "header": [
            {"label": str(label), "value": str(value)} for label, value in published.header()
        ],
        "sources": list(published.report.sources),
        "threshold": table.threshold,
        "dimension": table.dimension,
        "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in table.columns],
        "rows": [{"key": r.key, "label": r.label, "values": values(r)} for r in table.rows],
        "total": values(table.total) if table.total else None,
        "notes": table.notes,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "json": to_json}


def render(published: Published, fmt: str) -> bytes:
    return WRITERS[fmt](published)


def filename(published: Published, fmt: str) -> str:
    f = published.filters
    period = f"{f.date_from or 'start'}_{f.date_to or timezone.localdate()}"
    return f"kintrace-{published.report.name}-{period}.{fmt}"
