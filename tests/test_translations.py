"""Russian and Ukrainian are complete, and the compiled catalogues match their sources."""

import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "kintrace" / "locale"


def msgfmt(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("msgfmt") is None:
        pytest.fail("msgfmt is missing: scripts/system-packages installs gettext")
    return subprocess.run(["msgfmt", *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_every_message_is_translated(language):
    result = msgfmt(
        "--check-format",
        "--statistics",
        "-o",
        "/dev/null",
        str(LOCALE / language / "LC_MESSAGES" / "django.po"),
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@pytest.mark.parametrize("language", ["ru", "uk", "en"])
def test_the_compiled_catalogue_is_up_to_date(tmp_path, language):
    folder = LOCALE / language / "LC_MESSAGES"
    msgfmt("--check-format", "-o", str(tmp_path / "django.mo"), str(folder / "django.po"))
    assert (tmp_path / "django.mo").read_bytes() == (folder / "django.mo").read_bytes(), (
        "run `make messages` to compile the catalogues"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [("ru", "Запрос"), ("uk", "Запит"), ("en", "Ask us to search")],
)
def test_pages_speak_the_browsers_language(anonymous, language, text):
    response = anonymous.get("/", HTTP_ACCEPT_LANGUAGE=language)
    assert text.lower() in response.content.decode().lower()
