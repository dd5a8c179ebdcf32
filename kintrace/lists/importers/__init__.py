"""Reading published lists: CSV, XLSX, JSON and PFIF 1.4 in, rows of text out.

Pure Python, no Django. Each reader streams rows (lists of cell text) under a header and
refuses hostile or unreadable input with an :class:`ImportProblem` that names the row,
the column and what is wrong. :func:`open_table` picks the reader from the file's
extension and checks the bytes agree.
"""

from kintrace.lists.importers.base import (
    LIMITS,
    ImportProblem,
    Limits,
    Table,
    open_table,
)
from kintrace.lists.importers.mapping import FIELDS, guess_mapping, mapping_problems
from kintrace.lists.importers.rows import RecordRow, check_rows, record_row

__all__ = [
    "FIELDS",
    "LIMITS",
    "ImportProblem",
    "Limits",
    "RecordRow",
    "Table",
    "check_rows",
    "guess_mapping",
    "mapping_problems",
    "open_table",
    "record_row",
]
