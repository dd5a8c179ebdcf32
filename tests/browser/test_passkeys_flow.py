"""A caseworker sets up a passkey at the first log-in, logs out, and logs in with password and
passkey: chromium's virtual authenticator (over CDP) plays the phone's fingerprint reader.

Passkeys need a host name, not an IP address, so this test opens the shared server as
http://localhost:PORT (the server's relying party, derived from its 127.0.0.1 site address).
The caseworker is made for this test only: the other tests' staff keep their authenticator app.
"""

from __future__ import annotations

import re
import subprocess
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import KINTRACE, ROOT, _server_env

if TYPE_CHECKING:
    from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

USERNAME = "vera"
AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


def create_caseworker(server: LiveServer) -> str:
    env = _server_env(server.data_dir, int(server.url.rsplit(":", 1)[1]))
    done = subprocess.run(
        [str(KINTRACE), "createstaff", USERNAME, "--role", "caseworker"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return re.search(rf"^{USERNAME} \(caseworker\) password: (\S+)$", done.stdout, re.M)[1]


def log_in_with_password(page, password: str) -> None:
    page.goto("/staff/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/staff/second-factor/"))


def test_a_caseworker_registers_a_passkey_and_logs_in_with_it(
    browser: Browser, kintrace_server: LiveServer, output_dir
) -> None:
    password = create_caseworker(kintrace_server)
    base_url = kintrace_server.url.replace("127.0.0.1", "localhost")
    context = browser.new_context(base_url=base_url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    try:
        # First log-in: the set-up page offers a passkey beside the authenticator app.
        log_in_with_password(page, password)
        expect(page.locator("#totp-secret")).to_be_visible()
        scripts = page.locator("script[src]").evaluate_all("(s) => s.map((e) => e.src)")
        assert any("/static/django_otp_webauthn/otp_webauthn_register" in s for s in scripts)
        assert all(s.startswith(base_url) for s in scripts), scripts
        page.screenshot(path=output_dir / "passkeys-0-set-up.png", full_page=True)
        page.locator("#passkey-register-button").click()
        page.wait_for_url(re.compile(r"/staff/second-factor/recovery-codes/"))
        expect(page.locator("#recovery-codes code")).to_have_count(10)
        page.screenshot(path=output_dir / "passkeys-1-recovery-codes.png", full_page=True)
        page.locator("main a.button.primary").click()
        expect(page.locator("h1")).to_have_text("Dashboard")
        credentials = cdp.send(
            "WebAuthn.getCredentials", {"authenticatorId": authenticator["authenticatorId"]}
        )["credentials"]
        assert len(credentials) == 1

        page.goto("/staff/account/")
        expect(page.locator("#passkeys tbody tr")).to_have_count(1)
        expect(page.locator("#passkeys")).not_to_contain_text("No passkey yet")
        page.locator("header form button[type=submit]", has_text="Log out").click()
        page.wait_for_url(re.compile(r"/staff/login/"))

        # Next log-in: the password, then the passkey; no code typed.
        log_in_with_password(page, password)
        expect(page.locator("#id_token")).to_be_visible()  # recovery codes still work
        page.screenshot(path=output_dir / "passkeys-2-second-factor.png", full_page=True)
        visited: list[str] = []
        page.on("request", lambda r: visited.append(r.url) if r.is_navigation_request() else None)
        page.locator("#passkey-verification-button").click()
        page.wait_for_url(re.compile(r"/staff/$"))
        assert visited == [f"{base_url}/staff/"]  # straight on, no detour
        expect(page.locator("h1")).to_have_text("Dashboard")
        page.screenshot(path=output_dir / "passkeys-3-dashboard.png", full_page=True)
        used = cdp.send(
            "WebAuthn.getCredentials", {"authenticatorId": authenticator["authenticatorId"]}
        )["credentials"]
        assert used[0]["signCount"] >= 1
        assert kintrace_server.count("django_otp_webauthn_webauthncredential") == 1
        assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
    finally:
        context.close()
