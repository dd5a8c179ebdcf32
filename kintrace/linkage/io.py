"""Reading people tables from CSV or Parquet, refusing bad input with a precise message."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

NAME_COLUMNS = ("full_name", "surname", "given_name", "patronymic")
OPTIONAL_COLUMNS = ("birth_date", "birth_place", "region", "unit", "sex")
PEOPLE_COLUMNS = ("id", *NAME_COLUMNS, *OPTIONAL_COLUMNS)


class InputError(ValueError):
    """Input that cannot be linked; the message names the file, row and column."""


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise InputError(f"{path}: unknown file type {suffix!r}; use .csv or .parquet")


def read_people(path: str | Path) -> pa.Table:
    """Read a people file (CSV or Parquet by extension) as a table of string columns.

    Only the known columns are kept. Raises :class:`InputError` for a missing file,
    undecodable bytes, a missing ``id`` or name column, or empty or duplicate ids.
    """
    path = Path(path)
    kind = _kind(path)
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    table = _read_csv(path) if kind == "csv" else _read_parquet(path)
    check_people(table, source=str(path), first_row_line=2 if kind == "csv" else 1)
    return table


def _read_csv(path: Path) -> pa.Table:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(_decode_message(path, data, exc)) from None
    header = next(csv.reader(io.StringIO(text.split("\n", 1)[0])), [])
    header = [h.strip().lower() for h in header]  # "ID", " Full_Name " are the same columns
    keep = [h for h in header if h in PEOPLE_COLUMNS]
    if not keep:
        raise InputError(f"{path}, line 1: no 'id' column in the header{_separator_hint(header)}")
    _refuse_repeated(keep, str(path))
    try:
        return pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(keep, pa.string()),
                include_columns=keep,
                strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as exc:
        raise InputError(_csv_message(path, text, len(header), exc)) from None


def _refuse_repeated(columns: list[str], source: str) -> None:
    seen = set()
    for column in columns:
        if column in seen:
            raise InputError(f"{source}, line 1, column {column}: the column is given twice")
        seen.add(column)


def _csv_message(path: Path, text: str, width: int, exc: Exception) -> str:
    """Arrow's reason, with the line of the first row whose fields do not fit the header."""
    reader = csv.reader(io.StringIO(text, newline=""))
    data_row = 0
    for row in reader:
        if not row:  # a blank line is no row
            continue
        if reader.line_num > 1:
            data_row += 1
        if len(row) != width:
            return (
                f"{path}, line {reader.line_num} (row {data_row}): {len(row)} fields where "
                f"the header has {width}; quote values that hold a comma"
            )
    return f"{path}: not a readable CSV file: {exc}"


def _decode_message(path: Path, data: bytes, exc: UnicodeDecodeError) -> str:
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    field = before[line_start:].count(b",")
    header = data.split(b"\n", 1)[0].decode("utf-8", "replace").strip().split(",")
    column = header[field] if field < len(header) else f"#{field + 1}"
    return (
        f"{path}, line {line} (row {line - 1}), column {column}: "
        f"bytes are not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
    )


def _read_parquet(path: Path) -> pa.Table:
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file: {exc}") from None
    names = {c: c.strip().lower() for c in table.column_names}
    keep = [c for c in table.column_names if names[c] in PEOPLE_COLUMNS]
    _refuse_repeated([names[c] for c in keep], str(path))
    return pa.table({names[c]: _as_text(table[c], path, names[c]) for c in keep})


def _as_text(column: pa.ChunkedArray, path: Path, name: str) -> pa.ChunkedArray:
    """A Parquet column as strings, or an error naming the column (and the row of bytes
    that are not UTF-8)."""
    try:
        return column.cast(pa.string())
    except pa.ArrowInvalid:
        for i, value in enumerate(column.to_pylist()):
            if isinstance(value, bytes):
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    raise InputError(
                        f"{path}, row {i + 1}, column {name}: bytes are not valid UTF-8"
                    ) from None
        raise InputError(f"{path}, column {name}: values cannot be read as text") from None
    except pa.ArrowNotImplementedError:
        raise InputError(
            f"{path}, column {name}: values of type {column.type} cannot be read as text"
        ) from None


def _separator_hint(header: list[str]) -> str:
    """A hint for a header read as one column: the file is separated by something other
    than commas (spreadsheets export ';' in Russian and Ukrainian settings)."""
    if len(header) != 1:
        return ""
    for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
        if sep in header[0]:
            return f" (the header is separated by {name}; the file must be separated by commas)"
    return ""


def check_people(table: pa.Table, *, source: str = "input", first_row_line: int = 1) -> None:
    """Refuse a table without ids, with empty or duplicate ids, or without a name column."""
    if "id" not in table.column_names:
        raise InputError(f"{source}, line 1, column id: required column 'id' is missing")
    if not any(c in table.column_names for c in NAME_COLUMNS):
        raise InputError(
            f"{source}, line 1: no name column; give 'full_name' or "
            "'surname', 'given_name', 'patronymic'"
        )
    seen: dict[str, int] = {}
    for i, value in enumerate(table["id"].to_pylist()):
        line = i + first_row_line
        if value is None or not str(value).strip():
            raise InputError(f"{source}, line {line} (row {i + 1}), column id: empty id")
        if value in seen:
            raise InputError(
                f"{source}, line {line} (row {i + 1}), column id: duplicate id {value!r} "
                f"(first on line {seen[value]})"
            )
        seen[value] = line


@contextmanager
def whole_file(path: Path) -> Iterator[Path]:
    """A file beside ``path`` to write into (readable by its owner only), renamed into
    place when the block ends and removed if it fails: a failed or concurrent run never
    leaves half a file."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def write_table(table: pa.Table, path: str | Path) -> None:
    """Write a result table as CSV or Parquet, chosen by the extension, whole or not at
    all (:func:`whole_file`)."""
    path = Path(path)
    kind = _kind(path)
    with whole_file(path) as partial:
        if kind == "csv":
            with partial.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(table.column_names)
                for batch in table.to_batches(max_chunksize=65536):
                    writer.writerows(zip(*(c.to_pylist() for c in batch.columns), strict=True))
        else:
            pq.write_table(table, partial)
