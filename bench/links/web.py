"""Local sites for the checker's benchmark: one threaded server per loopback address
(127.0.0.1, 127.0.0.2 ...: Linux answers the whole 127/8 on lo, so each is its own host to the
rate limit), each answering 200 to HEAD and GET of any /page/<n>, 404 to robots.txt and to
anything else. Each counts the requests it saw; all stop at the end of the run."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = b"<!doctype html><title>A page</title><p>A page.</p>"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real sites
    counts: dict

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self._answer(head=True)

    def do_GET(self):
        self._answer(head=False)

    def _answer(self, *, head):
        with self.counts["lock"]:
            self.counts["requests"] += 1
        found = self.path.startswith("/page/")
        body = BODY if found else b"Not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the checker closing a kept-alive connection is not news


class Sites:
    def __init__(self, hosts: int):
        self.servers = []
        for index in range(hosts):
            counts = {"requests": 0, "lock": threading.Lock()}
            handler = type("Handler", (_Handler,), {"counts": counts})
            server = _Server((f"127.0.0.{index + 1}", 0), handler)
            threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
            self.servers.append((server, counts))

    def origins(self) -> list[str]:
        return [f"http://{s.server_address[0]}:{s.server_address[1]}" for s, _ in self.servers]

    def requests(self) -> list[int]:
        return [counts["requests"] for _, counts in self.servers]

    def stop(self):
        for server, _ in self.servers:
            server.shutdown()
            server.server_close()
