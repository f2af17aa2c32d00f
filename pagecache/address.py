"""The address a cached page is stored under: scheme, host, path and the query string with
its parameters sorted and tracking parameters dropped, so `?utm_source=x` shares the page.

By the time a page is built and stored, its query holds only what its view declares (query.py).
The fast path looks a page up before the view is known, with the query as it came: with nothing
but declared and tracking parameters it finds the page, with anything else it finds nothing and
the request goes on to the view."""

from urllib.parse import urlencode

TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga"}
# A page whose query (tracking parameters aside) is longer is served but never stored: nobody
# may fill the cache with variants.
MAX_QUERY_LENGTH = 300
# A query string this long, tracking parameters and all, is not looked up at all.
MAX_QUERY_STRING_LENGTH = 2000


def address_of(request) -> str | None:
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING_LENGTH:
        return None  # not even parsed for the key: nobody may make every request slow
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not _is_tracking(name)
        for value in values
    )
    query = urlencode(pairs)
    if len(query) > MAX_QUERY_LENGTH:
        return None
    base = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"{base}?{query}" if query else base


def _is_tracking(name: str) -> bool:
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)
