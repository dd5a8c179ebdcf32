"""A one-page PDF summary of a report, in Russian, Ukrainian or English, for a press release
or a letter to an ombudsman: the figures, the chart, the definition and the sources."""

from __future__ import annotations

import base64

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from kintrace.reports.exports import Published
from kintrace.reports.figures import chart_svg

LANGUAGES = ("ru", "uk", "en")
MAX_ROWS = 14  # what fits one page beside the chart; the rest is in the CSV


def summary_pdf(build, language: str) -> bytes:
    """`build()` makes the Published report; it runs in the language asked for."""
    from weasyprint import HTML

    with translation.override(language):
        published: Published = build()
        svg = chart_svg(published)
        rows = published.body()
        table = published.table
        html = render_to_string(
            "reports/summary_pdf.html",
            {
                "published": published,
                "header": published.header_row(),
                "rows": rows[:-1][:MAX_ROWS],
                "total_row": rows[-1] if table.total else None,
                "more": max(0, len(table.rows) - MAX_ROWS),
                "filters": published.filters.describe(),
                "chart": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
                "organisation": settings.ORGANISATION_NAME,
                "language": language,
            },
        )
    return HTML(string=html).write_pdf()
