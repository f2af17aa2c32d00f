"""A small web of odd cases for the link checker's tests, on 127.0.0.1 only.

`serve()` starts a threaded `http.server` on a free port and returns a `FakeWeb`. It is bounded:
it answers at most `max_requests` requests and lives at most `lifetime` seconds, then stops by
itself (and at the end of the `with` block). It records every request it receives (method,
path, User-Agent, time) so tests can assert what the checker sent, and what it did not.

Paths (anything else is a 404; with `soft=True` anything else is a 200 "Welcome" page; with
`slow_unknown=True` anything else answers after `slow_seconds`):
  /ok and /pages/... 200 · /moved 301 -> /moved-again 308 -> /ok · /temp 302 -> /ok
  /temp-to-404 302 -> /404 · /404 · /410 · /challenge (403, cf-mitigated, "Just a moment...")
  /forbidden 403 · /busy (429, Retry-After: 120) · /to-home 301 -> / · / (the home page)
  /slow (answers after `slow_seconds`) · /head-refused (405 on HEAD, 200 on GET) · /error 500
  /private/... (200, but robots.txt disallows it) · /robots.txt (`robots`, or 404 when None)
"""

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_ROBOTS = "User-agent: *\nDisallow: /private/\n"


def page(title: str) -> bytes:
    return f"<!doctype html><title>{title}</title><p>{title}</p>".encode()


@dataclass
class Seen:
    method: str
    path: str
    user_agent: str
    at: float


@dataclass
class FakeWeb:
    server: ThreadingHTTPServer
    max_requests: int
    soft: bool = False
    robots: str | None = DEFAULT_ROBOTS
    slow_seconds: float = 3.0
    # Anything else answers as /slow does (a host whose random path times out).
    slow_unknown: bool = False
    seen: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.origin + path

    def paths(self, *, method: str | None = None) -> list[str]:
        with self.lock:
            return [s.path for s in self.seen if method is None or s.method == method]

    def stop(self):
        threading.Thread(target=self.server.shutdown, daemon=True).start()


REDIRECTS = {
    "/moved": (301, "/moved-again"),
    "/moved-again": (308, "/ok"),
    "/temp": (302, "/ok"),
    "/temp-to-404": (302, "/404"),
    "/to-home": (301, "/"),
}


class Handler(BaseHTTPRequestHandler):
    web: FakeWeb  # set on the subclass made for each server

    def log_message(self, format, *args):  # quiet
        pass

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def send(self, status: int, body: bytes = b"", head: bool = False, **headers):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def answer(self, *, head: bool):
        web = self.web
        with web.lock:
            web.seen.append(Seen(self.command, self.path, self.headers["User-Agent"], time.time()))
            over = len(web.seen) >= web.max_requests
        if over:
            web.stop()
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            if web.robots is None:
                return self.send(404, page("No robots"), head)
            return self.send(200, web.robots.encode(), head)
        if path in REDIRECTS:
            status, target = REDIRECTS[path]
            return self.send(status, b"", head, Location=target)
        if path in ("/", "/ok") or path.startswith(("/private/", "/pages/")):
            return self.send(200, page("Home" if path == "/" else "A page"), head)
        if path in ("/404", "/410"):
            return self.send(int(path[1:]), page("Not here"), head)
        if path == "/challenge":
            return self.send(403, page("Just a moment..."), head, cf_mitigated="challenge")
        if path == "/forbidden":
            return self.send(403, page("Forbidden"), head)
        if path == "/busy":
            return self.send(429, page("Slow down"), head, Retry_After="120")
        if path == "/slow":
            time.sleep(web.slow_seconds)
            return self.send(200, page("Slow"), head)
        if path == "/head-refused":
            return self.send(405, b"", head) if head else self.send(200, page("GET only"))
        if path == "/error":
            return self.send(500, page("Oops"), head)
        if web.slow_unknown:
            time.sleep(web.slow_seconds)
        if web.soft:
            return self.send(200, page("Real page" if path == "/real" else "Welcome"), head)
        return self.send(404, page("Not here"), head)


def serve(*, max_requests: int = 200, lifetime: float = 60.0, **options) -> FakeWeb:
    handler = type("BoundHandler", (Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    web = FakeWeb(server=server, max_requests=max_requests, **options)
    handler.web = web
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    timer = threading.Timer(lifetime, web.stop)
    timer.daemon = True
    timer.start()
    return web


def closed_port_url(path: str = "/") -> str:
    """An address on 127.0.0.1 where nothing listens (the port was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"
