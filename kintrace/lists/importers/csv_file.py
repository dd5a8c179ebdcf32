"""CSV with any delimiter, in UTF-8 or Windows-1251, read line by line with a length cap."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext_noop

from kintrace.lists.importers.base import ImportProblem, Limits, Table, clean_header

SAMPLE_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
# A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_START = "=+-@\t\r"
# Bytes that never occur in a text table: a binary file named .csv.
_BINARY = set(range(0, 9)) | {11, 12} | set(range(14, 27)) | set(range(28, 32))


def _lines(path: Path, encoding: str, limits: Limits) -> Iterator[str]:
    """Decoded lines; a line longer than the cap stops the read before it is held whole."""
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(limits.max_line_bytes + 1)
            if not raw:
                return
            number += 1
            if len(raw) > limits.max_line_bytes:
                raise ImportProblem(
                    gettext_noop(
                        "line %(line)d is longer than %(limit)d bytes; is this really a table?"
                    ),
                    params={"line": number, "limit": limits.max_line_bytes},
                )
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportProblem(
                    gettext_noop(
                        "line %(line)d: bytes at position %(position)d are not %(encoding)s; "
                        "save the file as UTF-8"
                    ),
                    params={"line": number, "position": exc.start, "encoding": encoding},
                ) from None


def _unquote(cell: str) -> str:
    """Undo our own export's guard: `'=1+2` was written for the cell `=1+2` (kept as text)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_START:
        return cell[1:]
    return cell


def _encoding(sample: bytes) -> str:
    if any(b in _BINARY for b in sample[:4096]):
        raise ImportProblem(gettext_noop("this is not a text table (it holds binary data)"))
    cut = sample
    for _ in range(4):  # the sample may end inside a multi-byte character
        try:
            cut.decode("utf-8")
            return "utf-8-sig" if sample.startswith(b"\xef\xbb\xbf") else "utf-8"
        except UnicodeDecodeError as exc:
            if exc.start < len(cut) - 4:
                break
            cut = cut[:-1]
    text = sample.decode("cp1251", errors="replace")
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if letters and cyrillic / len(letters) > 0.5 and "\ufffd" not in text:
        return "cp1251"
    raise ImportProblem(
        gettext_noop("the text is neither UTF-8 nor Windows-1251; save the file as UTF-8")
    )


def _delimiter(sample: str) -> str:
    head = "\n".join(sample.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = head.split("\n", 1)[0]
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def read(path: Path, limits: Limits) -> Table:
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise ImportProblem(gettext_noop("the file is empty"))
    encoding = _encoding(sample)
    first_lines = []
    for line in _lines(path, encoding, limits):
        first_lines.append(line)
        if len(first_lines) >= 20:
            break
    delimiter = _delimiter("".join(first_lines))
    csv.field_size_limit(limits.max_line_bytes)

    def reader() -> Iterator[list[str]]:
        try:
            rows = csv.reader(_lines(path, encoding, limits), delimiter=delimiter)
            for row in rows:
                if any(cell.strip() for cell in row):
                    yield [_unquote(cell) for cell in row]
        except csv.Error as exc:
            raise ImportProblem(
                gettext_noop("not a readable CSV table: %(error)s"), params={"error": str(exc)}
            ) from None

    rows = reader()
    header = next(rows, None)
    rows.close()
    if header is None:
        raise ImportProblem(gettext_noop("the file has no header row"))
    columns = clean_header(header, limits)

    def data_rows() -> Iterator[list[str]]:
        it = reader()
        next(it, None)
        yield from it

    return Table(
        columns,
        data_rows,
        "csv",
        {"encoding": encoding.replace("-sig", ""), "delimiter": delimiter},
    )
