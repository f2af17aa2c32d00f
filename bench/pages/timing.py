"""Timing pages in one process with Django's test client (the measuring step, run.py).

Requests go round-robin over the kinds of page (one URL of each kind, then the next of each,
...), so that whatever else the machine does at a moment weighs on every kind alike. Each kind
walks its own set of distinct URLs. Cold: the page cache off (settings.PAGE_CACHE, read per
request), after one untimed round that loads code and templates. Warm: the page cache on, after
one untimed pass over every URL of the public kinds, which stores them. Queries are counted
with connection.execute_wrapper (CaptureQueriesContext would force the debug cursor, which on
SQLite runs one more query per query)."""

import math
import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test import Client, override_settings

HEADER = "X-Page-Cache"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def nearest_rank(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values` (sorted here)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(samples: list[dict]) -> dict:
    """Median and p90 of the times (ms), queries, and what did not answer 200."""
    times = [sample["ms"] for sample in samples]
    queries = [sample["queries"] for sample in samples]
    failed = [sample for sample in samples if sample["status"] != 200]
    return {
        "requests": len(samples),
        "urls": len({sample["url"] for sample in samples}),
        "median_ms": statistics.median(times),
        "p90_ms": nearest_rank(times, 0.9),
        "median_queries": statistics.median(queries),
        "max_queries": max(queries),
        "hits": sum(1 for sample in samples if sample["cache"] == "HIT"),
        "errors": len(failed),
        "failed": sorted({f"{s['url']} ({s['status']})" for s in failed})[:3],
    }


def get(client: Client, url: str) -> dict:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        elapsed = time.perf_counter() - started
    return {
        "url": url,
        "ms": elapsed * 1000,
        "queries": counter.count,
        "status": response.status_code,
        "cache": response.get(HEADER, ""),
    }


def rounds(
    urls: dict[str, list[str]],
    clients: dict[str, Client],
    *,
    repeat: int,
    fetch: Callable[[Client, str], dict] = get,
) -> dict[str, list[dict]]:
    """`repeat` timed requests of each kind, round-robin over the kinds, each kind cycling
    through its URLs."""
    samples: dict[str, list[dict]] = {kind: [] for kind in urls}
    for number in range(repeat):
        for kind, paths in urls.items():
            samples[kind].append(fetch(clients[kind], paths[number % len(paths)]))
    return samples


def measure(
    urls: dict[str, list[str]],
    clients: dict[str, Client],
    *,
    repeat: int,
    public: set[str],
    fetch: Callable[[Client, str], dict] = get,
) -> dict:
    """Cold figures of every kind, then warm figures of the public ones."""
    with override_settings(PAGE_CACHE=False):
        for kind, paths in urls.items():
            fetch(clients[kind], paths[0])
        cold = rounds(urls, clients, repeat=repeat, fetch=fetch)
    warm_urls = {kind: paths for kind, paths in urls.items() if kind in public}
    warm = {}
    if warm_urls:
        with override_settings(PAGE_CACHE=True):
            for kind, paths in warm_urls.items():
                for path in paths[:repeat]:
                    fetch(clients[kind], path)
            warm = rounds(warm_urls, clients, repeat=repeat, fetch=fetch)
    return {
        "cold": {kind: summary(samples) for kind, samples in cold.items()},
        "warm": {kind: summary(samples) for kind, samples in warm.items()},
    }
