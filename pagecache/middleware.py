"""Serves anonymous GETs of the views in policies.py from the cache, and stores what it renders.

Two middleware share the work:

- CachedPageMiddleware, early in MIDDLEWARE (after the security headers and the CSP nonce): a
  visitor with no session cookie gets a fresh cached page straight away, before sessions, auth,
  CSRF, messages and URL resolution run. This is the fast path every reader takes.
- PageCacheMiddleware, last in MIDDLEWARE: it needs the user and the resolved view. It leaves
  the view only the query parameters it declares (query.py), serves what the first could not (a
  stale copy while another request rebuilds, or after a wait), lets logged-in people through
  fresh, and stores what the view renders under the address of those parameters. Its
  process_view runs outside the request's transaction, so a hit touches neither the database
  nor the view."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from pagecache import http, keys, nonces, policies, schedule, versions
from pagecache.address import address_of
from pagecache.query import declared_parameters, keep_only
from pagecache.tracking import Recorder
from replicas import router as replicas

log = logging.getLogger(__name__)
# A rebuild lock outlives any sane render; it is released as soon as the render ends.
LOCK_SECONDS = 15
# How long a request waits for a page another request is building for the first time.
WAIT_SECONDS = 1.0
WAIT_STEP = 0.02
HEADER = "X-Page-Cache"


class CachedPageMiddleware:
    """The fast path: a fresh cached page for a visitor without a session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PAGE_CACHE
            and request.method in {"GET", "HEAD"}
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            response = fresh_copy(request)
            if response is not None:
                return response
        return self.get_response(request)


# The names of the version keys each cached page was last seen to depend on (names only, never
# content), per process: the fast path reads their tokens in the same round trip as the page and
# the schedule's state, instead of a second round trip once the page is in hand. A name missing
# from the guess is read then, as before; a name guessed in excess is ignored. So a wrong or
# forgotten guess costs one more read, never a stale page. Bounded: emptied when full.
_VERSION_NAMES: dict[str, tuple[str, ...]] = {}
VERSION_NAMES_MAX = 20_000


def fresh_copy(request):
    """The cached page at this address if it is fresh, else None (the request goes on)."""
    address = address_of(request)
    if address is None:
        return None
    try:
        page_key = keys.for_page(address)
        guessed = _VERSION_NAMES.get(page_key, ())
        found = cache.get_many([page_key, *schedule.state_keys(), *guessed])
        now = timezone.now()
        quiet = _nothing_due(found, now)
        if not schedule.catch_up(found, now):
            return None
        entry = found.get(page_key)
        if entry is None:
            return None
        recorded = entry["versions"]
        # After a catch-up that may have invalidated pages, the tokens read with the page are
        # old: read them again, after it.
        tokens = found if quiet else {}
        unread = [name for name in recorded if name not in tokens]
        if unread:
            tokens = {**tokens, **cache.get_many(unread)}
        if any(tokens.get(name) != token for name, token in recorded.items()):
            return None
        _remember(page_key, recorded)
        return serve(request, entry, "HIT", schedule.next_change(found))
    except Exception:  # the cache is down: the rest of the stack renders the page
        log.exception("Page cache: fast lookup failed for %s", request.path)
        return None


def _nothing_due(state: dict, now) -> bool:
    """True when schedule.catch_up() will find nothing to do with this state (its first test):
    it then changes no version key, and tokens read together with the state are current."""
    upcoming = state.get(keys.NEXT_PUBLICATION)
    watermark = state.get(keys.PUBLICATION_WATERMARK)
    return (
        watermark is not None
        and watermark <= now.timestamp() + schedule.CLOCK_BACK_SECONDS
        and upcoming is not None
        and now.timestamp() < upcoming
    )


def _remember(page_key: str, recorded: dict):
    names = tuple(recorded)
    if _VERSION_NAMES.get(page_key) != names:
        if len(_VERSION_NAMES) >= VERSION_NAMES_MAX:
            _VERSION_NAMES.clear()
        _VERSION_NAMES[page_key] = names


def serve(request, entry: dict, how: str, fresh_until: float | None):
    content = entry["content"]
    if entry.get("nonce"):
        content = nonces.to_served(request, content)
    response = HttpResponse(content, status=200)
    for name, value in entry["headers"]:
        response[name] = value
    response[HEADER] = how
    # What the session middleware says of every page it may vary on (the fast path skips it).
    patch_vary_headers(response, ("Cookie",))
    built_at = entry["built_at"]
    http.public(response, etag=entry["etag"], built_at=built_at, fresh_until=fresh_until)
    return http.not_modified_or(request, response, etag=entry["etag"], built_at=entry["built_at"])


