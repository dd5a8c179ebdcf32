"""XLSX read-only: sizes checked in the zip directory before anything is unpacked.

openpyxl opens the workbook with ``read_only`` and ``data_only``: formulas are never
evaluated (a cell gives its cached value), macros are never run, and a file that carries a
VBA project is refused outright.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext_noop

from kintrace.lists.importers.base import ImportProblem, Limits, Table, clean_header


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb, a macro workbook or something that is not an XLSX at all."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ImportProblem(
            gettext_noop("this is not an XLSX workbook (not a zip archive)")
        ) from None
    with archive:
        members = archive.infolist()
        names = {m.filename.lower() for m in members}
        if "[content_types].xml" not in names:
            raise ImportProblem(gettext_noop("this is not an XLSX workbook"))
        if any(n.endswith("vbaproject.bin") for n in names):
            raise ImportProblem(
                gettext_noop("the workbook contains macros; save it as a plain .xlsx")
            )
        unpacked = sum(m.file_size for m in members)
        if unpacked > limits.max_xlsx_unpacked_bytes:
            raise ImportProblem(
                gettext_noop("the workbook unpacks to %(size)d MB; at most %(limit)d MB are read"),
                params={
                    "size": unpacked // (1 << 20),
                    "limit": limits.max_xlsx_unpacked_bytes // (1 << 20),
                },
            )
        for m in members:
            ratio = m.file_size // max(m.compress_size, 1)
            if m.file_size > 1 << 20 and ratio > limits.max_xlsx_ratio:
                raise ImportProblem(
                    gettext_noop(
                        "the workbook part %(part)s is compressed %(ratio)d times: "
                        "refused as a decompression bomb"
                    ),
                    params={"part": m.filename, "ratio": ratio},
                )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read(path: Path, limits: Limits) -> Table:
    check_zip(path, limits)
    from openpyxl import load_workbook

    def rows_of_sheet() -> Iterator[list[str]]:
        try:
            book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # openpyxl raises many kinds on a broken workbook
            raise ImportProblem(
                gettext_noop("the workbook cannot be read: %(error)s"), params={"error": str(exc)}
            ) from None
        try:
            sheet = book.worksheets[0]
            for values in sheet.iter_rows(values_only=True, max_col=limits.max_columns + 1):
                row = [_text(v) for v in values]
                if any(row):
                    yield row
        finally:
            book.close()

    it = rows_of_sheet()
    header = next(it, None)
    it.close()
    if header is None:
        raise ImportProblem(gettext_noop("the first sheet is empty"))
    while header and not header[-1]:
        header.pop()
    columns = clean_header(header, limits)

    def data_rows() -> Iterator[list[str]]:
        rows = rows_of_sheet()
        next(rows, None)
        for row in rows:
            yield row[: len(columns)]

    return Table(columns, data_rows, "xlsx", {"sheet": "1"})
