"""The site as production runs it, in subprocesses, on a throwaway PostgreSQL
(bench/shared/pg_cluster.py) that the fault tests may stop: migrated, with its static files
collected and a few articles, served by gunicorn with deploy/gunicorn.conf.py and 2 workers (or
runserver when that file is missing), DEBUG off and the page cache off, so that every request
reaches the database. Every wait is bounded; stop() kills the server's whole process group."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.shared.gunicorn import Response, free_port, get
from bench.shared.pg_cluster import PostgresCluster

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
COMMAND_TIMEOUT_S = 120
READY_TIMEOUT_S = 30
ARTICLE_SLUG = "fault-test-0"
# Variables of the test process that must not reach the site (it gets its own below).
NOT_INHERITED = {
    "DATABASE_URL",
    "REDIS_URL",
    "TASKS_BACKEND",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "AWS_STORAGE_BUCKET_NAME",
    "GUNICORN_BIND",
    "PORT",
    "WEB_CONCURRENCY",
    "GUNICORN_PRELOAD",
    "LOG_FORMAT",
    "LOG_LEVEL",
}
SEED = f"""
from articles.models import Article, Section
section, _ = Section.objects.get_or_create(slug="faults", defaults={{"name": "Faults"}})
for number in range(3):
    Article.objects.get_or_create(
        slug=f"fault-test-{{number}}",
        defaults={{
            "title": f"Surviving fault {{number}}",
            "standfirst": "An article the fault tests read while the database comes and goes.",
            "body": "<p>Body text.</p>",
            "section": section,
            "status": Article.Status.PUBLISHED,
        }},
    )
print(Article.objects.published().filter(slug={ARTICLE_SLUG!r}).count())
"""


class SiteFailed(Exception):
    pass


class FaultSite:
    def __init__(self, cluster: PostgresCluster, folder: Path):
        self.cluster = cluster
        self.folder = folder
        self.port = free_port()
        self.log = folder / "server.log"
        self.process: subprocess.Popen | None = None
        self.gunicorn = GUNICORN_CONF.is_file()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def article_path(self) -> str:
        return f"/articles/{ARTICLE_SLUG}/"

    def env(self) -> dict[str, str]:
        inherited = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "false",
            "SECRET_KEY": "fault-tests-secret-key-long-enough-to-look-like-a-real-one-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": self.cluster.url("newsroom"),
            "PAGE_CACHE": "false",
            # Plain HTTP here, no proxy in front: production would redirect it to HTTPS.
            "SECURE_SSL_REDIRECT": "false",
            "NEWSROOM_VAR_DIR": str(self.folder / "var"),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_CONTROL_SOCKET": str(self.folder / "gunicorn.ctl"),
            "PYTHONUNBUFFERED": "1",
        }

    # Preparing ------------------------------------------------------------------------------

    def prepare(self):
        """Migrate and collect the static files side by side (2 cores), then seed."""
        self.cluster.create_database("newsroom")
        steps = {
            "migrate": self._spawn("migrate", "--noinput", "-v", "0"),
            "collectstatic": self._spawn("collectstatic", "--noinput", "-v", "0"),
        }
        try:
            for name, process in steps.items():
                self._finish(name, process)
        finally:
            for process in steps.values():
                if process.poll() is None:
                    process.kill()
                    process.wait(timeout=10)
        seeded = self._finish("seed", self._spawn("shell", "-c", SEED))
        if seeded.strip().splitlines()[-1:] != ["1"]:
            raise SiteFailed(f"The seed left no public article {ARTICLE_SLUG}: {seeded}")

    def _spawn(self, *arguments: str) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def _finish(self, name: str, process: subprocess.Popen) -> str:
        try:
            output, _ = process.communicate(timeout=COMMAND_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate(timeout=10)
            raise SiteFailed(
                f"manage.py {name} took over {COMMAND_TIMEOUT_S} s:\n{output}"
            ) from None
        if process.returncode != 0:
            raise SiteFailed(f"manage.py {name} exited with {process.returncode}:\n{output}")
        return output

    # Serving --------------------------------------------------------------------------------

    def start(self):
        if self.gunicorn:
            command = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)]
            command.append("newsroom.wsgi:application")
        else:
            command = [sys.executable, "manage.py", "runserver", "--noreload"]
            command.append(f"127.0.0.1:{self.port}")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
                command,
                cwd=ROOT,
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed whole by stop()
            )
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SiteFailed(f"The server exited at start:\n{self.log_text()[-3000:]}")
            try:
                if self.get("/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SiteFailed(f"The server did not answer within {READY_TIMEOUT_S} s")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self):
        """SIGTERM to the whole group (arbiter and workers), then SIGKILL."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        try:  # workers left behind by an arbiter that went first
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process = None

    def get(self, path: str, *, headers: dict | None = None, timeout: float = 10) -> Response:
        return get(f"{self.base}{path}", headers=headers, timeout=timeout)

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""
