"""The answer to a request whose database is gone: a friendly 503 page that touches nothing.

The page (templates/503.html) is rendered without the request, so no context processor runs
(they read site settings and sections); it extends nothing. One log line says what failed,
instead of Django's traceback for every request while the database is down."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

log = logging.getLogger("health")

# What psycopg2 raises (through Django's wrappers) when the server is down, restarting, refuses
# connections or ends them, and when a statement runs past DATABASE_STATEMENT_TIMEOUT_MS.
DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_S = 30
TEMPLATE = "503.html"
# Should templates/503.html itself be missing from a deployment.
FALLBACK = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in a moment</title>'
    "</head><body><h1>Back in a moment</h1><p>This page cannot be loaded just now. Please try "
    "again in a minute.</p></body></html>"
)


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_ERRORS)


def describe(error: BaseException) -> str:
    """The error's class and the first line of its message (psycopg2's run to several)."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0][:300]}" if lines else type(error).__name__


def database_unavailable(request: HttpRequest, error: BaseException) -> HttpResponse:
    log.error(
        "Database unavailable: %s %s (%s)",
        request.method,
        _escaped(request.path),
        describe(error),
        extra={"request": request, "status_code": 503, "error": describe(error)},
    )
    try:
        content = render_to_string(TEMPLATE)
    except TemplateDoesNotExist:
        content = FALLBACK
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_S)
    response["Cache-Control"] = "no-store"
    response.database_unavailable = True
    # The line above is this response's log: Django's log_response (a traceback) skips it.
    response._has_been_logged = True
    return response


def _escaped(text: str) -> str:
    """As Django escapes what it logs: a path with a newline cannot forge a second line."""
    return text.encode("unicode_escape").decode("ascii")
