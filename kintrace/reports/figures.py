"""A report's chart from its protected table (hidden cells are drawn as no bar), as SVG or PNG."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kintrace import charts
from kintrace.reports.exports import Published


def chart_series(published: Published) -> tuple[list[str], dict[str, list[int | None]], bool]:
    """Row labels, one series per charted column, and whether the columns are days."""
    table, report = published.table, published.report
    wanted = report.chart_columns or tuple(
        c.key for c in table.columns if c.kind == "count" and not c.total
    )
    columns = [(i, c) for i, c in enumerate(table.columns) if c.key in wanted]
    labels = [row.label for row in table.rows]
    series = {c.label: [row.cells[i].chart_value for row in table.rows] for i, c in columns}
    return labels, series, all(c.kind == "days" for _i, c in columns)


def drawable(published: Published) -> bool:
    """Whether the chart would show anything: not when every figure is hidden or zero."""
    _labels, series, _days = chart_series(published)
    return any(value for values in series.values() for value in values)


def chart_svg(published: Published) -> str:
    labels, series, days = chart_series(published)
    title = published.report.title
    value_label = _("days") if days else _("cases")
    if published.report.chart == "line" and len(labels) > 1:
        return charts.line_chart(labels, series, title=title, value_label=value_label)
    return charts.bar_chart(labels, series, title=title, value_label=value_label, horizontal=True)


def chart_png(published: Published) -> bytes:
    import cairosvg

    return cairosvg.svg2png(bytestring=chart_svg(published).encode("utf-8"), output_width=1280)
