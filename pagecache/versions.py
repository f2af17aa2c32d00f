"""Version keys: read them for a page, change them when what they stand for changes.

A change first moves CHANGE_COUNTER, then writes new tokens. A page build reads the counter
before it starts and again after reading its versions; if the counter moved, the build may have
mixed old data with new versions, so it is not stored (middleware.py). Version keys never
expire; an evicted one makes every page that depends on it stale, which is safe."""

import logging
import time
import uuid

from django.core.cache import cache

from pagecache import keys

log = logging.getLogger(__name__)


def current(names) -> dict[str, int]:
    """The tokens of these version keys; a key that is missing gets a first token."""
    names = list(names)
    found = cache.get_many(names)
    missing = {name: _token() for name in names if name not in found}
    if missing:
        for name, token in missing.items():
            cache.add(name, token, timeout=None)
        found.update(cache.get_many(list(missing)))
    return found


def unchanged(recorded: dict[str, int]) -> bool:
    """True when every version key still holds the token a page was built with."""
    if not recorded:
        return True
    return cache.get_many(list(recorded)) == recorded


def change_count():
    return cache.get(keys.CHANGE_COUNTER)


def seconds_since_last_change() -> float:
    last = cache.get(keys.LAST_CHANGE)
    return float("inf") if last is None else time.time() - last


def bump(names) -> None:
    """Make every page that depends on any of these keys stale."""
    names = set(names)
    if not names:
        return
    try:
        _count_change()
        tokens = {name: _token() for name in names}
        cache.set_many({**tokens, keys.LAST_CHANGE: time.time()}, timeout=None)
    except Exception:  # a cache that cannot be written cannot serve stale pages either
        log.exception("Page cache: could not invalidate %d keys", len(names))


def _count_change():
    try:
        cache.incr(keys.CHANGE_COUNTER)
    except ValueError:  # missing: start it (a concurrent start is fine, any new value works)
        cache.set(keys.CHANGE_COUNTER, _token(), timeout=None)


def _token() -> int:
    """A new token: an integer, which Django's RedisCache stores as itself (no pickling)."""
    return uuid.uuid4().int >> 66
