"""Rendered public pages kept in the cache until something they show changes.

See docs/architecture.md ("Page cache") for how a page learns what it depends on and how a
change reaches it. The apps tell it about themselves with the names below, from their own
AppConfig.ready() (registry.py); `pagecache.invalidate` is the API for code that writes in bulk
and for changes only an app can read."""

from pagecache.keys import ANY_CONTENT, SCHEDULE, all_key, object_key, set_key
from pagecache.registry import (
    not_shown,
    register_footprint,
    register_model,
    register_part,
    register_schedule,
    register_view,
    uncached_view,
)
from pagecache.tracking import record as record_shown

__all__ = [
    "ANY_CONTENT",
    "SCHEDULE",
    "all_key",
    "not_shown",
    "object_key",
    "record_shown",
    "register_footprint",
    "register_model",
    "register_part",
    "register_schedule",
    "register_view",
    "set_key",
    "uncached_view",
]
