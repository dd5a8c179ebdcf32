"""Server-side SVG charts: readable on a phone, no JavaScript, fonts from matplotlib's package.

Each chart carries a <title> and a <desc> with its figures, so a screen reader (and a
search in the page) gets the numbers too. Pages show the same figures as a table.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")  # no display on a server

import matplotlib.pyplot as plt  # after the backend is chosen

# DejaVu Sans ships inside matplotlib and has Cyrillic.
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.fonttype": "none",  # text stays text: selectable, translatable, small
    "svg.hashsalt": "kintrace",  # same figures, same file
}
COLOURS = ("#1f5fa8", "#c0392b", "#1e7a3c", "#8a5a00", "#6c3483", "#5a6272", "#117a8b")


def _svg(figure, *, title: str, description: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    head_end = svg.index(">") + 1
    accessible = f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
    opening = svg[:head_end].replace("<svg ", '<svg role="img" ', 1)
    return opening + accessible + svg[head_end:]


def _describe(labels: Sequence[str], series: dict[str, Sequence[float | None]]) -> str:
    parts = []
    for name, values in series.items():
        pairs = ", ".join(
            f"{label}: {'—' if v is None else v}" for label, v in zip(labels, values, strict=True)
        )
        parts.append(f"{name}: {pairs}" if name else pairs)
    return "; ".join(parts)


def bar_chart(
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    value_label: str = "",
    horizontal: bool = True,
) -> str:
    """Grouped bars, one group per label and one bar per series; None is drawn as no bar."""
    with plt.rc_context(STYLE):
        height = max(2.0, 0.32 * len(labels) * max(1, len(series)) + 1.0) if horizontal else 3.2
        figure, axes = plt.subplots(figsize=(6.4, height))
        width = 0.8 / max(1, len(series))
        positions = range(len(labels))
        for index, (name, values) in enumerate(series.items()):
            offsets = [p + (index - (len(series) - 1) / 2) * width for p in positions]
            numbers = [0 if v is None else v for v in values]
            draw = axes.barh if horizontal else axes.bar
            draw(offsets, numbers, width, label=name or None, color=COLOURS[index % len(COLOURS)])
        if horizontal:
            axes.set_yticks(list(positions), labels)
            axes.invert_yaxis()
            axes.set_xlabel(value_label)
        else:
            axes.set_xticks(list(positions), labels, rotation=45, ha="right")
            axes.set_ylabel(value_label)
        if len(series) > 1:
            axes.legend(frameon=False, loc="best")
        axes.set_title(title, loc="left", fontweight="bold")
        return _svg(figure, title=title, description=_describe(labels, series))


def line_chart(
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    value_label: str = "",
) -> str:
    """One line per series over ordered labels (months, weeks); None leaves a gap."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(6.4, 3.2))
        for index, (name, values) in enumerate(series.items()):
            numbers = [float("nan") if v is None else v for v in values]
            axes.plot(
                list(labels),
                numbers,
                marker="o",
                label=name or None,
                color=COLOURS[index % len(COLOURS)],
            )
        axes.set_ylabel(value_label)
        axes.tick_params(axis="x", rotation=45)
        if len(series) > 1:
            axes.legend(frameon=False, loc="best")
        axes.set_title(title, loc="left", fontweight="bold")
        return _svg(figure, title=title, description=_describe(labels, series))
