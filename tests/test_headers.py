"""Security headers on every response, and Django's deployment checks on production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("path", ["/", "/request/", "/status/", "/staff/login/"])
def test_security_headers(anonymous, path):
    response = anonymous.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_no_inline_script_in_any_template():
    root = Path(__file__).resolve().parents[1] / "kintrace"
    offenders = [
        str(path)
        for path in root.rglob("templates/**/*.html")
        if "<script>" in path.read_text() or " onclick=" in path.read_text()
    ]
    assert offenders == []


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "KINTRACE_DATA_DIR": str(tmp_path),
        "KINTRACE_SECURE": "true",
        "KINTRACE_ALLOWED_HOSTS": "kintrace.example.org",
        "KINTRACE_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SETTINGS_MODULE": "kintrace.settings",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "kintrace.cli", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_passwords_are_hashed_with_argon2(settings):
    from kintrace import settings as project

    assert project.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
