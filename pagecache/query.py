"""The query parameters a cached page is built from: exactly those its view declares.

A page is stored under its address with its query parameters (address.py), so it must be built
from nothing else. Before a cached view runs, the middleware reduces `request.GET` (and the query
string that `get_full_path()` reads) to the names the view declares; anything else (tracking
parameters, a `?utm_source="><script>` or a name nobody reads) is gone before the view or its
templates could copy it into the page, its pagination links included. A view that declares
nothing gets no parameters at all.

A view declares its parameters beside itself:

- a class-based view (or a callable such as a feed) with a class attribute,
  `query_parameters = ("page",)`;
- a function view, or someone else's, with `@reads_query("p")` where it is routed."""

from functools import wraps
from urllib.parse import urlencode

from django.http import QueryDict


def reads_query(*names: str):
    """Declares the query parameters a function view reads."""

    def declare(view):
        @wraps(view)
        def view_reading_query(*args, **kwargs):
            return view(*args, **kwargs)

        view_reading_query.query_parameters = frozenset(names)
        return view_reading_query

    return declare


def declared_parameters(view) -> frozenset[str]:
    """What `view` (a URL pattern's callable) declares, or nothing."""
    for holder in (view, getattr(view, "view_class", None)):
        names = getattr(holder, "query_parameters", None)
        if names is not None:
            return frozenset(names)
    return frozenset()


def keep_only(request, names: frozenset[str]) -> None:
    """Reduces the request's query to the parameters in `names`."""
    if request.GET.keys() <= names:
        return
    query = urlencode(
        [
            (name, value)
            for name in sorted(names & request.GET.keys())
            for value in request.GET.getlist(name)
        ]
    )
    request.GET = QueryDict(query)
    # A copy: the WSGI environ keeps what came, for the server's access log.
    request.META = {**request.META, "QUERY_STRING": query}
