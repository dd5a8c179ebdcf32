"""Settings: every variable read is documented, and bad values are refused by name."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kintrace import env

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def documented() -> set[str]:
    return set(re.findall(r"^\| `([A-Z_]+)` \|", DOCS.read_text(), flags=re.M))


def test_every_setting_read_is_documented_and_every_documented_one_is_read():
    import kintrace.settings  # noqa: F401  (fills the registry)

    read = set(env.REGISTRY) | {"PORT"}  # PORT is read by `kintrace run`
    assert read - documented() == set(), "undocumented settings"
    assert documented() - read == set(), "documented settings that nothing reads"


def test_no_setting_is_read_past_the_helpers():
    source = Path(__file__).resolve().parents[1] / "kintrace"
    reads = re.compile(r"os\.environ\.get\(|os\.getenv\(|os\.environ\[[^]]+\](?!\s*=)")
    offenders = [
        str(path)
        for path in source.rglob("*.py")
        if reads.search(path.read_text()) and path.name not in {"env.py", "run.py"}
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("reader", "value", "message"),
    [
        (lambda: env.env_bool("KT_TEST", False), "maybe", "one of 1/0"),
        (lambda: env.env_int("KT_TEST", 5, minimum=1), "five", "a whole number"),
        (lambda: env.env_int("KT_TEST", 5, minimum=1), "0", "at least 1"),
        (lambda: env.env_choice("KT_TEST", "ru", ("ru", "uk")), "de", "one of ru, uk"),
        (lambda: env.env_database("KT_TEST", "sqlite:///x"), "mysql://h/db", "sqlite:///"),
        (lambda: env.env_email("KT_TEST", "console://"), "smtp://", "with a host"),
        (lambda: env.env_email("KT_TEST", "console://"), "carrier-pigeon://x", "file:///"),
    ],
)
def test_bad_values_are_refused_naming_the_variable(monkeypatch, reader, value, message):
    monkeypatch.setenv("KT_TEST", value)
    with pytest.raises(ImproperlyConfigured, match="KT_TEST") as raised:
        reader()
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("yes", True), ("0", False), ("", True), ("ON", True)],
)
def test_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("KT_TEST", value)
    assert env.env_bool("KT_TEST", True) is expected


def test_email_urls(monkeypatch):
    monkeypatch.setenv("KT_TEST", "smtp+tls://user%40org:p%40ss@mail.example.org")
    config = env.env_email("KT_TEST", "console://")
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["EMAIL_PORT"] == 587
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("user@org", "p@ss")
    assert config["EMAIL_USE_TLS"] is True
    monkeypatch.setenv("KT_TEST", "file:///var/kintrace/mail")
    assert env.env_email("KT_TEST", "console://")["EMAIL_FILE_PATH"] == "/var/kintrace/mail"


def test_sqlite_gets_wal_mode(tmp_path, monkeypatch):
    monkeypatch.delenv("KT_TEST", raising=False)
    config = env.env_database("KT_TEST", f"sqlite:///{tmp_path}/db.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_a_sqlite_file_database_opens_in_wal_mode(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    config = env.env_database("KT_UNSET", f"sqlite:///{tmp_path}/kintrace.sqlite3")
    wrapper = DatabaseWrapper(
        {
            **config,
            "TIME_ZONE": None,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "ATOMIC_REQUESTS": False,
        }
    )
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
    finally:
        wrapper.close()


def test_the_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("KT_SECRET", raising=False)
    first = env.secret_key_from(tmp_path, "KT_SECRET")
    assert len(first) >= 50
    assert env.secret_key_from(tmp_path, "KT_SECRET") == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_short_secret_key_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KT_SECRET", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 50"):
        env.secret_key_from(tmp_path, "KT_SECRET")


def test_the_tests_run_on_the_database_named_by_database_url(db):
    import os

    from django.db import connection

    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected
