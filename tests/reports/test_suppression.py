"""Suppression: no count under the threshold is published or can be worked out from totals."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kintrace.reports.suppression import (
    Mark,
    determined,
    recoverable_by_subtraction,
    suppress,
    with_totals,
)

THRESHOLD = 5


def _solvable_hidden(grid, marks) -> set[tuple[int, int]]:
    """An independent check: a hidden cell is determined when adding the equation
    "this cell = its value" does not raise the rank of the system over the hidden cells."""
    height, width = len(grid), len(grid[0])
    hidden = [(i, j) for i in range(height) for j in range(width) if marks[i][j]]
    equations = []
    for i in range(height):
        equations.append([(i, j) for j in range(width - 1)] + [("total", (i, width - 1))])
    for j in range(width):
        equations.append([(i, j) for i in range(height - 1)] + [("total", (height - 1, j))])
    matrix = []
    for equation in equations:
        row = []
        for cell in hidden:
            coefficient = 0
            for member in equation:
                if member == cell:
                    coefficient += 1
                elif member == ("total", cell):
                    coefficient -= 1
            row.append(coefficient)
        matrix.append(row)
    system = np.array(matrix, dtype=float).reshape(len(equations), len(hidden))
    rank = np.linalg.matrix_rank(system) if hidden else 0
    found = set()
    for k, cell in enumerate(hidden):
        unit = np.zeros((1, len(hidden)))
        unit[0, k] = 1
        if np.linalg.matrix_rank(np.vstack([system, unit])) == rank:
            found.add(cell)
    return found


def _check(cells) -> list[list[Mark | None]]:
    grid = with_totals(cells)
    marks = suppress(grid, threshold=THRESHOLD)
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if 0 < value < THRESHOLD:
                assert marks[i][j] == Mark.PRIMARY, (cells, i, j)
    assert recoverable_by_subtraction(grid, marks) == [], cells
    primaries = {
        (i, j) for i, row in enumerate(marks) for j, mark in enumerate(row) if mark == Mark.PRIMARY
    }
    assert not primaries & _solvable_hidden(grid, marks), cells
    return marks


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # Nothing small: nothing hidden.
        ([[10, 20], [30, 40]], [[None] * 3] * 3),
        # One small count: its row and its column each get a second hidden cell, and
        # the cell where those meet closes the square.
        (
            [[3, 20, 30], [10, 40, 50]],
            [
                ["primary", "secondary", None, None],
                ["secondary", "secondary", None, None],
                [None, None, None, None],
            ],
        ),
        # A small row total is itself a small count.
        (
            [[1, 2], [30, 40], [50, 60]],
            [
                ["primary", "primary", "primary"],
                ["secondary", "secondary", "secondary"],
                [None, None, None],
                [None, None, None],
            ],
        ),
    ],
)
def test_known_tables(cells, expected):
    marks = _check(cells)
    assert [[m and str(m) for m in row] for row in marks] == expected


def test_zeros_are_published_and_never_chosen_to_hide_a_small_count():
    marks = _check([[3, 0, 40], [10, 0, 50]])
    assert marks[0][1] is None and marks[1][1] is None


def test_a_table_of_one_column():
    marks = _check([[3], [40], [50]])
    assert marks[0][0] == Mark.PRIMARY
    assert marks[1][0] == Mark.SECONDARY  # the next smallest in the column


def test_a_cell_joining_two_hidden_squares_is_found_though_every_line_has_two():
    # Each line holds two or more hidden cells, yet the joining cell follows from the
    # totals: the line rule alone is not enough, the null-space check catches it.
    grid = with_totals([[2, 9, 90, 90], [9, 9, 7, 90], [90, 90, 2, 9], [90, 90, 9, 9]])
    marks = [[None] * 5 for _ in range(5)]
    for cell in [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 3), (3, 2), (3, 3)]:
        marks[cell[0]][cell[1]] = Mark.SECONDARY
    assert recoverable_by_subtraction(grid, marks) == []
    assert determined(grid, marks) == _solvable_hidden(grid, marks) == {(1, 2)}


def test_the_null_space_check_agrees_with_the_rank_check():
    grid = with_totals([[2, 9, 90], [9, 9, 90], [90, 90, 90]])
    marks = [[None] * 4 for _ in range(4)]
    marks[0][0] = marks[0][1] = marks[1][0] = Mark.PRIMARY  # an open corner: (1,1) missing
    assert determined(grid, marks) == _solvable_hidden(grid, marks) == {(0, 0), (0, 1), (1, 0)}


@pytest.mark.parametrize("shape", [(1, 2), (2, 2), (2, 3), (3, 2)])
def test_every_small_table_exhaustively(shape):
    height, width = shape
    for values in itertools.product((0, 1, 4, 5, 9), repeat=height * width):
        cells = [list(values[i * width : (i + 1) * width]) for i in range(height)]
        _check(cells)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 30), min_size=width, max_size=width), min_size=1, max_size=8
        )
    )
)
def test_random_tables(cells):
    _check(cells)


def test_threshold_one_hides_nothing():
    grid = with_totals([[1, 2]])
    assert suppress(grid, threshold=1) == [[None] * 3] * 2
