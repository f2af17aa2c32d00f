"""One pass's shared state: its client, its deadline, the rate limiter, and what it has learned
about each host (robots.txt, the soft-404 probe, a Retry-After). Used by the pass's threads."""

import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.core.cache import cache

from links.checking import robots
from links.checking.client import BODY_BYTES, make_client
from links.checking.limits import HostLimiter

# robots.txt groups are matched on this token (the start of our User-Agent).
ROBOTS_AGENT = "NewsroomLinkChecker"


@dataclass(frozen=True)
class Answer:
    """One response: its status, headers, address, and up to BODY_BYTES of its body (GET)."""

    status: int
    headers: httpx.Headers
    url: str
    body: bytes = b""
    reason: str = ""


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class Session:
    deadline: float
    client: httpx.Client = field(default_factory=make_client)
    limiter: HostLimiter = field(
        default_factory=lambda: HostLimiter(settings.LINK_CHECK_PER_HOST_PER_MINUTE)
    )
    probes: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _origin_locks: dict = field(default_factory=dict)

    def close(self):
        self.client.close()

    def origin_lock(self, origin: str) -> threading.Lock:
        """One thread at a time learns an origin's robots.txt or soft-404 probe."""
        with self._lock:
            return self._origin_locks.setdefault(origin, threading.Lock())

    def send(self, method: str, url: str) -> Answer:
        """One request, after a rate-limit slot for its host (may raise limits.OutOfTime)."""
        self.limiter.take(host_of(url), deadline=self.deadline)
        with self.client.stream(method, url) as response:
            body = b""
            if method == "GET":
                for chunk in response.iter_bytes(BODY_BYTES):
                    body += chunk
                    if len(body) >= BODY_BYTES:
                        break
            return Answer(response.status_code, response.headers, url, body, response.reason_phrase)

    def robots_allow(self, url: str) -> bool:
        origin = origin_of(url)
        with self.origin_lock(origin):
            rules = robots.cached_rules(origin)
            if rules is None:
                self.limiter.take(host_of(url), deadline=self.deadline)
                rules = robots.fetch_rules(self.client, origin)
        return robots.allows(rules, url, ROBOTS_AGENT)

    # A 429's Retry-After holds for the host in every process, in the shared cache.
    def back_off(self, host: str, seconds: float):
        cache.set(f"links:backoff:{host}", time.time() + seconds, timeout=int(seconds) + 1)

    def backed_off_until(self, host: str) -> float | None:
        until = cache.get(f"links:backoff:{host}")
        return until if until and until > time.time() else None
