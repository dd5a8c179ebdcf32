"""Small-count protection for published tables: primary and complementary suppression.

A table here is a grid of counts whose rows and columns are published with their
totals: cell ``[i][j]`` for ``i < rows`` and ``j < columns``, the row totals in the last
column and the column totals in the last row (the grand total in the corner). Every
cell, totals included, is a member of one row line and one column line, and each line
says "the members add up to the total".

- Primary suppression: a count from 1 to ``threshold - 1`` is never published.
- Complementary suppression: a suppressed cell must not be recoverable from what is
  published. No line may hold exactly one suppressed member (that one would be the
  total minus the others), and, more strictly, no primary cell may be determined by
  any combination of the published lines (checked on the null space of the system).

Pure functions over lists of ints: no Django, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import numpy as np

Grid = list[list[int]]


class Mark(StrEnum):
    """Why a cell is not published."""

    PRIMARY = "primary"  # a small count itself
    SECONDARY = "secondary"  # hidden so that a small count cannot be worked out


def with_totals(cells: Sequence[Sequence[int]]) -> Grid:
    """The grid of counts with a total column and a total row (the grand total last)."""
    rows = [[*row, sum(row)] for row in cells]
    width = len(rows[0]) if rows else 1
    totals = [sum(row[j] for row in rows) for j in range(width)]
    return [*rows, totals]


def _lines(height: int, width: int) -> list[list[tuple[int, int]]]:
    """Each row and each column of a grid with totals; the total is the last member."""
    rows = [[(i, j) for j in range(width)] for i in range(height)]
    columns = [[(i, j) for i in range(height)] for j in range(width)]
    return rows + columns


def primary(grid: Grid, *, threshold: int) -> list[list[Mark | None]]:
    """Mark every count from 1 to threshold - 1; zeros are published."""
    return [[Mark.PRIMARY if 0 < value < threshold else None for value in row] for row in grid]


def _cost(grid: Grid, cell: tuple[int, int]) -> tuple[int, int, int]:
    """Which cell to hide next: an inner cell before a total, a non-zero before a zero
    (a hidden zero beside a hidden small count gives the count away), the smallest first."""
    i, j = cell
    is_total = i == len(grid) - 1 or j == len(grid[0]) - 1
    value = grid[i][j]
    return (int(is_total), int(value == 0), value)


def _hide_one_more(grid: Grid, marks, line: list[tuple[int, int]]) -> bool:
    candidates = [cell for cell in line if marks[cell[0]][cell[1]] is None]
    if not candidates:
        return False
    i, j = min(candidates, key=lambda cell: _cost(grid, cell))
    marks[i][j] = Mark.SECONDARY
    return True


def _lone_marks(grid: Grid, marks) -> bool:
    """Hide one more cell in every line with exactly one hidden member; True if any changed."""
    changed = False
    for line in _lines(len(grid), len(grid[0])):
        hidden = [cell for cell in line if marks[cell[0]][cell[1]] is not None]
        if len(hidden) == 1:
            changed |= _hide_one_more(grid, marks, line)
    return changed


def determined(grid: Grid, marks) -> set[tuple[int, int]]:
    """Hidden cells whose value follows from the published cells and the line sums.

    The hidden cells are the unknowns of a linear system (one equation per line); an
    unknown is determined when every solution of the homogeneous system leaves it at 0.
    """
    hidden = [(i, j) for i, row in enumerate(marks) for j, mark in enumerate(row) if mark]
    if not hidden:
        return set()
    index = {cell: k for k, cell in enumerate(hidden)}
    lines = _lines(len(grid), len(grid[0]))
    system = np.zeros((len(lines), len(hidden)))
    for row, line in enumerate(lines):
        *members, total = line
        for cell in members:
            if cell in index:
                system[row, index[cell]] += 1.0
        if total in index:
            system[row, index[total]] -= 1.0
    _u, singular, vt = np.linalg.svd(system)
    rank = int((singular > 1e-9).sum())
    null_space = vt[rank:]  # rows spanning the solutions of system @ x = 0
    if null_space.shape[0] == 0:
        return set(hidden)
    free = np.abs(null_space).max(axis=0) > 1e-9
    return {cell for cell, is_free in zip(hidden, free, strict=True) if not is_free}


def _lines_through(cell: tuple[int, int], height: int, width: int) -> list[list[tuple[int, int]]]:
    i, j = cell
    return [[(i, c) for c in range(width)], [(r, j) for r in range(height)]]


def suppress(grid: Grid, *, threshold: int) -> list[list[Mark | None]]:
    """The marks for a grid with totals (see ``with_totals``): None means publish."""
    if threshold <= 1 or not grid or not grid[0]:
        return [[None for _ in row] for row in grid]
    marks = primary(grid, threshold=threshold)
    height, width = len(grid), len(grid[0])
    while True:
        while _lone_marks(grid, marks):
            pass
        exposed = [
            cell for cell in determined(grid, marks) if marks[cell[0]][cell[1]] == Mark.PRIMARY
        ]
        if not exposed:
            return marks
        # Open another hidden cell in a line through the first exposed one, then re-check.
        lines = _lines_through(min(exposed), height, width)
        if not any(_hide_one_more(grid, marks, line) for line in lines):
            everything = [(i, j) for i in range(height) for j in range(width)]
            if not _hide_one_more(grid, marks, everything):
                return marks  # all hidden: nothing is published, nothing can be worked out


def recoverable_by_subtraction(grid: Grid, marks) -> list[tuple[int, int]]:
    """Hidden cells that are a published total minus published members (for tests)."""
    found = []
    for line in _lines(len(grid), len(grid[0])):
        hidden = [cell for cell in line if marks[cell[0]][cell[1]] is not None]
        if len(hidden) == 1:
            found.append(hidden[0])
    return found
