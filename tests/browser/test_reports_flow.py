"""An analyst opens the reports, filters cases by region and period, sees the chart, and
downloads the CSV, which carries the same filters in its header; on a phone too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_family_flow import TIMEOUT_MS, Screenshots, ServerErrors, assert_at

if TYPE_CHECKING:
    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

REPORT = "/staff/reports/cases-by-region/"


def test_analyst_filters_sees_a_chart_and_downloads_the_csv(
    kintrace_server: LiveServer, browser: Browser, output_dir: Path, staff_login
) -> None:
    shots = Screenshots(output_dir)
    errors = ServerErrors()
    desk = browser.new_context(
        viewport={"width": 1366, "height": 900},
        locale="en-GB",
        base_url=kintrace_server.url,
        accept_downloads=True,
    )
    desk.set_default_timeout(TIMEOUT_MS)
    errors.watch(desk)
    page = desk.new_page()
    page.goto("/staff/login/")
    staff_login(page, kintrace_server.analyst, kintrace_server.analyst_password)

    page.locator("nav.top-nav a[href='/staff/reports/']").click()
    assert_at(page, "/staff/reports/", errors)
    page.locator(f"a[href='{REPORT}']").click()
    assert_at(page, REPORT, errors)

    region_options = page.locator("#id_region option").all()
    region = next(o.get_attribute("value") for o in region_options if o.get_attribute("value"))
    page.select_option("#id_region", region)
    page.fill("#id_date_from", "2020-01-01")
    page.fill("#id_date_to", "2030-12-31")
    page.locator("form.report-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert_at(page, REPORT, errors)
    assert "region=" in page.url and "date_from=2020-01-01" in page.url

    chart = page.locator("figure.chart svg[role=img]")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] > 300
    table = page.locator("#report-table")
    expect(table).to_contain_text(region)
    expect(page.locator(".meta")).to_contain_text(f"Region: {region}")
    shots.take(page, "analyst-report")

    with page.expect_download() as download:
        page.locator("#downloads a", has_text="CSV").click()
    saved = output_dir / "report.csv"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert "# Report: Cases by outcome and region (cases-by-region)" in text
    assert f"# Region: {region}" in text
    assert "# Period: from 2020-01-01 to 2030-12-31" in text
    assert f"\n{region}," in text

    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        base_url=kintrace_server.url,
        storage_state=desk.storage_state(),
    )
    phone.set_default_timeout(TIMEOUT_MS)
    errors.watch(phone)
    small = phone.new_page()
    small.goto(page.url)
    expect(small.locator("figure.chart svg")).to_be_visible()
    width = small.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "the page scrolls sideways on a phone"
    shots.take(small, "analyst-report-phone")
    phone.close()
    desk.close()
    assert errors.seen == []
