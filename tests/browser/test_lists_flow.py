"""A coordinator imports a prisoners list; two caseworkers confirm the match; the family reads it.

The sought person is filed as `Иванов Алексей Петрович`; the list prints him in Ukrainian
(`Іванов Олексій Петрович`). The server runs without a worker: the test runs the task queue
once (`kintrace db_worker --batch`) where a real worker would pick the import up.
"""

from __future__ import annotations

import re
import subprocess
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import COORDINATOR, KINTRACE, ROOT, SECOND_CASEWORKER, _server_env

if TYPE_CHECKING:
    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

LIST = (
    "№;ФИО;Дата рождения;в/ч;Статус\r\n"
    "1;Іванов Олексій Петрович;07.03.2001;в/ч 54321;у полоні\r\n"
    "2;Сидоренко Тарас;1970;;у полоні\r\n"
)
FILE_CASE = """
from kintrace.cases import actions
from kintrace.cases.models import Person, Requester
person = Person(surname="Иванов", given_name="Алексей", patronymic="Петрович",
                birth_year=2001, birth_month=3, birth_day=7, military_unit="в/ч 54321")
requester = Requester(name="Иванова Мария", relation="mother", consent_processing=True)
case, code = actions.file_request(person=person, requester=requester, request=None)
print(case.reference, code)
"""
MESSAGE = "Your son is on a list of prisoners published on 1 March. We will call you today."


def run(server: LiveServer, *args: str) -> str:
    env = _server_env(server.data_dir, int(server.url.rsplit(":", 1)[1]))
    done = subprocess.run(
        [str(KINTRACE), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def staff_page(browser: Browser, server: LiveServer, staff_login, name: str, password: str) -> Page:
    context = browser.new_context(base_url=server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/staff/login/")
    staff_login(page, name, password)
    return page


def confirm_as(page: Page, reason: str) -> None:
    page.goto("/staff/matches/")
    page.locator("#queue a", has_text="Иванов Алексей Петрович").first.click()
    expect(page.locator("#explanation")).to_contain_text("surname written in Ukrainian")
    page.fill("#id_confirm-reason", reason)
    page.locator("#confirm-form button").click()
    page.wait_for_load_state()


def test_import_review_confirm_and_tell_the_family(
    browser: Browser, kintrace_server: LiveServer, staff_login, tmp_path, output_dir
):
    server = kintrace_server
    reference, code = run(server, "shell", "-c", FILE_CASE).split()[-2:]
    passwords = server.staff_passwords

    coordinator = staff_page(browser, server, staff_login, COORDINATOR, passwords[COORDINATOR])
    coordinator.goto("/staff/lists/")
    upload = tmp_path / "prisoners-march.csv"
    upload.write_bytes(LIST.encode("cp1251"))
    coordinator.set_input_files("#id_file", str(upload))
    coordinator.fill("#id_name", "Prisoners, March")
    coordinator.select_option("#id_kind", "prisoners")
    coordinator.fill("#id_publisher", "Ministry")
    coordinator.locator("#upload-form button").click()
    expect(coordinator.locator("table.preview")).to_contain_text("Іванов Олексій Петрович")
    expect(coordinator.locator("#id_full_name")).to_have_value("ФИО")
    coordinator.locator("#mapping-form button[name=import]").click()
    expect(coordinator.locator("#job-state")).to_have_text("Queued")
    run(server, "db_worker", "--batch", "--no-startup-delay")
    coordinator.reload()
    expect(coordinator.locator(".notice")).to_contain_text("2 records imported.")
    coordinator.screenshot(path=output_dir / "lists-01-imported.png", full_page=True)

    first = staff_page(browser, server, staff_login, server.caseworker, server.caseworker_password)
    confirm_as(first, "Same birth date and unit")
    expect(first.locator("#match-state")).to_contain_text("a second caseworker must confirm")
    first.screenshot(path=output_dir / "lists-02-first-confirmation.png", full_page=True)

    family = browser.new_context(base_url=server.url, locale="en-GB").new_page()
    family.goto(f"/status/?reference={reference}")
    family.fill("#id_code", code)
    family.locator("main form button[type=submit]").click()
    expect(family.locator("#case-status")).not_to_have_text(re.compile("captivity"))
    expect(family.locator("main")).not_to_contain_text("prisoners")

    second = staff_page(
        browser, server, staff_login, SECOND_CASEWORKER, passwords[SECOND_CASEWORKER]
    )
    confirm_as(second, "Called the unit")
    expect(second.locator("#match-state")).to_have_text("Confirmed")
    second.fill("#id_message", MESSAGE)
    second.locator("#tell-form button").click()
    expect(second.locator(".notice")).to_contain_text("The family has been told")

    family.reload()
    expect(family.locator("main")).to_contain_text(MESSAGE)
    expect(family.locator("#case-status")).to_contain_text("captivity")
    family.screenshot(path=output_dir / "lists-03-family.png", full_page=True)
