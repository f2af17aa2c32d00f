"""HTTP caching headers of public pages: validators (ETag, Last-Modified) for 304s, and
Cache-Control that lets a CDN keep a page briefly but never a page meant for one person."""

import hashlib
import math
import time

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

# Headers a stored page keeps; the rest are made again for each response.
KEPT = {"content-type", "content-language", "x-robots-tag", "link", "content-disposition"}


def etag_for(content: bytes) -> str:
    return f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


def public(response, *, etag: str, built_at: float, fresh_until: float | None = None):
    """Mark a page anyone may be shown, and answer 304 when the client has it already.
    `fresh_until`: when pages next turn over by themselves (schedule.py: a scheduled article's
    minute, an exhibition's midnight), past which no shared cache may keep or serve this one."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(built_at)
    shared, stale = shared_seconds(fresh_until)
    if shared > 0:
        extra = {"stale_while_revalidate": stale} if stale > 0 else {}
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared, **extra)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def shared_seconds(fresh_until: float | None) -> tuple[int, int]:
    """(s-maxage, stale-while-revalidate): the settings', cut so that together they end by
    `fresh_until`. Browsers keep nothing (max-age=0): they revalidate with the page cache."""
    shared, stale = settings.CDN_CACHE_SECONDS, settings.CDN_STALE_SECONDS
    if fresh_until is None or math.isinf(fresh_until):
        return shared, stale
    left = max(0, math.floor(fresh_until - time.time()))
    shared = min(shared, left)
    return shared, min(stale, left - shared)


def not_modified_or(request, response, *, etag: str, built_at: float):
    return get_conditional_response(
        request, etag=etag, last_modified=int(built_at), response=response
    )


def uncacheable(response):
    """A public view's answer other than a plain 200 (a 404 for an article not yet live, a
    redirect): revalidated every time, so nothing keeps it past a change."""
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def private(response):
    """A page rendered for a logged-in person, or one that is not a plain 200: no shared cache
    may keep it."""
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    return response
