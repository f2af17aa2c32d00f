"""gunicorn settings for production, behind nginx (deploy/nginx.conf):

    gunicorn -c deploy/gunicorn.conf.py newsroom.wsgi:application

Every value comes from the environment, with defaults for one container on one machine:

- GUNICORN_BIND: comma-separated addresses (default 0.0.0.0:$PORT, or 0.0.0.0:8000);
- WEB_CONCURRENCY: worker processes (default 2 x the CPUs this process may use, + 1);
- GUNICORN_WORKER_CLASS (sync) and GUNICORN_THREADS (gthread only; default 4). Sync workers:
  nginx buffers slow clients and uploads (what a sync worker cannot survive alone) and opens
  one connection per request to us (no upstream keepalive), so gthread's kept-alive connections
  buy nothing; the pages are CPU-bound under the GIL, so threads add no throughput either.
  Measured with bench/serve/ (2 workers, 2 cores, one request per connection, 2,000 articles):
  warm article pages 816 req/s with gthread x 4 against 704 with sync, cold 44 against 68, the
  bare view 1,857 against 1,616: no consistent gain, within the spread between runs on that
  shared machine. `--worker-class gthread` measures it again;
- GUNICORN_TIMEOUT (30 s, nginx's proxy_read_timeout: past it nobody reads the answer) and
  GUNICORN_GRACEFUL_TIMEOUT (30 s for requests in flight at a restart or shutdown);
- GUNICORN_KEEPALIVE (75 s): longer than nginx's upstream keepalive_timeout (60 s), so that if
  nginx keeps connections to gunicorn open, it is always nginx that closes an idle one, never
  gunicorn at the moment nginx reuses it (a 502). Sync workers ignore it (one request per
  connection), gthread workers use it;
- GUNICORN_MAX_REQUESTS (10,000) and GUNICORN_MAX_REQUESTS_JITTER (1,000): each worker is
  replaced after that many requests, the workers at different times, so a slow leak never grows.
  Not fewer: a worker's replacement leaves one worker fewer for a moment, and at the rate of
  cached pages (500 a second a worker) 1,000 meant one every 2 s (measured: p99 of the bare view
  25 ms with 10,000, 400 ms with 1,000);
- GUNICORN_PRELOAD (true): Django is loaded once before forking (less memory, copy-on-write, and
  a broken configuration fails at start, not in every worker);
- FORWARDED_ALLOW_IPS: addresses whose X-Forwarded-* headers are trusted (default 127.0.0.1,::1;
  in docker compose, where only nginx reaches the web service, the network's range or "*");
- LOG_LEVEL: gunicorn's own log level (default info);
- GUNICORN_CONTROL_SOCKET: where gunicornc's control socket goes (default gunicorn's own,
  $XDG_RUNTIME_DIR or ~/.gunicorn/gunicorn.ctl).

Access log: one JSON object per line on stdout (see JsonAccessLogger); errors on stderr.
"""

import json
import os
from datetime import UTC, datetime

from gunicorn import glogging


def _text(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


def _number(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise RuntimeError(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise RuntimeError(f"{name} must be at least {minimum}, not {value}.")
    return value


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise RuntimeError(f"{name} must be true or false, not {raw!r}.")


def cpus() -> int:
    """The CPUs this process may run on (its affinity, as a container's cpuset limits it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


_port = _text("PORT", "8000")
bind = _text("GUNICORN_BIND", f"0.0.0.0:{_port}").split(",")
workers = _number("WEB_CONCURRENCY", 2 * cpus() + 1, minimum=1)
worker_class = _text("GUNICORN_WORKER_CLASS", "sync")
threads = _number("GUNICORN_THREADS", 4 if worker_class == "gthread" else 1, minimum=1)
timeout = _number("GUNICORN_TIMEOUT", 30, minimum=1)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30, minimum=1)
keepalive = _number("GUNICORN_KEEPALIVE", 75)
max_requests = _number("GUNICORN_MAX_REQUESTS", 10_000)
max_requests_jitter = _number("GUNICORN_MAX_REQUESTS_JITTER", 1_000)
preload_app = _flag("GUNICORN_PRELOAD", True)
forwarded_allow_ips = _text("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The workers' heartbeat files on tmpfs: a busy disk never makes the arbiter kill a worker.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
loglevel = _text("LOG_LEVEL", "info").lower()
accesslog = "-"
errorlog = "-"
proc_name = "newsroom"
if os.environ.get("GUNICORN_CONTROL_SOCKET"):  # gunicornc's socket, when not the default one
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]


class JsonAccessLogger(glogging.Logger):
    """Access log lines as JSON objects: every value escaped, so a quote in a user agent or a
    path never breaks the line, and a log shipper reads the fields without a pattern."""

    def access(self, resp, req, environ, request_time):
        if not getattr(self, "access_log_enabled", True):
            return
        try:
            self.access_log.info(access_line(self.atoms(resp, req, environ, request_time)))
        except Exception:  # a log line must never fail a request
            self.exception("Could not write the access log line")


def access_line(atoms: dict) -> str:
    def header(name: str) -> str | None:
        value = atoms.get("{%s}i" % name)  # noqa: UP031 (gunicorn's atom names)
        return value if value not in (None, "-") else None

    status = atoms.get("s")
    record = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "remote": atoms.get("h"),
        "forwarded_for": header("x-forwarded-for"),
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "query": atoms.get("q") or None,
        "protocol": atoms.get("H"),
        "status": int(status) if str(status).isdigit() else status,
        "bytes": atoms.get("B"),
        "duration_ms": round(atoms.get("D", 0) / 1000, 2),
        "referer": header("referer"),
        "user_agent": header("user-agent"),
        "request_id": header("x-request-id"),
        "pid": os.getpid(),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


logger_class = JsonAccessLogger


def post_fork(server, worker):
    """With preload_app, a database connection opened while loading would be shared by every
    forked worker: close any, so that each worker opens its own."""
    try:
        from django.conf import settings  # noqa: PLC0415
        from django.db import connections  # noqa: PLC0415
    except ImportError:
        return
    if not settings.configured:  # not preloaded: nothing opened yet
        return
    for connection in connections.all(initialized_only=True):
        connection.close()
