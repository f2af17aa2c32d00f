"""The address a cached page is stored under: scheme, host, path and the query string with
its parameters sorted and tracking parameters dropped, so `?utm_source=x` shares the page."""

from urllib.parse import urlencode

TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga"}
# A longer query string is served but never stored: nobody may fill the cache with variants.
MAX_QUERY_LENGTH = 300


def address_of(request) -> str | None:
    raw = request.META.get("QUERY_STRING", "")
    if len(raw) > MAX_QUERY_LENGTH:
        return None
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not _is_tracking(name)
        for value in values
    )
    query = urlencode(pairs)
    base = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"{base}?{query}" if query else base


def _is_tracking(name: str) -> bool:
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)
