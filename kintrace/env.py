"""Typed readers for the settings kintrace takes from the environment.

Every reader registers the variable it reads in ``REGISTRY``, so the
documentation (docs/settings.md) can be checked against what the code reads.
A bad value stops start-up with a message that names the variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Setting:
    name: str
    kind: str
    default: object


REGISTRY: dict[str, Setting] = {}


def _raw(name: str, kind: str, default: object) -> str | None:
    REGISTRY[name] = Setting(name, kind, default)
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def _refuse(name: str, value: str, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{name}={value!r} is not valid: expected {expected}.")


def env_str(name: str, default: str) -> str:
    value = _raw(name, "text", default)
    return default if value is None else value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name, "boolean", default)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise _refuse(name, value, "one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name, "integer", default)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise _refuse(name, value, "a whole number") from None
    if minimum is not None and number < minimum:
        raise _refuse(name, value, f"a whole number of at least {minimum}")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name, "comma-separated list", ",".join(default))
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int_map(name: str, default: dict[str, int], *, keys: tuple[str, ...]) -> dict[str, int]:
    """`key:number,key:number`; keys not given keep their default."""
    text = ",".join(f"{k}:{v}" for k, v in default.items())
    value = _raw(name, "key:number list", text)
    if value is None:
        return dict(default)
    result = dict(default)
    for item in value.split(","):
        key, _sep, number = item.strip().partition(":")
        if key not in keys or not number.strip().isdigit():
            raise _refuse(name, value, f"key:days pairs with keys from {', '.join(keys)}")
        result[key] = int(number)
    return result


def env_path(name: str, default: Path) -> Path:
    value = _raw(name, "path", default)
    return (Path(value) if value is not None else default).expanduser().resolve()


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _raw(name, f"one of {', '.join(choices)}", default)
    if value is None:
        return default
    if value not in choices:
        raise _refuse(name, value, "one of " + ", ".join(choices))
    return value


def env_database(name: str, default: str) -> dict:
    """A DATABASE_URL as Django's DATABASES entry; SQLite gets WAL mode."""
    import dj_database_url

    value = _raw(name, "database URL", default) or default
    scheme = value.split(":", 1)[0]
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise _refuse(name, value, "a sqlite:/// or postgres:// URL")
    try:
        config = dj_database_url.parse(value, conn_max_age=0)
    except ValueError as exc:
        raise _refuse(name, value, f"a database URL ({exc})") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def env_email(name: str, default: str) -> dict[str, object]:
    """E-mail settings from a URL: file:///dir, console://, smtp://, smtp+tls://, smtp+ssl://."""
    value = _raw(name, "e-mail URL", default) or default
    parts = urlsplit(value)
    if parts.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": unquote(parts.path),
        }
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
        if not parts.hostname:
            raise _refuse(name, value, "an SMTP URL with a host, smtp://user:pass@host:587")
        try:
            port = parts.port or (465 if parts.scheme == "smtp+ssl" else 587)
        except ValueError:
            raise _refuse(name, value, "an SMTP URL with a numeric port") from None
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
            "EMAIL_USE_SSL": parts.scheme == "smtp+ssl",
        }
    raise _refuse(
        name, value, "a file:///folder, console://, smtp://, smtp+tls:// or smtp+ssl:// URL"
    )


def secret_key_from(data_dir: Path, name: str) -> str:
    """The secret key from the environment, else from the data folder, made on first run."""
    value = _raw(name, "secret", "generated into the data folder")
    if value is not None:
        if len(value) < 50:
            raise _refuse(name, "(hidden)", "a secret of at least 50 characters")
        return value
    path = data_dir / "secret_key"
    if not path.exists():
        import secrets

        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it a moment ago
            return path.read_text().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


def passkey_origin(site_url: str) -> tuple[str, str]:
    """The relying party id and origin passkeys use for a site address, as (id, origin).

    Browsers refuse an IP address as a relying party, so a site addressed by one (the default
    http://127.0.0.1:8000) offers passkeys on the same machine by name: localhost.
    """
    import ipaddress

    parts = urlsplit(site_url)
    host = parts.hostname or "localhost"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        host = "localhost"
    port = f":{parts.port}" if parts.port else ""
    return host, f"{parts.scheme or 'http'}://{host}{port}"
