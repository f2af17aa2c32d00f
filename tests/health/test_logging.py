"""Logs are one line per record: JSON in production, text while developing (LOG_FORMAT)."""

import json
import logging
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from health.logging import JsonFormatter


def record(message="Internal Server Error: %s", *args, **extra) -> logging.LogRecord:
    made = logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, None)
    for name, value in extra.items():
        setattr(made, name, value)
    return made


def test_a_request_record_is_one_json_line_with_its_path_and_status():
    request = RequestFactory().get("/articles/a-story/")
    line = JsonFormatter().format(
        record("Internal Server Error: %s", "/x", request=request, status_code=500)
    )

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["message"] == "Internal Server Error: /x"
    assert entry["method"] == "GET" and entry["path"] == "/articles/a-story/"
    assert entry["status"] == 500
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]


def test_a_traceback_stays_inside_its_line():
    try:
        raise ValueError("broken\nacross lines")
    except ValueError:
        made = record("failed", exc_info=sys.exc_info())
    line = JsonFormatter().format(made)
    assert "\n" not in line
    assert "ValueError: broken\nacross lines" in json.loads(line)["exception"]


def test_extras_are_kept_but_never_replace_the_fields():
    """Plain values passed through extra= are fields; objects (a socket, a tuple) are not."""
    entry = json.loads(JsonFormatter().format(record("x", error="E", level="fake", sql=("a",))))
    assert entry["error"] == "E" and entry["level"] == "ERROR" and "sql" not in entry


def test_production_logs_json_and_development_text(read_settings):
    production = read_settings(DEBUG="false")
    assert production["LOG_FORMAT"] == "json"
    assert production["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    development = read_settings(DEBUG="true")
    assert development["LOGGING"]["handlers"]["console"]["formatter"] == "text"
    assert read_settings(DEBUG="false", LOG_FORMAT="text")["LOG_FORMAT"] == "text"


def test_django_errors_at_error_and_tasks_quiet(read_settings):
    loggers = read_settings(DEBUG="false")["LOGGING"]["loggers"]
    assert loggers["django.request"]["level"] == "ERROR"
    assert loggers["django.tasks"]["level"] == "WARNING"


def test_an_unknown_log_format_is_refused(read_settings):
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        read_settings(LOG_FORMAT="xml")
