"""Parts of pages kept in the cache with the same exact invalidation as pages: a value built
from the database (the site settings, the header's sections, the card of a related article) is
kept with the tokens of the version keys it depends on (versions.py) and used until one of them
changes; there is no time to live to guess.

What a fragment depends on is what its build loaded (tracking.py, as for pages) and the keys
its caller names. The page being built is told of both, on a hit as on a miss (tracking.note),
so a cached page that shows a fragment is made stale by the same changes. A fragment is shared
by every visitor: only ever keep what anonymous readers may see. If the cache fails, fragments
are built every time and nothing fails."""

import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache

from pagecache import keys, tracking, versions
from replicas import router as replicas

log = logging.getLogger(__name__)


def remember(name: str, build: Callable, *, depends_on: Iterable[str] = ()):
    """The value `build()` made, kept under `name` until what it loaded (or `depends_on`)
    changes. `name` is plain ASCII and names everything the value depends on besides."""
    found = look_up([name])
    if name in found:
        return found[name]
    before = _change_count()
    with tracking.Recorder() as shown:
        value = build()
    keep({name: (value, shown | set(depends_on))}, before=before)
    return value


def look_up(names: Iterable[str], *, note: bool = True) -> dict:
    """The fragments among `names` that are kept and still current, by name; the page being
    built now depends on what each of them depends on (unless `note` is false: counts.py)."""
    names = list(names)
    try:
        entries = cache.get_many([keys.FRAGMENT + name for name in names])
        needed = set().union(*(entry["versions"] for entry in entries.values()))
        tokens = cache.get_many(list(needed)) if needed else {}
    except Exception:
        log.exception("Page cache: could not read fragments")
        return {}
    found = {}
    for name in names:
        entry = entries.get(keys.FRAGMENT + name)
        if entry is not None and all(
            tokens.get(key) == token for key, token in entry["versions"].items()
        ):
            found[name] = entry["value"]
            if note:
                tracking.note(entry["versions"])
    return found


def change_count():
    """Read before building fragments, then passed to keep() (`before`)."""
    return _change_count()


def keep(built: dict, *, before, note: bool = True) -> None:
    """Keep fragments just built: `built` maps a name to (value, the version keys it depends
    on). `before` is change_count() read before the build: if anything changed since, the
    values may mix old and new rows and are not kept (the next reader builds them again); nor are
    values read from a read replica shortly after a change (REPLICA_LAG_SECONDS), as for pages.
    The page being built depends on those keys too, unless `note` is false."""
    depends = {name: {keys.EPOCH, *names} for name, (_, names) in built.items()}
    if note:
        for names in depends.values():
            tracking.note(names)
    try:
        tokens = versions.current(set().union(*depends.values()))
        if _change_count() != before:
            return
        if replicas.reading_from_replica() and (
            versions.seconds_since_last_change() < settings.REPLICA_LAG_SECONDS
        ):
            return  # read from a replica that may not have the last change yet (as pages)
        cache.set_many(
            {
                keys.FRAGMENT + name: {
                    "value": value,
                    "versions": {key: tokens[key] for key in depends[name]},
                }
                for name, (value, _) in built.items()
            },
            # Memory hygiene only, as for pages: a change makes a fragment stale at once.
            timeout=settings.PAGE_CACHE_SECONDS,
        )
    except Exception:
        log.exception("Page cache: could not keep fragments")


def _change_count():
    try:
        return versions.change_count()
    except Exception:
        return object()  # never equal: nothing is kept