# A `fresh_until` already past: shared caches keep nothing (http.shared_seconds).
NOW_STALE = 0.0


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page = getattr(request, "_cached_page", None)
        return response if page is None else page.finish(response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        names = policies.keys_for(match.view_name, view_kwargs) if match else None
        if names is None:
            return None
        # For everyone, logged in or not: a page and its links are built from its own
        # parameters only, the ones its address in the cache holds (query.py).
        keep_only(request, declared_parameters(view_func))
        if request.method not in {"GET", "HEAD"}:
            return None
        if request.user.is_authenticated:
            request._cached_page = StaffPage()
            return None
        page = PublicPage(request, names)
        request._cached_page = page
        return page.start()


class StaffPage:
    """Logged-in people always get a fresh page, which no shared cache may keep."""

    def finish(self, response):
        response[HEADER] = "BYPASS"
        return http.private(response)


class PublicPage:
    def __init__(self, request, names: list[str]):
        self.request = request
        self.names = names
        self.address = address_of(request) if settings.PAGE_CACHE else None
        self.served = False
        self.lock = None
        self.recorder = None
        self.shown: set[str] = set()
        self.changes_before = None
        self.fresh_until = None  # when pages next turn over by themselves (schedule.py)

    # Before the view ------------------------------------------------------------------------

    def start(self):
        if self.address is None:
            return None
        try:
            return self._look_up()
        except Exception:  # the cache is down: render every page, store none
            log.exception("Page cache: lookup failed for %s", self.request.path)
            self._release()
            return None

    def _look_up(self):
        page_key = keys.for_page(self.address)
        found = cache.get_many([page_key, *schedule.state_keys()])
        caught_up = schedule.catch_up(found, timezone.now())
        self.fresh_until = schedule.next_change(found)
        if not caught_up:
            return None
        entry = found.get(page_key)
        if entry is not None and versions.unchanged(entry["versions"]):
            return self._serve(entry, "HIT")
        lock = keys.for_rebuild_lock(self.address)
        if cache.add(lock, 1, timeout=LOCK_SECONDS):
            self.lock = lock
            self.changes_before = versions.change_count()
            self.recorder = Recorder()
            self.shown = self.recorder.__enter__()
            return None
        if entry is not None:  # someone is rebuilding it: the previous copy, for now
            return self._serve(entry, "STALE")
        entry = self._wait_for(page_key)
        return None if entry is None else self._serve(entry, "HIT")

    def _wait_for(self, page_key):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_STEP)
            entry = cache.get(page_key)
            if entry is not None and versions.unchanged(entry["versions"]):
                return entry
        return None

    def _serve(self, entry: dict, how: str):
        self.served = True
        # A stale copy is for this reader only, while the page is rebuilt: no shared cache may
        # keep it (at an exhibition's midnight it still says "On view").
        fresh_until = NOW_STALE if how == "STALE" else self.fresh_until
        return serve(self.request, entry, how, fresh_until)

    # After the view -------------------------------------------------------------------------

    def finish(self, response):
        if self.served:
            return response
        if self.recorder is not None:
            self.recorder.__exit__(None, None, None)
        try:
            if response.status_code != 200 or response.streaming:
                response[HEADER] = "PASS"
                return http.uncacheable(response)
            stored, uses_nonce = nonces.to_stored(self.request, response.content)
            etag, built_at = http.etag_for(stored), time.time()
            response[HEADER] = "MISS"
            if self.lock is not None and self._storable(response):
                self._store(response, stored, uses_nonce, etag, built_at)
            # Without the cache's schedule (no page cache, or it failed), when the page next
            # turns over by itself is not known: no shared cache may keep it.
            fresh_until = NOW_STALE if self.fresh_until is None else self.fresh_until
            http.public(response, etag=etag, built_at=built_at, fresh_until=fresh_until)
            return http.not_modified_or(self.request, response, etag=etag, built_at=built_at)
        finally:
            self._release()

    def _storable(self, response) -> bool:
        """Nothing made for this visitor alone: no cookie, no session write, no CSRF token."""
        session = getattr(self.request, "session", None)
        return not (
            response.cookies
            or self.request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or (session is not None and session.modified)
            or "private" in response.get("Cache-Control", "")
            or "no-store" in response.get("Cache-Control", "")
        )

    def _store(self, response, content: bytes, uses_nonce: bool, etag: str, built_at: float):
        try:
            recorded = versions.current(self.shown | set(self.names))
            if versions.change_count() != self.changes_before:
                return  # something changed while the page was built: it may be half old
            if replicas.reading_from_replica() and (
                versions.seconds_since_last_change() < settings.REPLICA_LAG_SECONDS
            ):
                return  # the replica may not have the change yet
            headers = [
                (name, value) for name, value in response.items() if name.lower() in http.KEPT
            ]
            entry = {
                "content": content,
                "nonce": uses_nonce,
                "headers": headers,
                "etag": etag,
                "built_at": built_at,
                "versions": recorded,
            }
            cache.set(keys.for_page(self.address), entry, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            log.exception("Page cache: could not store %s", self.request.path)

    def _release(self):
        if self.lock is not None:
            lock, self.lock = self.lock, None
            try:
                cache.delete(lock)
            except Exception:
                log.exception("Page cache: could not release a rebuild lock")
