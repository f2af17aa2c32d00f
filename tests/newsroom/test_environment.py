"""Settings read from the environment: words in any case, and a wrong value named with what it
takes (newsroom/environment.py)."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.environment import env

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def read_settings(monkeypatch, tmp_path):
    """newsroom/settings.py read afresh, as production, with the given variables."""

    def read(**variables):
        monkeypatch.setenv("DEBUG", "false")
        monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-that-is-long-enough-for-the-test")
        monkeypatch.setenv("ALLOWED_HOSTS", "www.example.org")
        monkeypatch.setenv("NEWSROOM_VAR_DIR", str(tmp_path / "var"))
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(ROOT / "newsroom" / "settings.py"))

    return read


def test_a_choice_is_read_in_any_case_and_returned_as_declared(monkeypatch):
    """A level written "warning", "Warning" or " WARNING " is the same level."""
    for raw in ("warning", "Warning", " WARNING "):
        monkeypatch.setenv("SOME_LEVEL", raw)
        assert env("SOME_LEVEL", "INFO", choices=["INFO", "WARNING"]) == "WARNING"


def test_a_wrong_choice_names_the_variable_and_what_it_takes(monkeypatch):
    monkeypatch.setenv("SOME_LEVEL", "loud")
    with pytest.raises(ImproperlyConfigured) as refused:
        env("SOME_LEVEL", "INFO", choices=["INFO", "WARNING"])
    assert str(refused.value) == "SOME_LEVEL must be one of INFO, WARNING (any case), not 'loud'."


def test_each_item_of_a_list_is_checked_against_the_choices(monkeypatch):
    monkeypatch.setenv("SOME_LIST", "No-Referrer, same-origin")
    assert env("SOME_LIST", cast=list, choices=["no-referrer", "same-origin"]) == [
        "no-referrer",
        "same-origin",
    ]
    monkeypatch.setenv("SOME_LIST", "no-referrer,everything")
    with pytest.raises(ImproperlyConfigured, match="SOME_LIST must be one of"):
        env("SOME_LIST", cast=list, choices=["no-referrer", "same-origin"])


def test_numbers_say_what_they_take(monkeypatch):
    monkeypatch.setenv("SOME_COUNT", "many")
    with pytest.raises(ImproperlyConfigured, match=r"^SOME_COUNT must be a whole number, not"):
        env("SOME_COUNT", 1, cast=int)
    monkeypatch.setenv("SOME_COUNT", "-1")
    with pytest.raises(ImproperlyConfigured, match=r"^SOME_COUNT must be at least 0, not -1\.$"):
        env("SOME_COUNT", 1, cast=int, minimum=0)


def test_unset_empty_or_blank_is_the_default(monkeypatch):
    monkeypatch.delenv("SOME_LEVEL", raising=False)
    assert env("SOME_LEVEL", "INFO", choices=["INFO"]) == "INFO"
    monkeypatch.setenv("SOME_LEVEL", "  ")
    assert env("SOME_LEVEL", "INFO", choices=["INFO"]) == "INFO"


@pytest.mark.parametrize(
    ("variable", "written", "setting", "read"),
    [
        ("LOG_FORMAT", "JSON", "LOG_FORMAT", "json"),
        ("LOG_FORMAT", "Text", "LOG_FORMAT", "text"),
        ("TASKS_BACKEND", "Database", "TASKS_BACKEND", "database"),
        ("RECOMMENDATIONS_MODERATION", "PRE", "RECOMMENDATIONS_MODERATION", "pre"),
        ("SECURE_REFERRER_POLICY", "Same-Origin", "SECURE_REFERRER_POLICY", "same-origin"),
        ("TIME_ZONE", "europe/paris", "TIME_ZONE", "Europe/Paris"),
        ("TIME_ZONE", "utc", "TIME_ZONE", "UTC"),
    ],
)
def test_every_choice_valued_setting_takes_any_case(
    read_settings, variable, written, setting, read
):
    assert read_settings(**{variable: written})[setting] == read


@pytest.mark.parametrize("written", ["warning", "Warning", "WARNING", "debug", "Critical"])
def test_log_level_in_any_case_configures_the_root_logger(read_settings, written):
    """gunicorn takes `--log-level warning`; the same variable must not stop the app."""
    logging_config = read_settings(LOG_LEVEL=written)["LOGGING"]
    assert logging_config["root"]["level"] == written.upper()


@pytest.mark.parametrize(
    ("variable", "written"),
    [
        ("LOG_LEVEL", "loud"),
        ("LOG_FORMAT", "xml"),
        ("TASKS_BACKEND", "celery"),
        ("RECOMMENDATIONS_MODERATION", "never"),
        ("SECURE_REFERRER_POLICY", "nobody"),
        ("TIME_ZONE", "Mars/Olympus"),
        ("TRUSTED_PROXY_COUNT", "-1"),
        ("AXES_FAILURE_LIMIT", "0"),
        ("REVISIONS_KEEP", "none"),
        ("PAGE_CACHE", "sometimes"),
    ],
)
def test_a_wrong_value_stops_the_start_naming_the_variable(read_settings, variable, written):
    with pytest.raises(ImproperlyConfigured) as refused:
        read_settings(**{variable: written})
    assert str(refused.value).startswith(f"{variable} ")
    assert repr(written) in str(refused.value) or written in str(refused.value)


def test_former_secret_keys_are_read_as_a_list(read_settings):
    """SECRET_KEY_FALLBACKS, comma-separated, for a key rotation; none by default."""
    assert read_settings()["SECRET_KEY_FALLBACKS"] == []
    former = read_settings(SECRET_KEY_FALLBACKS=" the-key-before-this-one , and-the-one-before ")
    assert former["SECRET_KEY_FALLBACKS"] == ["the-key-before-this-one", "and-the-one-before"]
