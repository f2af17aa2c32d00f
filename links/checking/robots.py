"""robots.txt, read with protego (RFC 9309: wildcards, `$`, the longest rule wins), fetched once
per host and origin and kept in the shared cache for a day.

What the file says when it cannot be read: 4xx (no file) allows everything; a 5xx or a failed
connection allows too (RFC 9309 would disallow on 5xx; the URL's own check then reports the
outage, which is what an editor needs to see, and a site down for good can still be called dead)."""

import hashlib

import httpx
from django.core.cache import cache
from protego import Protego

from links.checking.client import BODY_BYTES

DAY = 24 * 3600
MAX_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB must be read


def _key(origin: str) -> str:
    return "links:robots:" + hashlib.sha1(origin.encode(), usedforsecurity=False).hexdigest()


def cached_rules(origin: str) -> str | None:
    """The robots.txt text kept for this origin ('' when there is none), None if not kept."""
    return cache.get(_key(origin))


def fetch_rules(client: httpx.Client, origin: str) -> str:
    """Fetch and keep `origin`'s robots.txt (the caller has taken a rate-limit slot)."""
    text = ""
    try:
        with client.stream("GET", origin + "/robots.txt", follow_redirects=True) as response:
            if response.status_code < 300:
                body = b""
                for chunk in response.iter_bytes(BODY_BYTES):
                    body += chunk
                    if len(body) >= MAX_BYTES:
                        break
                text = body[:MAX_BYTES].decode("utf-8", errors="replace")
    except httpx.HTTPError:
        text = ""
    cache.set(_key(origin), text, timeout=DAY)
    return text


def allows(rules: str, url: str, user_agent: str) -> bool:
    if not rules.strip():
        return True
    return Protego.parse(rules).can_fetch(url, user_agent)
