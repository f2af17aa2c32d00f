"""The probes, and the 500 handler that knows a database outage from a bug.

- /healthz: the process is up and answers. No database, session or cache: a load balancer or
  orchestrator that restarts unhealthy processes must never restart them for a database outage.
- /readyz: the database answers `SELECT 1` (200), or 503 with the reason: send no traffic here
  for now. Connecting is bounded by DATABASE_CONNECT_TIMEOUT.

Neither runs in the request's transaction (ATOMIC_REQUESTS would connect before the view), and
neither may be cached (Cache-Control: no-store)."""

import logging
import sys

from django.db import DEFAULT_DB_ALIAS, Error, connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

from health.unavailable import database_unavailable, describe, is_database_unavailable

log = logging.getLogger("health")

READY_QUERY = "SELECT 1"


@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> HttpResponse:
    return _no_store(HttpResponse("ok\n", content_type="text/plain; charset=utf-8"))


@transaction.non_atomic_requests
def readyz(request: HttpRequest) -> HttpResponse:
    problem = database_problem()
    if problem is None:
        return _no_store(JsonResponse({"status": "ok", "database": "ok"}))
    response = JsonResponse({"status": "unavailable", "database": problem}, status=503)
    response._has_been_logged = True  # database_problem() logged it: no second line from Django
    return _no_store(response)


def database_problem(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """None when the database answers; else what failed, without host names or addresses (the
    probe may be public; the log line has the details)."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(READY_QUERY)
            cursor.fetchone()
    except Error as error:
        log.warning("Not ready: the database did not answer (%s)", describe(error))
        return f"not answering ({type(error).__name__})"
    return None


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500. A database error raised outside a view (the session or user loaded by a
    middleware for a logged-in visitor) reaches Django's 500 handling, not the middleware's
    process_exception: it gets the same friendly 503."""
    error = sys.exception()
    if is_database_unavailable(error):
        return database_unavailable(request, error)
    return defaults.server_error(request, template_name)


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response
