"""Two middleware, right after SecurityMiddleware and WhiteNoise in MIDDLEWARE:

ProbeMiddleware answers /healthz and /readyz before anything below sees the request: no host
check (a probe from inside a container says Host: 127.0.0.1, which ALLOWED_HOSTS rightly
refuses), no redirect, session, CSRF, page cache or transaction.

DatabaseUnavailableMiddleware turns OperationalError and InterfaceError into the friendly 503
(health/unavailable.py). Django turns an exception into a response at every layer of the stack,
so no middleware sees an exception raised below it: errors raised by a view, by the request's
transaction starting (ATOMIC_REQUESTS) or while a template renders reach process_exception here;
errors raised in another middleware (a logged-in visitor's session and user, loaded when the
page cache asks whether someone is logged in) reach handler500, health.views.server_error, which
gives the same page (with DEBUG on, Django's debug page shows those instead)."""

from health import views
from health.unavailable import database_unavailable, is_database_unavailable

PROBES = {"/healthz": views.healthz, "/readyz": views.readyz}


class ProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        return probe(request)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "database_unavailable", False):
            # The layers below may have added their caching headers to the 503 on its way out
            # (the page cache marks a public page's non-200 "no-cache"): none may keep it.
            response["Cache-Control"] = "no-store"
        return response

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable(request, exception)
        return None
