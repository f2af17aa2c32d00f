"""Scheduled changes: when an article's publication time passes, the pages that will list it are
invalidated as if it had just been published; when a midnight begins the day a show opens or the
day after it closes, the pages showing it are invalidated as if it had just been edited.

Nothing runs at that instant (there is no cron job). Instead the cache keeps the time of the next
scheduled publication; every request that would use the cache first checks it (it is read in the
same round trip as the page), and the first request at or after that time invalidates the
footprint (footprint.py) of every object that went live since the last check (the watermark).
What goes live when is the apps' to say (registry.register_schedule: scheduled articles,
exhibitions' midnights); the next time is the earliest of every registered schedule's.

The state's next time is also how long a shared cache may keep a public page (http.py): no CDN
serves a page past the moment it turns over."""

import logging
from datetime import UTC, datetime

from django.core.cache import cache

from pagecache import declared, footprint, keys, versions

log = logging.getLogger(__name__)
NEVER = float("inf")
LOCK_SECONDS = 30
NEXT_SECONDS = 300
# A watermark further ahead of the clock than this means the clock was moved back (the site
# looked at "as of" an earlier day, a server's clock corrected): pages built "later" cannot be
# trusted, so all of them are invalidated once and the watermark starts again from now. Below
# it, the small differences between the clocks of several servers.
CLOCK_BACK_SECONDS = 300


def state_keys() -> list[str]:
    return [keys.NEXT_PUBLICATION, keys.PUBLICATION_WATERMARK]


def catch_up(state: dict, now: datetime) -> bool:
    """Invalidate what went live since the last check (scheduled articles, exhibitions'
    midnights). `state` holds what the cache had under state_keys(); it is left holding the next
    time after this check (next_change()). False when another process is doing it right now:
    the caller must then neither serve nor store a cached page."""
    watermark = state.get(keys.PUBLICATION_WATERMARK)
    if watermark is None:
        watermark = _start_watermark(now)
    elif watermark > now.timestamp() + CLOCK_BACK_SECONDS:
        watermark = _restart_watermark(now)
        state.pop(keys.NEXT_PUBLICATION, None)
    upcoming = state.get(keys.NEXT_PUBLICATION)
    if upcoming is None:
        upcoming = state[keys.NEXT_PUBLICATION] = _remember_next(watermark)
    if now.timestamp() < upcoming:
        return True
    if not cache.add(keys.PUBLICATION_LOCK, 1, timeout=LOCK_SECONDS):
        return False
    try:
        start, end = _datetime(watermark), now
        names = set()
        for plan in declared.SCHEDULES.values():
            went_live = list(plan.went_live_between(start, end))
            log.info("Page cache: %d scheduled %s went live", len(went_live), plan.label)
            names |= footprint.keys_for(plan.label, went_live)
        versions.bump(names)
        cache.set(keys.PUBLICATION_WATERMARK, now.timestamp(), timeout=None)
        # The next time after the new watermark (as the next request would have computed it).
        state[keys.NEXT_PUBLICATION] = _remember_next(now.timestamp())
    finally:
        cache.delete(keys.PUBLICATION_LOCK)
    return True


def next_change(state: dict) -> float | None:
    """When pages next turn over by themselves (a timestamp, NEVER for no such time), as the
    state that catch_up() was given holds it; None when it is not known."""
    return state.get(keys.NEXT_PUBLICATION)


def forget_next() -> None:
    cache.delete(keys.NEXT_PUBLICATION)


def _start_watermark(now: datetime) -> float:
    """The cache lost track of what went live when (or never knew): pages built before now
    cannot be trusted, so all of them are invalidated once."""
    if cache.add(keys.PUBLICATION_WATERMARK, now.timestamp(), timeout=None):
        versions.bump({keys.EPOCH})
    return cache.get(keys.PUBLICATION_WATERMARK, now.timestamp())


def _restart_watermark(now: datetime) -> float:
    """The clock went back past the watermark: every page is invalidated once, and what goes
    live is counted from now again."""
    log.warning("Page cache: the clock is behind the schedule's watermark; every page rebuilt")
    cache.set(keys.PUBLICATION_WATERMARK, now.timestamp(), timeout=None)
    versions.bump({keys.EPOCH})
    forget_next()
    return now.timestamp()


def _remember_next(watermark: float) -> float:
    """The next publication time after the watermark, stored unless a change came meanwhile
    (it could be a newly scheduled article the query did not see)."""
    before = versions.change_count()
    after = _datetime(watermark)
    times = [plan.next_after(after) for plan in declared.SCHEDULES.values()]
    upcoming = min((time.timestamp() for time in times if time is not None), default=NEVER)
    if versions.change_count() == before:
        # Kept five minutes at most: a safety net for a change that slipped between the reads.
        cache.set(keys.NEXT_PUBLICATION, upcoming, timeout=NEXT_SECONDS)
    return upcoming


def _datetime(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC)
