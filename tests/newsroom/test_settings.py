"""Settings come from the environment; production refuses to start without its secrets.

Each case starts a fresh Python, because settings are read once, at import.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

READ_BY_SETTINGS = [
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
]

SETUP = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='newsroom.settings'; django.setup()"
)

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-secret-key-that-is-long-enough-for-the-test",
    "ALLOWED_HOSTS": "www.example.org,example.org",
}


def last_line(stderr: str) -> str:
    """The exception's own message, not the traceback's source lines."""
    return stderr.strip().splitlines()[-1]


@pytest.fixture
def start_django(tmp_path):
    """Run Python code after django.setup() in a fresh process with exactly the given variables."""

    def start(env: dict[str, str], code: str = "") -> subprocess.CompletedProcess:
        clean = {key: value for key, value in os.environ.items() if key not in READ_BY_SETTINGS}
        clean["NEWSROOM_VAR_DIR"] = str(tmp_path / "var")
        return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
            [sys.executable, "-c", f"{SETUP}; {code}" if code else SETUP],
            env={**clean, **env},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return start


def test_production_without_secret_key_refuses_to_start(start_django):
    """DEBUG off and no SECRET_KEY: the settings raise ImproperlyConfigured naming it."""
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}

    result = start_django(env)

    assert result.returncode != 0
    error = last_line(result.stderr)
    assert error.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert "SECRET_KEY" in error


def test_production_without_allowed_hosts_refuses_to_start(start_django):
    """DEBUG off and no ALLOWED_HOSTS: the settings raise ImproperlyConfigured naming it."""
    env = {key: value for key, value in PRODUCTION.items() if key != "ALLOWED_HOSTS"}

    result = start_django(env)

    assert result.returncode != 0
    error = last_line(result.stderr)
    assert error.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert "ALLOWED_HOSTS" in error


def test_production_with_empty_secret_key_refuses_to_start(start_django):
    """An empty SECRET_KEY counts as missing."""
    result = start_django({**PRODUCTION, "SECRET_KEY": ""})

    assert result.returncode != 0
    assert "SECRET_KEY" in last_line(result.stderr)


def test_production_with_secrets_starts(start_django):
    """DEBUG off with SECRET_KEY and ALLOWED_HOSTS set starts, using exactly those values."""
    result = start_django(
        PRODUCTION,
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.SECRET_KEY, settings.ALLOWED_HOSTS)",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 2) == [
        "False",
        PRODUCTION["SECRET_KEY"],
        "['www.example.org', 'example.org']\n",
    ]


def test_without_debug_it_is_production(start_django):
    """No variables at all is production: it refuses to start without its secret key, rather
    than running with the development one."""
    result = start_django({})

    assert result.returncode != 0
    assert "SECRET_KEY" in last_line(result.stderr)


def test_development_needs_only_debug(start_django):
    """DEBUG=true and nothing else (what `make run` sets) starts in debug mode on SQLite."""
    result = start_django(
        {"DEBUG": "true"},
        "from django.conf import settings; print(settings.DEBUG, settings.DATABASES['default'])",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ")
    assert "django.db.backends.sqlite3" in result.stdout


def test_make_run_turns_debug_on():
    """`make run` (and the demo and migrate steps before it) start with DEBUG on, unless the
    environment already says otherwise."""
    makefile = (ROOT / "Makefile").read_text()
    assert "run demo migrate: export DEBUG ?= true" in makefile


def test_database_url_selects_postgresql(start_django):
    """DATABASE_URL=postgres://... selects the PostgreSQL engine with its parts."""
    result = start_django(
        {**PRODUCTION, "DATABASE_URL": "postgres://newsroom:secret@db.example:5433/news"},
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'], d['USER'], d['ATOMIC_REQUESTS'])",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.example",
        "5433",
        "news",
        "newsroom",
        "True",
    ]


def test_debug_must_be_a_boolean(start_django):
    """A DEBUG value that is not true or false is refused rather than guessed."""
    result = start_django({"DEBUG": "maybe"})

    assert result.returncode != 0
    assert "DEBUG must be true or false" in last_line(result.stderr)


def test_media_stays_on_local_disk_by_default(start_django):
    result = start_django(
        {"DEBUG": "true"},
        "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])",
    )

    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage"


def test_a_bucket_name_moves_media_to_s3_compatible_storage(start_django):
    """AWS_STORAGE_BUCKET_NAME selects django-storages' S3 backend with its options."""
    result = start_django(
        {
            "DEBUG": "true",
            "AWS_STORAGE_BUCKET_NAME": "press-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
        },
        "from django.conf import settings; s = settings.STORAGES['default']; "
        "print(s['BACKEND'], s['OPTIONS']['bucket_name'], s['OPTIONS']['endpoint_url'], "
        "s['OPTIONS']['querystring_auth'])",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "press-media",
        "https://s3.example.org",
        "False",
    ]


def test_a_lowercase_log_level_starts_the_app(start_django):
    """LOG_LEVEL=warning, as gunicorn takes it, configures logging instead of stopping the app
    with "Unable to configure root logger"."""
    result = start_django(
        {**PRODUCTION, "LOG_LEVEL": "warning"},
        "import logging; print(logging.getLevelName(logging.getLogger().level))",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "WARNING"


def test_a_wrong_log_level_says_what_it_takes(start_django):
    result = start_django({**PRODUCTION, "LOG_LEVEL": "verbose"})

    assert result.returncode != 0
    assert last_line(result.stderr) == (
        "django.core.exceptions.ImproperlyConfigured: LOG_LEVEL must be one of DEBUG, INFO, "
        "WARNING, ERROR, CRITICAL (any case), not 'verbose'."
    )
