"""Browser tests: one real kintrace server and one headless chromium for the whole session.

The server is the installed `kintrace` command (migrate, createstaff, run) on SQLite in a
fresh temporary data folder, exactly as an operator would start it. Its output and the
screenshots go to test-output/browser/.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "browser"
KINTRACE = Path(sys.executable).with_name("kintrace")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 180  # a fresh server migrates and collects static files first
STOP_TIMEOUT = 20
CASEWORKER = "katya"
ANALYST = "artem"
SECOND_CASEWORKER = "oleg"
COORDINATOR = "nadia"


@dataclass(frozen=True)
class LiveServer:
    url: str
    data_dir: Path
    caseworker: str
    caseworker_password: str
    analyst: str = ANALYST
    analyst_password: str = ""
    # The other staff by user name: a second caseworker and a coordinator.
    staff_passwords: dict | None = None

    def count(self, table: str) -> int:
        """Rows in one table of the server's database, read directly (read-only)."""
        database = self.data_dir / "kintrace.sqlite3"
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(data_dir: Path, port: int) -> dict[str, str]:
    """The caller's environment without any kintrace setting or database URL, plus ours."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("KINTRACE_") and key != "DATABASE_URL"
    }
    env.update(
        KINTRACE_DATA_DIR=str(data_dir),
        KINTRACE_SITE_URL=f"http://127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
    )
    return env


def _kintrace(args: list[str], env: dict[str, str], log) -> str:
    """Run one kintrace command to completion; its output goes to the log and is returned."""
    result = subprocess.run(
        [str(KINTRACE), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    log.write(f"$ kintrace {' '.join(args)}\n{result.stdout}{result.stderr}\n")
    log.flush()
    if result.returncode != 0:
        pytest.fail(
            f"kintrace {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def _wait_healthy(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"kintrace run exited with {process.returncode} before answering:\n"
                f"{log_path.read_text(errors='replace')}"
            )
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
                last_error = f"HTTP {response.status}"
        except (urllib.error.URLError, OSError) as exc:
            last_error = str(exc)
        time.sleep(0.25)
    pytest.fail(
        f"kintrace run did not answer /healthz with 200 within {START_TIMEOUT} s "
        f"({last_error}):\n{log_path.read_text(errors='replace')}"
    )


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the server's process group (its pid leads it), SIGKILL if it lingers."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    # Children that outlived their parent would still be in the group.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.png"):
        old.unlink()
    return OUTPUT


@pytest.fixture(scope="session")
def kintrace_server(tmp_path_factory, output_dir: Path) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("kintrace-data")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = _server_env(data_dir, port)
    log_path = output_dir / "server.log"
    with log_path.open("w", encoding="utf-8") as log:
        _kintrace(["migrate", "--verbosity", "0"], env, log)
        created = _kintrace(["createstaff", CASEWORKER, "--role", "caseworker"], env, log)
        match = re.search(rf"^{CASEWORKER} \(caseworker\) password: (\S+)$", created, re.M)
        if match is None:
            pytest.fail(f"No password in the output of createstaff:\n{created}")
        created = _kintrace(["createstaff", ANALYST, "--role", "analyst"], env, log)
        analyst = re.search(rf"^{ANALYST} \(analyst\) password: (\S+)$", created, re.M)
        if analyst is None:
            pytest.fail(f"No password in the output of createstaff:\n{created}")
        passwords = {}
        for name, role in ((SECOND_CASEWORKER, "caseworker"), (COORDINATOR, "coordinator")):
            made = _kintrace(["createstaff", name, "--role", role], env, log)
            found = re.search(rf"^{name} \({role}\) password: (\S+)$", made, re.M)
            if found is None:
                pytest.fail(f"No password in the output of createstaff:\n{made}")
            passwords[name] = found[1]
        log.write(f"$ kintrace run --port {port} --no-worker\n")
        log.flush()
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
            _wait_healthy(url, process, log_path)
            yield LiveServer(
                url=url,
                data_dir=data_dir,
                caseworker=CASEWORKER,
                caseworker_password=match[1],
                analyst_password=analyst[1],
                staff_passwords=passwords,
            )
        finally:
            _stop(process)
            log.write(f"\n[kintrace run exited with {process.returncode}]\n")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class SecondFactors:
    """The authenticator apps of the test's staff: set up on first log-in, used after."""

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}
        self.recovery_codes: dict[str, list[str]] = {}

    def code(self, username: str) -> str:
        from django_otp.oath import totp

        return f"{totp(self.secrets[username]):06d}"

    def pass_(self, page, username: str) -> None:
        """On the second-factor page: set up an authenticator, or prove one."""
        import base64

        secret = page.locator("#totp-secret")
        if secret.count():
            text = secret.inner_text().replace(" ", "")
            self.secrets[username] = base64.b32decode(text + "=" * (-len(text) % 8))
            page.fill("#id_token", self.code(username))
            page.locator("form button[type=submit]").last.click()
            codes = page.locator("#recovery-codes code").all_inner_texts()
            self.recovery_codes[username] = codes
            page.locator("main a.button.primary").click()
        else:
            # A code of the same 30-second step works only once: later log-ins use recovery codes.
            page.fill("#id_token", self.recovery_codes[username].pop())
            page.locator("form button[type=submit]").last.click()


@pytest.fixture(scope="session")
def second_factors() -> SecondFactors:
    return SecondFactors()


@pytest.fixture(scope="session")
def staff_login(second_factors: SecondFactors):
    """Log a staff member in through the real pages: password, then the second factor."""

    def login(page, username: str, password: str) -> None:
        if "/staff/login/" not in page.url:
            page.goto("/staff/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()  # the click only starts the navigation
        if "/staff/second-factor/" in page.url:
            second_factors.pass_(page, username)

    return login
