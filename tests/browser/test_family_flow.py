"""A mother files a tracing request on her phone without JavaScript; a caseworker takes it up.

Every step asserts what the person sees. Texts are compared with the Russian catalogue
(Django's own and the project's), so the test follows the translations as they are written;
where a string is not translated yet, the page shows (and the test expects) the English one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Response, expect

if TYPE_CHECKING:
    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

# The alphabet of references and codes: no 0/O, 1/I/L or U.
SYMBOL = "[2-9A-HJKMNP-TV-Z]"
REFERENCE_RE = re.compile(rf"^KT-{SYMBOL}{{4}}-{SYMBOL}{{4}}$")
CODE_RE = re.compile(rf"^{SYMBOL}{{4}}-{SYMBOL}{{4}}-{SYMBOL}{{4}}$")

SON = "Иванов Алексей Петрович"
MOTHER = "Иванова Мария Сергеевна"
FAMILY_INFO = "Он звонил с чужого номера"
STATUS_REASON = "Мать на связи, данные проверены"
FAMILY_MESSAGE = "Мы начали поиск"
TIMEOUT_MS = 10_000


def ru(message: str) -> str:
    """What a Russian-speaking visitor sees for this message."""
    with translation.override("ru"):
        return translation.gettext(message)


class Screenshots:
    """Full-page screenshots named in the order they are taken: 01-landing.png, ..."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.taken = 0

    def take(self, page: Page, name: str) -> None:
        self.taken += 1
        page.screenshot(path=self.folder / f"{self.taken:02d}-{name}.png", full_page=True)


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def assert_russian_phone_page(page: Page) -> None:
    """In Russian, and nothing wider than the phone's screen (no sideways scrolling)."""
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    scroll_width, screen_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= screen_width, (
        f"{page.url} is {scroll_width}px wide on a {screen_width}px phone screen"
    )


