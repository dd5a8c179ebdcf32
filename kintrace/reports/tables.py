"""Published tables: rows and columns of figures with small counts already hidden.

A `Table` never holds a hidden value: suppression happens when it is built, so every page,
chart and export made from it shows the same protected figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from kintrace.reports.suppression import Mark, suppress, with_totals

# Figures of a group under the threshold (a median of 3 waits) are hidden as well.
SMALL_GROUP = "small_group"
HIDDEN = "x"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # "count" or "days"
    total: bool = False  # the row total of the count columns before it


@dataclass(frozen=True)
class Cell:
    value: int | None  # None when hidden or when there is no figure
    mark: str | None = None  # Mark.PRIMARY, Mark.SECONDARY or SMALL_GROUP

    def display(self, threshold: int) -> str:
        if self.mark == Mark.PRIMARY:
            return f"< {threshold}"
        if self.mark is not None:
            return HIDDEN
        return "" if self.value is None else str(self.value)

    @property
    def chart_value(self) -> int | None:
        return None if self.mark else self.value


@dataclass(frozen=True)
class Row:
    key: str  # stable, language-neutral: "2022-03", a region as typed, a unit number
    label: str
    cells: tuple[Cell, ...]


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    total: Row | None
    threshold: int
    notes: list[str] = field(default_factory=list)
    dimension: str = ""  # the header of the row labels
    # What the figures were counted from beyond the source's description: which lists, how
    # many records lacked a field.
    sources: list[str] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        cells = [
            c for row in [*self.rows, *([self.total] if self.total else [])] for c in row.cells
        ]
        return any(c.mark for c in cells)


def count_table(
    *,
    keys: Sequence[tuple[str, str]],
    counts: Sequence[Sequence[int]],
    columns: Sequence[Column],
    threshold: int,
    dimension: str,
    total_label: str | None = None,
) -> Table:
    """A table whose columns split each row's total (a partition), with both totals."""
    grid = with_totals(counts) if counts else [[0] * (len(columns) + 1)]
    marks = suppress(grid, threshold=threshold)

    def row(index: int, key: str, label: str) -> Row:
        cells = tuple(
            Cell(None, str(mark)) if mark else Cell(value)
            for value, mark in zip(grid[index], marks[index], strict=True)
        )
        return Row(key, label, cells)

    all_columns = [*columns, Column("total", str(total_label or _("Total")), total=True)]
    rows = [row(i, key, label) for i, (key, label) in enumerate(keys)]
    return Table(
        columns=all_columns,
        rows=rows,
        total=row(len(grid) - 1, "total", str(_("All"))),
        threshold=threshold,
        dimension=dimension,
    )


def counts_column(values: Sequence[int], *, threshold: int) -> list[Cell]:
    """One column of counts that add up to a published total (the last cell returned)."""
    grid = with_totals([[v] for v in values])
    marks = suppress(grid, threshold=threshold)
    return [
        Cell(None, str(m[0])) if m[0] else Cell(row[0]) for row, m in zip(grid, marks, strict=True)
    ]


def days_cell(value: int | None, count: Cell, *, threshold: int) -> Cell:
    """A median or percentile of days, hidden when it stands on fewer cases than the threshold."""
    if count.mark or count.value is None or count.value < threshold:
        return Cell(None, SMALL_GROUP) if value is not None else Cell(None)
    return Cell(value)
