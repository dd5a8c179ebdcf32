"""An analyst opens the reports, filters cases by region and period, sees the chart, and
downloads the CSV, which carries the same filters in its header; on a phone too."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import (
    ANALYST,
    KINTRACE,
    ROOT,
    LiveServer,
    _free_port,
    _kintrace,
    _server_env,
    _stop,
    _wait_healthy,
)
from tests.browser.test_family_flow import TIMEOUT_MS, Screenshots, ServerErrors, assert_at

pytestmark = pytest.mark.browser

REPORT = "/staff/reports/cases-by-region/"
DEMO_CASES = "400"
DEMO_RECORDS = "3000"


@pytest.fixture(scope="module")
def kintrace_server_with_demo(tmp_path_factory, output_dir: Path) -> Iterator[LiveServer]:
    """A server of its own with demo cases: the shared one must stay empty for the family flow."""
    data_dir = tmp_path_factory.mktemp("kintrace-reports-data")
    port = _free_port()
    env = _server_env(data_dir, port)
    log_path = output_dir / "server-reports.log"
    with log_path.open("w", encoding="utf-8") as log:
        _kintrace(["migrate", "--verbosity", "0"], env, log)
        created = _kintrace(["createstaff", ANALYST, "--role", "analyst"], env, log)
        analyst = re.search(rf"^{ANALYST} \(analyst\) password: (\S+)$", created, re.M)
        if analyst is None:
            pytest.fail(f"No password in the output of createstaff:\n{created}")
        _kintrace(["demo", "--cases", DEMO_CASES, "--records", DEMO_RECORDS], env, log)
        process = subprocess.Popen(
            [str(KINTRACE), "run", "--port", str(port), "--no-worker"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_healthy(f"http://127.0.0.1:{port}", process, log_path)
            yield LiveServer(
                url=f"http://127.0.0.1:{port}",
                data_dir=data_dir,
                caseworker="",
                caseworker_password="",
                analyst_password=analyst[1],
            )
        finally:
            _stop(process)


def test_analyst_filters_sees_a_chart_and_downloads_the_csv(
    kintrace_server_with_demo: LiveServer, browser: Browser, output_dir: Path, staff_login
) -> None:
    kintrace_server = kintrace_server_with_demo
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


def test_analyst_narrows_the_list_overlap_to_one_side(
    kintrace_server_with_demo: LiveServer, browser: Browser, output_dir: Path, staff_login
) -> None:
    kintrace_server = kintrace_server_with_demo
    errors = ServerErrors()
    desk = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="en-GB", base_url=kintrace_server.url
    )
    desk.set_default_timeout(TIMEOUT_MS)
    errors.watch(desk)
    page = desk.new_page()
    page.goto("/staff/login/")
    staff_login(page, kintrace_server.analyst, kintrace_server.analyst_password)
    overlap = "/staff/reports/lists-overlap/"
    page.goto("/staff/reports/")
    page.locator(f"a[href='{overlap}']").click()
    assert_at(page, overlap, errors)
    page.select_option("#id_side", "Ukraine")
    page.locator("form.report-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert_at(page, overlap, errors)
    expect(page.locator(".meta")).to_contain_text("Side that published the list: Ukraine")
    expect(page.locator("figure.chart svg[role=img]")).to_be_visible()
    table = page.locator("#report-table")
    expect(table).to_contain_text("Demo: coordination headquarters for prisoners + Demo: parl")
    expect(table).not_to_contain_text("Demo: ministry of defence")  # the other side's lists
    expect(page.locator("#sources")).to_contain_text("Lists counted: 5")
    Screenshots(output_dir).take(page, "analyst-list-overlap")
    desk.close()
    assert errors.seen == []
