"""At most LINK_CHECK_PER_HOST_PER_MINUTE requests to one host in any 60 seconds, whichever
process sends them (the task's worker, a `check_links` by hand, two workers at once).

The times of a host's recent requests are kept in the shared cache (`django.core.cache`, Redis
in production; it is fast, every process reaches it, and the numbers need not survive a restart,
which the database would do at the cost of a write per request), read and written under a
short lock taken with `cache.add` (atomic on Redis, memcached, the database and local memory).
A sliding window, not a counter per clock minute, so no burst of 2N across a minute's edge.
"""

import hashlib
import threading
import time
from collections.abc import Callable

from django.core.cache import cache

WINDOW = 60.0
LOCK_SECONDS = 5  # a holder that dies frees the lock after this
SPIN = 0.01


class OutOfTime(Exception):
    """The host's next free slot comes after the pass's deadline."""

    def __init__(self, until: float):
        super().__init__(until)
        self.until = until


def _key(host: str) -> str:
    # Hosts are short, but a key must stay within memcached's rules whatever the host holds.
    return "links:rate:" + hashlib.sha1(host.encode(), usedforsecurity=False).hexdigest()


class HostLimiter:
    def __init__(
        self,
        per_minute: int,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.per_minute = per_minute
        self.clock = clock
        self.sleep = sleep
        # Threads of one process queue on a real lock; only other processes meet the spin.
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def _local_lock(self, key: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(key, threading.Lock())

    def _recent(self, key: str, now: float) -> list[float]:
        return [t for t in cache.get(key, []) if t > now - WINDOW]

    def wait_time(self, host: str) -> float:
        """Seconds until `host` may be sent a request (0: now). Takes nothing."""
        now = self.clock()
        recent = self._recent(_key(host), now)
        if len(recent) < self.per_minute:
            return 0.0
        return max(recent[-self.per_minute] + WINDOW - now, 0.0)

    def try_take(self, host: str) -> float:
        """Take a slot for one request now and return 0, or return the seconds to wait."""
        key = _key(host)
        with self._local_lock(key):
            return self._try_take(key)

    def _try_take(self, key: str) -> float:
        lock = key + ":lock"
        while not cache.add(lock, 1, timeout=LOCK_SECONDS):
            time.sleep(SPIN)  # another process holds it for a moment (not self.sleep: real time)
        try:
            now = self.clock()
            recent = self._recent(key, now)
            if len(recent) >= self.per_minute:
                return max(recent[-self.per_minute] + WINDOW - now, SPIN)
            recent.append(now)
            cache.set(key, recent, timeout=int(WINDOW) + 5)
            return 0.0
        finally:
            cache.delete(lock)

    def take(self, host: str, *, deadline: float) -> None:
        """Wait for a slot and take it; `OutOfTime` if none comes before `deadline`."""
        while wait := self.try_take(host):
            if self.clock() + wait > deadline:
                raise OutOfTime(self.clock() + wait)
            self.sleep(wait)
