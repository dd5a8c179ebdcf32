"""A caseworker writes to the defence ministry, is redirected to the unit's own commander,
sees the redirect flagged as unlawful, and follows the suggested letter to the prosecutor."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_family_flow import TIMEOUT_MS, Screenshots, ServerErrors, assert_at, ru

if TYPE_CHECKING:
    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

SON = "Петров Игорь Васильевич"
MOTHER = "Петрова Анна Сергеевна"
UNIT = "в/ч 54321"
BAN = "ч. 6 ст. 8"


def file_request(page, errors: ServerErrors) -> str:
    page.goto("/request/")
    page.fill("#id_person-surname", "Петров")
    page.fill("#id_person-given_name", "Игорь")
    page.fill("#id_person-patronymic", "Васильевич")
    page.fill("#id_person-military_unit", UNIT)
    page.fill("#id_requester-name", MOTHER)
    page.select_option("#id_requester-relation", "mother")
    page.check("#id_requester-consent_processing")
    page.get_by_role("button", name=ru("Send the request")).click()
    assert_at(page, "/request/done/", errors)
    return page.locator("#case-reference").inner_text().strip()


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def test_caseworker_follows_an_unlawful_redirect_to_the_prosecutor(
    kintrace_server: LiveServer, browser: Browser, output_dir: Path, staff_login
) -> None:
    shots = Screenshots(output_dir)
    errors = ServerErrors()
    desk = browser.new_context(
        viewport={"width": 1366, "height": 900},
        locale="ru-RU",
        base_url=kintrace_server.url,
        accept_downloads=True,
    )
    desk.set_default_timeout(TIMEOUT_MS)
    errors.watch(desk)
    page = desk.new_page()
    reference = file_request(page, errors)
    desk.clear_cookies()

    staff_login(page, kintrace_server.caseworker, kintrace_server.caseworker_password)
    page.goto(f"/staff/cases/{reference}/")
    assert_at(page, f"/staff/cases/{reference}/", errors)
    expect(page.locator("#case-inquiries")).to_be_visible()

    # A complaint about the unit's conduct, to the defence ministry.
    page.locator("#new-inquiry").click()
    assert_at(page, f"/staff/cases/{reference}/inquiries/new/", errors)
    page.select_option("#id_institution", label="Минобороны России")
    page.select_option("#id_kind", "conduct")
    page.select_option("#id_language", "ru")
    page.locator("#draft-form button[type=submit]").click()
    expect(page.locator("#inquiry-status")).to_have_text(ru("Draft"))
    complaint_url = page.url
    expect(page.locator("#id_body")).to_contain_text(SON)
    shots.take(page, "inquiry-draft")

    with page.expect_download() as download_info:
        page.locator("#letter-pdf").click()
    letter = output_dir / "inquiry-letter.pdf"
    download_info.value.save_as(letter)
    text = pdf_text(letter)
    assert reference in text
    assert "Министерство обороны Российской Федерации" in text
    assert "59-ФЗ" in text and SON in text

    page.locator("#send-form button[type=submit]").click()
    assert page.url == complaint_url
    expect(page.locator("#inquiry-status")).to_have_text(ru("Sent"))
    expect(page.locator("#due-on")).not_to_have_text("—")

    # The ministry sends the complaint on to the commander of the unit it is about.
    form = page.locator("#response-form")
    form.locator("select[name=kind]").select_option("redirect")
    form.locator("input[name=unit]").fill(UNIT)
    form.locator("button[type=submit]").click()
    expect(page.locator("#inquiry-status")).to_have_text(ru("Redirected"))
    flag = page.locator("#unlawful-redirect")
    expect(flag).to_be_visible()
    expect(flag).to_contain_text("54321")
    expect(flag).to_contain_text(BAN)
    expect(page.locator("#suggestion")).to_contain_text("Военная прокуратура округа")
    shots.take(page, "inquiry-unlawful-redirect")

    # The suggested next letter: to the military prosecutor, citing the rule and the dates.
    page.locator("#follow-suggestion").click()
    assert_at(page, f"/staff/cases/{reference}/inquiries/new/", errors)
    expect(page.locator("#id_institution option:checked")).to_have_text(
        "Военная прокуратура округа"
    )
    page.locator("#draft-form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Военная прокуратура округа")
    body = page.locator("#id_body")
    expect(body).to_contain_text(BAN)
    expect(body).to_contain_text("Министерство обороны Российской Федерации")
    expect(body).to_contain_text("Командир войсковой части 54321")
    expect(page.locator("main")).to_contain_text("Минобороны России")  # the earlier letter
    shots.take(page, "inquiry-to-prosecutor")

    page.goto(f"/staff/cases/{reference}/")
    expect(page.locator("#case-inquiries li")).to_have_count(2)
    desk.close()
    assert errors.seen == [], f"the server failed: {errors.seen}"
