"""The reports index and a report page, per persona: status, content, audit."""

from __future__ import annotations

import pytest

from kintrace.accounts.models import AuditEvent
from tests.conftest import last_audit

PAGE = "/staff/reports/cases-by-region/"


@pytest.mark.parametrize("persona", ["anonymous", "family"])
def test_outsiders_are_sent_to_log_in(request, persona):
    client = request.getfixturevalue(persona)
    for url in ("/staff/reports/", PAGE):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/staff/login/")


def test_a_caseworker_gets_not_found(caseworker):
    before = AuditEvent.objects.count()
    assert caseworker.get("/staff/reports/").status_code == 404
    assert caseworker.get(PAGE).status_code == 404
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("persona", ["analyst", "coordinator"])
def test_the_index_lists_every_report(request, persona, known):
    client = request.getfixturevalue(persona)
    response = client.get("/staff/reports/")
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("cases-by-month", "waiting-times-by-region", "coerced-contracts-by-unit"):
        assert f"/staff/reports/{name}/" in page
    assert (last_audit().action, last_audit().object_id) == ("view", "index")


@pytest.mark.parametrize("persona", ["analyst", "coordinator"])
def test_a_report_page_has_table_chart_definition_sources_and_downloads(
    request, persona, known, settings
):
    settings.REPORT_MIN_CELL = 2
    client = request.getfixturevalue(persona)
    response = client.get(PAGE, {"date_from": "2022-03-01", "date_to": "2022-12-31"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cases by outcome and region" in page
    assert '<svg role="img"' in page and "<desc>" in page
    assert 'id="report-table"' in page and "Бурятия" in page
    assert 'id="definition"' in page and "status today" in page
    assert 'id="sources"' in page and "Tracing requests filed" in page
    assert "&lt; 2" in page  # the ones are hidden
    query = "date_from=2022-03-01&amp;date_to=2022-12-31"
    for link in ("export.csv", "export.xlsx", "export.json", "chart.svg", "chart.png"):
        assert f"/staff/reports/cases-by-region/{link}?{query}" in page
    assert f"summary.pdf?{query}&amp;lang=uk" in page
    audit = last_audit()
    assert (audit.action, audit.object_type, audit.object_id) == (
        "view",
        "report",
        "cases-by-region",
    )
    assert audit.detail["filters"] == {"date_from": "2022-03-01", "date_to": "2022-12-31"}


def test_the_filters_narrow_the_figures(analyst, settings, known):
    settings.REPORT_MIN_CELL = 2
    response = analyst.get(PAGE, {"outcome": "found_alive"})
    table = response.content.decode().split('id="report-table"')[1]
    assert '<td class="num">4</td></tr></tfoot>' in table


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "2022-31-02"}, "Enter a valid date"),
        ({"date_from": "2022-05-01", "date_to": "2022-04-01"}, "before its start"),
        ({"unit": "штаб"}, "unit"),
        ({"outcome": "teleported"}, "Select a valid choice"),
    ],
)
def test_bad_filters_are_named_never_a_500(analyst, query, message):
    response = analyst.get(PAGE, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'id="report-table"' not in response.content.decode()


def test_an_unknown_report_is_not_found(analyst):
    assert analyst.get("/staff/reports/no-such-report/").status_code == 404


def test_every_report_renders(analyst, known):
    from kintrace.reports import registry

    for name in registry.reports():
        response = analyst.get(f"/staff/reports/{name}/")
        assert response.status_code == 200, name
        assert 'id="chart"' in response.content.decode(), name


def test_no_empty_chart_when_every_figure_is_hidden(analyst, known):
    page = analyst.get(PAGE).content.decode()
    assert "<svg" not in page
    assert "No chart: every figure here is zero or too small to be shown." in page
