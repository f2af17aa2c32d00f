"""Item 2, under concurrency: clicks and beacons sent through gunicorn by many clients at once
(Python threads with http.client; no wrk), then the sums the site wrote compared with what was
sent (run.py reads them before and after, counting.sums()).

Each client opens a connection per request, as nginx passes requests on (HTTP/1.0 to the
upstream), says it came over HTTPS (X-Forwarded-Proto) and is a reader's browser (its
User-Agent), and sends `requests` clicks and as many beacons, alternately, over the blocks
given, each client starting at its own block and slot. The clients start together (a barrier);
the wall time is from then to the last answer. The same clients then ask for the bare view
(bench/shared/site_urls.py) as many times: the ceiling of the stack on this machine, against
which the counting's requests per second read as a ratio."""

import http.client
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass

from bench.measurement.counting import BROWSER, EXPECTED, expected
from bench.pages.timing import nearest_rank
from bench.shared.gunicorn import PROXY_HEADERS

HEADERS = {**PROXY_HEADERS, "User-Agent": BROWSER, "Connection": "close"}
BARE = "/bench/bare/"


@dataclass(frozen=True)
class Request:
    kind: str  # "click", "beacon" or "bare"
    path: str
    body: bytes | None = None
    item: dict | None = None
    position: int = 0

    @property
    def expected_status(self) -> int:
        return 200 if self.kind == "bare" else EXPECTED[self.kind]


def plan(items: list[dict], *, clients: int, requests: int) -> list[list[Request]]:
    """Each client's requests: `requests` clicks and beacons, alternately."""
    plans = []
    for client in range(clients):
        mine = []
        for number in range(requests):
            item = items[(client * requests + number) % len(items)]
            position = (client + number) % len(item["teams"]) + 1
            token = item["token"]
            mine.append(Request("click", f"/r/{token}/{position}/", None, item, position))
            mine.append(Request("beacon", "/r/seen/", token.encode("ascii"), item))
        plans.append(mine)
    return plans


def bare_plan(*, clients: int, requests: int) -> list[list[Request]]:
    return [[Request("bare", BARE) for _ in range(2 * requests)] for _ in range(clients)]


def send(host: str, port: int, request: Request, timeout: float) -> tuple[int, float]:
    """One request on a connection of its own: (status, or 0 when it failed; seconds)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        headers = dict(HEADERS)
        if request.body is not None:
            headers["Content-Type"] = "text/plain"
        method = "GET" if request.body is None else "POST"
        connection.request(method, request.path, body=request.body, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - started


def run(host: str, port: int, plans: list[list[Request]], *, timeout: float = 30) -> dict:
    """Every client's requests at once; requests a second, latencies, statuses, errors."""
    results: list[list[tuple[Request, int, float]]] = [[] for _ in plans]
    start = threading.Barrier(len(plans) + 1)

    def client(number: int):
        start.wait()
        for request in plans[number]:
            status, seconds = send(host, port, request, timeout)
            results[number].append((request, status, seconds))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(len(plans))]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    done = [answer for answers in results for answer in answers]
    latencies = [seconds * 1000 for _, _, seconds in done]
    errors = [request for request, status, _ in done if status != request.expected_status]
    return {
        "clients": len(plans),
        "requests": len(done),
        "seconds": wall,
        "rps": len(done) / wall if wall else 0.0,
        "p50_ms": statistics.median(latencies) if latencies else 0.0,
        "p99_ms": nearest_rank(latencies, 0.99) if latencies else 0.0,
        "statuses": dict(Counter(str(status) for _, status, _ in done)),
        "errors": len(errors),
        "expected": expected([(r.kind, r.item, r.position) for r, _, _ in done]),
    }