class ServerErrors:
    """Every answer of 500 or more that a browser context received."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def watch(self, context: BrowserContext) -> BrowserContext:
        context.on("response", self._record)
        return context

    def _record(self, response: Response) -> None:
        if response.status >= 500:
            self.seen.append(f"{response.status} {response.request.method} {response.url}")


def assert_at(page: Page, path: str, errors: ServerErrors) -> None:
    """The browser landed on this page; otherwise say what the page and the server showed."""
    shown = page.locator(".error, .error-summary").all_inner_texts()
    assert path_of(page) == path, (
        f"at {page.url} instead of {path}; errors on the page: {shown}; "
        f"server errors: {errors.seen}"
    )


def field(page: Page, input_id: str):
    """The block of one form field: its label, input, help and errors."""
    return page.locator(".field", has=page.locator(f"#{input_id}"))


def phone_context(
    browser: Browser, playwright: Playwright, server: LiveServer, errors: ServerErrors
) -> BrowserContext:
    context = browser.new_context(
        **playwright.devices["Pixel 7"],
        locale="ru-RU",
        java_script_enabled=False,
        base_url=server.url,
    )
    context.set_default_timeout(TIMEOUT_MS)
    return errors.watch(context)


def fill_request_without_surname(page: Page) -> None:
    page.fill("#id_person-given_name", "Алексей")
    page.fill("#id_person-patronymic", "Петрович")
    page.select_option("#id_person-birth_day", "7")
    page.select_option("#id_person-birth_month", "3")
    page.fill("#id_person-birth_year", "2003")
    page.fill("#id_person-region", "Бурятия")
    page.fill("#id_person-military_unit", "в/ч 12345")
    page.select_option("#id_person-service_type", "contract")
    page.select_option("#id_person-contract_under_pressure", "true")
    page.fill("#id_person-phone_numbers", "+7 900 111-22-33")
    page.select_option("#id_person-phone_taken", "true")
    page.fill("#id_person-last_known_location", "Белгородская область")
    page.fill("#id_requester-name", MOTHER)
    page.select_option("#id_requester-relation", "mother")
    page.fill("#id_requester-phone", "+7 901 234-56-78")
    page.check("#id_requester-consent_processing")


def test_mother_files_request_on_phone_and_caseworker_starts_search(
    kintrace_server: LiveServer,
    browser: Browser,
    playwright: Playwright,
    output_dir: Path,
    staff_login,
) -> None:
    shots = Screenshots(output_dir)
    errors = ServerErrors()

    # --- The mother, on her phone, without JavaScript -----------------------------------
    phone = phone_context(browser, playwright, kintrace_server, errors)
    page = phone.new_page()

    page.goto("/")
    assert_russian_phone_page(page)
    expect(page.locator("h1")).to_have_text(
        ru("Have you lost contact with a relative who serves in the army?")
    )
    shots.take(page, "landing")

    page.locator("main").get_by_role("link", name=ru("Ask us to search"), exact=True).click()
    assert_at(page, "/request/", errors)
    assert_russian_phone_page(page)
    expect(page.locator("h1")).to_have_text(ru("Ask us to search for him"))
    expect(page.locator("#id_requester-preferred_language")).to_have_value("ru")
    shots.take(page, "request-form")

    # She forgets the surname: the form comes back with her answers and one error.
    fill_request_without_surname(page)
    page.get_by_role("button", name=ru("Send the request")).click()
    assert_at(page, "/request/", errors)
    assert_russian_phone_page(page)
    expect(page.locator(".error-summary")).to_have_text(
        ru("Please correct the fields marked below.")
    )
    surname = field(page, "id_person-surname")
    expect(surname).to_have_class(re.compile(r"\bhas-error\b"))
    expect(surname.locator(".error")).to_have_text(ru("This field is required."))
    expect(page.locator(".field .error")).to_have_count(1)
    expect(page.locator("#id_person-given_name")).to_have_value("Алексей")
    expect(page.locator("#id_person-birth_month")).to_have_value("3")
    expect(page.locator("#id_person-military_unit")).to_have_value("в/ч 12345")
    expect(page.locator("#id_requester-consent_processing")).to_be_checked()
    assert kintrace_server.count("cases_case") == 0, "a case was created from an invalid form"
    shots.take(page, "request-surname-missing")

    page.fill("#id_person-surname", "Иванов")
    page.get_by_role("button", name=ru("Send the request")).click()
    assert_at(page, "/request/done/", errors)
    assert_russian_phone_page(page)
    expect(page.locator("h1")).to_have_text(ru("Your request has been received"))
    reference = page.locator("#case-reference").inner_text().strip()
    code = page.locator("#access-code").inner_text().strip()
    assert REFERENCE_RE.match(reference), f"unexpected case reference {reference!r}"
    assert CODE_RE.match(code), f"unexpected access code {code!r}"
    assert kintrace_server.count("cases_case") == 1
    shots.take(page, "request-done")

    # The code is shown once only: coming back to the page does not show it again.
    page.reload()
    expect(page.locator("h1")).to_have_text(ru("This page was shown already"))
    expect(page.locator("#access-code")).to_have_count(0)
    assert code not in page.content()

    # She closes the browser and comes back later.
    phone.close()
    phone = phone_context(browser, playwright, kintrace_server, errors)
    page = phone.new_page()
    page.goto("/status/")
    assert_russian_phone_page(page)
    expect(page.locator("h1")).to_have_text(ru("Check your request"))

    page.fill("#id_reference", reference)
    wrong_code = "2222-3333-4444"
    assert wrong_code != code
    page.fill("#id_code", wrong_code)
    page.get_by_role("button", name=ru("Show the status")).click()
    assert_at(page, "/status/", errors)
    assert_russian_phone_page(page)
    expect(page.locator(".error-summary")).to_have_text(
        ru("The reference or the access code is not right.")
    )
    expect(page.locator("#case-status")).to_have_count(0)
    expect(page.locator("#id_reference")).to_have_value(reference)
    expect(page.locator("#id_code")).to_have_value("")
    shots.take(page, "status-wrong-code")

    # On a phone she types both in small letters; they are still accepted.
    page.fill("#id_reference", reference.lower())
    page.fill("#id_code", code.lower())
    page.get_by_role("button", name=ru("Show the status")).click()
    assert_at(page, f"/status/{reference}/", errors)
    assert_russian_phone_page(page)
    expect(page.locator("h1")).to_contain_text(reference)
    expect(page.locator(".subject")).to_contain_text(SON)
    expect(page.locator("#case-status")).to_have_text(ru("New"))
    created = page.locator(".timeline .event-created")
    expect(created).to_have_count(1)
    expect(created).to_contain_text(ru("Request received"))
    shots.take(page, "status-page")

    page.fill("#id_text", FAMILY_INFO)
    page.get_by_role("button", name=ru("Send to the caseworker")).click()
    assert_at(page, f"/status/{reference}/", errors)
    assert_russian_phone_page(page)
    expect(page.locator(".messages")).to_contain_text(
        ru("Thank you. Your caseworker will read it.")
    )
    added = page.locator(".timeline .event-family_info")
    expect(added).to_have_count(1)
    expect(added.locator(".event-text")).to_have_text(FAMILY_INFO)
    expect(page.locator("#id_text")).to_have_value("")
    shots.take(page, "family-info-added")

    # --- The caseworker, at her desk ------------------------------------------------------
    desk = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="ru-RU", base_url=kintrace_server.url
    )
    desk.set_default_timeout(TIMEOUT_MS)
    errors.watch(desk)
    staff = desk.new_page()
    staff.goto("/staff/")
    assert_at(staff, "/staff/login/", errors)
    staff_login(staff, kintrace_server.caseworker, kintrace_server.caseworker_password)
    assert_at(staff, "/staff/", errors)
    expect(staff.locator("html")).to_have_attribute("lang", "ru")
    expect(staff.locator("main")).to_contain_text(reference)
    shots.take(staff, "staff-dashboard")

    staff.locator("header").get_by_role("link", name=ru("Cases"), exact=True).click()
    assert_at(staff, "/staff/cases/", errors)
    staff.fill("#id_q", "Иванов")
    staff.get_by_role("button", name=ru("Filter")).click()
    assert_at(staff, "/staff/cases/", errors)
    rows = staff.locator("table.cases tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(SON)
    expect(rows.first.locator(".badge")).to_have_text(ru("news"))
    shots.take(staff, "staff-search")

    rows.first.get_by_role("link", name=reference).click()
    assert_at(staff, f"/staff/cases/{reference}/", errors)
    expect(staff.locator("h1")).to_have_text(f"{reference}: {SON}")
    expect(staff.locator("#case-status")).to_have_text(ru("New"))
    facts = staff.locator("section.person")
    expect(facts).to_contain_text("7 марта 2003")
    expect(facts).to_contain_text("в/ч 12345")
    expect(facts).to_contain_text(MOTHER)
    info = staff.locator(".timeline .event-family_info")
    expect(info).to_have_count(1)
    expect(info).to_have_class(re.compile(r"\battention\b"))
    expect(info.locator(".event-text")).to_have_text(FAMILY_INFO)
    shots.take(staff, "staff-case")

    form = staff.locator("#status-form")
    form.locator("select[name=status]").select_option("active")
    form.locator("textarea[name=reason]").fill(STATUS_REASON)
    form.locator("textarea[name=message_to_family]").fill(FAMILY_MESSAGE)
    form.get_by_role("button", name=ru("Change the status")).click()
    assert_at(staff, f"/staff/cases/{reference}/", errors)
    expect(staff.locator(".messages")).to_contain_text(ru("Saved."))
    expect(staff.locator("#case-status")).to_have_text(ru("Search under way"))
    changed = staff.locator(".timeline .event-status_changed")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text(STATUS_REASON)
    expect(changed.locator(".event-text")).to_have_text(FAMILY_MESSAGE)
    shots.take(staff, "staff-status-changed")
    desk.close()

    # --- The mother looks again -------------------------------------------------------------
    page.reload()
    assert_at(page, f"/status/{reference}/", errors)
    assert_russian_phone_page(page)
    expect(page.locator("#case-status")).to_have_text(ru("Search under way"))
    news = page.locator(".timeline .event-status_changed")
    expect(news).to_have_count(1)
    expect(news).to_contain_text(ru("New status: %(status)s") % {"status": ru("Search under way")})
    expect(news.locator(".event-text")).to_have_text(FAMILY_MESSAGE)
    expect(page.locator(".timeline .event-family_info .event-text")).to_have_text(FAMILY_INFO)
    assert STATUS_REASON not in page.content(), "the staff-only reason is shown to the family"
    shots.take(page, "family-sees-update")

    # She leaves: this browser no longer opens the case without the code.
    page.get_by_role("button", name=ru("Leave this page")).click()
    assert_at(page, "/status/", errors)
    assert_russian_phone_page(page)
    expect(page.locator(".messages")).to_contain_text(
        ru("You have left the case page. Keep your reference and code safe.")
    )
    page.goto(f"/status/{reference}/")
    assert_at(page, "/status/", errors)
    expect(page.locator("#case-status")).to_have_count(0)
    expect(page.locator("#id_reference")).to_have_value(reference)
    shots.take(page, "family-left")
    phone.close()
    assert errors.seen == [], f"the server failed: {errors.seen}"
