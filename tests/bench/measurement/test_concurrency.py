"""Clicks and beacons sent by concurrent clients (bench/measurement/concurrency.py), against a
small local server that answers as the site does and keeps what it was sent."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.measurement.concurrency import BARE, Request, bare_plan, plan, run

ITEMS = [
    {"token": "one", "teams": ["", "", ""]},
    {"token": "two", "teams": ["", "a", "b", "a"]},
]


class Site(BaseHTTPRequestHandler):
    seen: list  # (method, path, body, headers) of every request

    def do_GET(self):
        self.seen.append(("GET", self.path, b"", dict(self.headers)))
        broken = self.path.startswith("/r/two/2/")
        self._answer(500 if broken else 302 if self.path.startswith("/r/") else 200)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.seen.append(("POST", self.path, body, dict(self.headers)))
        self._answer(204)

    def _answer(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    Site.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_each_client_alternates_clicks_and_beacons_over_the_blocks():
    plans = plan(ITEMS, clients=3, requests=2)

    assert [len(mine) for mine in plans] == [4, 4, 4]
    assert [r.kind for r in plans[0]] == ["click", "beacon", "click", "beacon"]
    assert [r.path for r in plans[0]] == ["/r/one/1/", "/r/seen/", "/r/two/2/", "/r/seen/"]
    assert plans[0][1].body == b"one" and plans[0][3].body == b"two"
    assert plans[1][0].path == "/r/one/2/"  # each client starts on a block and slot of its own
    assert bare_plan(clients=2, requests=3) == [[Request("bare", BARE)] * 6] * 2


def test_every_request_is_sent_once_and_every_wrong_answer_is_an_error(site):
    plans = plan(ITEMS, clients=4, requests=5)

    found = run("127.0.0.1", site.server_address[1], plans)

    assert found["requests"] == len(Site.seen) == 4 * 5 * 2
    assert sorted(path for _, path, _, _ in Site.seen) == sorted(
        r.path for mine in plans for r in mine
    )
    broken = sum(r.path == "/r/two/2/" for mine in plans for r in mine)
    assert broken and found["errors"] == broken
    assert found["statuses"]["500"] == broken
    assert found["rps"] > 0 and found["p99_ms"] >= found["p50_ms"] > 0
    method, _, body, headers = next(s for s in Site.seen if s[0] == "POST")
    assert headers["Content-Type"] == "text/plain" and body in {b"one", b"two"}
    assert headers["User-Agent"].startswith("Mozilla/")
    assert headers["X-Forwarded-Proto"] == "https"


def test_a_server_that_is_gone_is_errors_not_a_crash():
    found = run("127.0.0.1", 9, plan(ITEMS, clients=2, requests=1), timeout=2)

    assert found["errors"] == found["requests"] == 4
    assert found["statuses"] == {"0": 4}
