"""Django settings for kintrace, all read from the environment (see docs/settings.md)."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from kintrace.env import (
    env_bool,
    env_choice,
    env_database,
    env_email,
    env_int,
    env_int_map,
    env_list,
    env_path,
    env_str,
    passkey_origin,
    secret_key_from,
)

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = env_path("KINTRACE_DATA_DIR", Path.cwd() / "data")

SECRET_KEY = secret_key_from(DATA_DIR, "KINTRACE_SECRET_KEY")
# Keys of the personal fields, newest first; empty: the file field_keys in the data folder.
FIELD_KEYS = env_list("KINTRACE_FIELD_KEYS", [])
DEBUG = env_bool("KINTRACE_DEBUG", False)
ALLOWED_HOSTS = env_list("KINTRACE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("KINTRACE_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("KINTRACE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ORGANISATION_NAME = env_str("KINTRACE_ORGANISATION_NAME", "kintrace")

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kintrace.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "kintrace.accounts",
    "kintrace.cases",
    "kintrace.reports",
    "kintrace.inquiries",
    "kintrace.lists",
    "kintrace.matching",
    "kintrace.periodic",
    # rest_framework and the sidecar stay out: their static files (30 MB) would make every
    # collectstatic slow; the API needs neither, the docs assets are served from the sidecar.
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kintrace.accounts.middleware.SecondFactorMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # after the messages: a staff member logged out for idleness is told why
    "kintrace.accounts.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kintrace.urls"
WSGI_APPLICATION = "kintrace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kintrace.context_processors.site",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

SESSION_COOKIE_AGE = env_int("KINTRACE_SESSION_MINUTES", 60 * 8, minimum=5) * 60
# Staff are logged out after this long without a request, and SESSION_COOKIE_AGE after log-in
# however active they were (kintrace.accounts.middleware.SessionTimeoutMiddleware).
STAFF_IDLE_MINUTES = env_int("KINTRACE_STAFF_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE = env_bool("KINTRACE_SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
X_FRAME_OPTIONS = "DENY"
# No script but our own files, never inline; inline styles only for the SVG charts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}
# Staff log-ins: wrong passwords for one user name or from one address lock for a window.
LOGIN_MAX_FAILURES = env_int("KINTRACE_LOGIN_MAX_FAILURES", 10, minimum=1)
LOGIN_WINDOW_MINUTES = env_int("KINTRACE_LOGIN_WINDOW_MINUTES", 15, minimum=1)
OTP_TOTP_ISSUER = ORGANISATION_NAME
# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password.
_PASSKEY_RP_ID, _PASSKEY_ORIGIN = passkey_origin(SITE_URL)
OTP_WEBAUTHN_RP_ID = env_str("KINTRACE_PASSKEY_RP_ID", _PASSKEY_RP_ID)
OTP_WEBAUTHN_RP_NAME = env_str("KINTRACE_PASSKEY_RP_NAME", ORGANISATION_NAME)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("KINTRACE_PASSKEY_ORIGINS", [_PASSKEY_ORIGIN])
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# `kintrace backup` and `restore` refuse to run without it: backups are always encrypted.
BACKUP_PASSPHRASE = env_str("KINTRACE_BACKUP_PASSPHRASE", "")

LANGUAGE_CODE = env_choice("KINTRACE_LANGUAGE", "ru", ("ru", "uk", "en"))
LANGUAGES = [("ru", _("Russian")), ("uk", _("Ukrainian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = env_str("KINTRACE_TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
PHOTO_MAX_BYTES = 8 * 1024 * 1024

globals().update(env_email("KINTRACE_EMAIL_URL", f"file://{DATA_DIR / 'mail'}"))
DEFAULT_FROM_EMAIL = env_str("KINTRACE_EMAIL_FROM", "kintrace <noreply@localhost>")

TASKS = {
    "default": {
        "BACKEND": env_choice(
            "KINTRACE_TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend",
            (
                "django_tasks_db.DatabaseBackend",
                "django_tasks.backends.immediate.ImmediateBackend",
            ),
        )
    }
}

# Days a case is kept after it reached each outcome; `kintrace erase-expired` erases it then.
RETENTION_DAYS = env_int_map(
    "KINTRACE_RETENTION_DAYS",
    {"found_alive": 730, "found_captured": 1825, "found_dead": 1825, "closed": 730},
    keys=("found_alive", "found_captured", "found_dead", "closed"),
)

# Family access codes: how many wrong tries in how many minutes lock a reference or a client.
ACCESS_CODE_MAX_FAILURES = env_int("KINTRACE_ACCESS_CODE_MAX_FAILURES", 5, minimum=1)
ACCESS_CODE_WINDOW_MINUTES = env_int("KINTRACE_ACCESS_CODE_WINDOW_MINUTES", 30, minimum=1)

# Reports: counts under this are never published; anonymised exports are k-anonymous.
REPORT_MIN_CELL = env_int("KINTRACE_REPORT_MIN_CELL", 5, minimum=2)
REPORT_K = env_int("KINTRACE_REPORT_K", 5, minimum=2)

# Matching: candidates from this probability (percent) on go to the review queue; records of
# two lists from SAME_PERSON on count as one person in reports.
MATCH_THRESHOLD_PERCENT = env_int("KINTRACE_MATCH_THRESHOLD_PERCENT", 50, minimum=1)
SAME_PERSON_PERCENT = env_int("KINTRACE_SAME_PERSON_PERCENT", 95, minimum=1)
# The largest list file a coordinator may upload on the import page (the CLI has no limit).
LIST_UPLOAD_MAX_MB = env_int("KINTRACE_LIST_UPLOAD_MAX_MB", 500, minimum=1)

# The partner API: tokens expire after this many days unless the coordinator picks fewer.
API_TOKEN_DAYS = env_int("KINTRACE_API_TOKEN_DAYS", 90, minimum=1)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["kintrace.lists.api.auth.PartnerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["kintrace.lists.api.auth.HasScope"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "kintrace.lists.api.views.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "kintrace partner API",
    "DESCRIPTION": "Push published lists, search records, read the status of referred cases.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "/api/docs/assets",
    "SWAGGER_UI_FAVICON_HREF": "/api/docs/assets/favicon-32x32.png",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice("KINTRACE_LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR")),
    },
}
