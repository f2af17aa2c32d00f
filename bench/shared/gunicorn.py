"""The site as production serves it, for the serving and load benchmarks and the fault tests:
gunicorn started with deploy/gunicorn.conf.py in a process group of its own and stopped with
it, plain HTTP requests to it, the static files check, and the run's keys removed from Redis."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.shared.paths import ROOT
from bench.shared.postgres import BenchFailed

GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
READY_TIMEOUT_S = 90
ONE_YEAR_S = 365 * 24 * 3600
# What nginx adds in production (deploy/nginx.conf): the request came in over HTTPS. Without it,
# DEBUG off answers every plain-HTTP request with a redirect (SECURE_SSL_REDIRECT).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
# The packages that serve the site, whose versions an entry reports (shown name: distribution).
SITE_PACKAGES = {
    "Django": "django",
    "gunicorn": "gunicorn",
    "WhiteNoise": "whitenoise",
    "redis-py": "redis",
    "psycopg2": "psycopg2-binary",
}


# Variables of this process that must not reach the served site (it gets its own).
NOT_INHERITED = ("GUNICORN_", "PAGE_CACHE", "DATABASE_", "AWS_", "SECURE_", "CACHE_KEY_PREFIX")
NOT_INHERITED_NAMES = {"PORT", "WEB_CONCURRENCY", "LOG_FORMAT", "REDIS_URL", "TASKS_BACKEND"}


def site_env(workdir: Path, *, prefix: str, database_url: str, redis_url: str) -> dict:
    """The environment of the served site and of the steps that write its database: production
    settings (DEBUG off) behind nginx, its own database, Redis keys and folders under `workdir`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(NOT_INHERITED) and name not in NOT_INHERITED_NAMES
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.shared.site_settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_PROXY_SSL_HEADER="true",  # as behind nginx: requests carry X-Forwarded-Proto
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        NEWSROOM_VAR_DIR=str(workdir / "var"),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def server_env(
    env: dict,
    server: "Server",
    workdir: Path,
    *,
    page_cache: bool,
    workers: int,
    worker_class: str | None = None,
    threads: int | None = None,
) -> dict:
    """The site's environment for one gunicorn (deploy/gunicorn.conf.py reads these)."""
    served = dict(
        env,
        PAGE_CACHE="true" if page_cache else "false",
        GUNICORN_BIND=f"127.0.0.1:{server.port}",
        WEB_CONCURRENCY=str(workers),
        GUNICORN_CONTROL_SOCKET=str(workdir / f"gunicorn-{server.name}.ctl"),
    )
    if worker_class:
        served.update(GUNICORN_WORKER_CLASS=worker_class, GUNICORN_THREADS=str(threads or 1))
    return served


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    name: str
    port: int
    log: Path
    process: subprocess.Popen | None = None
    env: dict = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, env: dict):
        self.env = env
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
                [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)]
                + ["newsroom.wsgi:application"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: Ctrl-C reaches us, not it
            )
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchFailed(f"gunicorn ({self.name}) exited at start:\n{self.log_tail()}")
            try:
                if get(f"{self.base}/bench/bare/", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise BenchFailed(
            f"gunicorn ({self.name}) did not answer within {READY_TIMEOUT_S} s:\n{self.log_tail()}"
        )

    def stop(self):
        """SIGTERM to the whole group (arbiter and workers), SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 40), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        try:  # workers left behind by a killed arbiter
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def worker_errors(self) -> int:
        """Tracebacks and worker timeouts in gunicorn's log."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return text.count("Traceback (most recent call last)") + text.count("WORKER TIMEOUT")


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def get(url: str, *, headers: dict | None = None, timeout: float = 30) -> Response:
    """One GET as nginx would pass it on, redirects not followed (a redirect is a failure
    here, not a page)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as answer:
            return Response(answer.status, dict(answer.headers.items()), answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers.items()), error.read())


def check_static(static_root: Path, base_url: str | None = None) -> dict:
    """After collectstatic: hashed names with .gz (and .br when brotli is installed) beside
    them; through the server, a hashed file's Cache-Control and Content-Encoding."""
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed = [static_root / name for name in manifest.values()]
    compressible = [path for path in hashed if path.suffix in {".css", ".js", ".svg"}]
    result = {
        "files": len(manifest),
        "hashed_present": sum(path.is_file() for path in hashed),
        "gz": sum(Path(f"{path}.gz").is_file() for path in compressible),
        "br": sum(Path(f"{path}.br").is_file() for path in compressible),
        "compressible": len(compressible),
        "sample": manifest.get("css/site.css"),
    }
    if base_url and result["sample"]:
        answer = get(f"{base_url}/static/{result['sample']}", headers={"Accept-Encoding": "gzip"})
        control = answer.headers.get("Cache-Control", "")
        result.update(
            status=answer.status,
            cache_control=control,
            content_encoding=answer.headers.get("Content-Encoding", ""),
            long_max_age=_max_age(control) >= ONE_YEAR_S,
        )
    return result


def _max_age(cache_control: str) -> int:
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name == "max-age" and value.isdigit():
            return int(value)
    return 0


def redis_check(url: str) -> str:
    """The server's version; BenchFailed when it does not answer."""
    import redis  # noqa: PLC0415

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=5).info("server")["redis_version"]
    except redis.RedisError as error:
        raise BenchFailed(
            f"Redis is unreachable at {url} ({error}). Start it or pass --redis-url."
        ) from error


def delete_prefix(url: str, prefix: str) -> int:
    """Delete the keys of this run (Django's cache keys are '<prefix>:<version>:<key>') with
    SCAN and DEL, never KEYS or FLUSHDB: other data in the same Redis stays."""
    import redis  # noqa: PLC0415

    if not prefix or any(char in prefix for char in "*?[]\\"):
        raise ValueError(f"Not a plain key prefix: {prefix!r}")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5)
        deleted, batch = 0, []
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            batch.append(key)
            if len(batch) >= 500:
                deleted += client.delete(*batch)
                batch = []
        if batch:
            deleted += client.delete(*batch)
    except redis.RedisError as error:
        print(f"Could not delete the {prefix}:* keys from Redis: {error}", file=sys.stderr)
        return 0
    return deleted
