"""The site in real server processes for tests that need them (several processes, a database
that goes away): start gunicorn on a free port, wait until it answers, talk to it over HTTP
with the cookies of one visitor, and stop it. Every wait is bounded."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(**extra) -> dict[str, str]:
    """The environment of a production process on plain HTTP on the loopback."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "NEWSROOM_"))
    }
    env.update(
        DEBUG="false",
        SECRET_KEY="test-only-secret-key-for-server-processes-0123456789",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, timeout: float = 120) -> str:
    done = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class WebProcess:
    """`with WebProcess(env) as web:` gunicorn serving the site at web.port."""

    def __init__(self, env: dict, *, workers: int = 1, log: Path | None = None):
        self.env, self.workers, self.port = env, workers, free_port()
        self.log = log
        self.process = None

    def __enter__(self):
        output = open(self.log, "wb") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and gunicorn)
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsroom.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--timeout=30",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_until_up()
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        return False

    def _wait_until_up(self, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"gunicorn did not answer on port {self.port} in {timeout} s")


class Visitor:
    """One browser's worth of cookies, talking to one server process."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | list | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        connection.close()
        return response, content

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, form):
        return self.request("POST", path, form)

    def log_in(self, username: str, password: str):
        _, page = self.get("/admin/login/")
        fields = form_fields(page, "login-form")
        fields.update(username=username, password=password, next="/admin/")
        response, _ = self.post("/admin/login/", fields)
        assert response.status == 302, f"login failed with {response.status}"


class _FormReader(HTMLParser):
    """The values a browser would submit for the form with this id."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self._in_form = self._done = False
        self._textarea = self._select = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self._done and attrs.get("id") == self.form_id:
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in {"submit", "file"}:
            ticked = attrs.get("type") in {"checkbox", "radio"}
            if ticked and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if ticked else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form, self._done = False, True
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_fields(page: str, form_id: str) -> dict:
    """The fields of the form with this id, last value winning."""
    return dict(form_field_list(page, form_id))


def form_field_list(page: str, form_id: str) -> list[tuple[str, str]]:
    """The fields of the form with this id, as a browser would submit them (no file inputs)."""
    reader = _FormReader(form_id)
    reader.feed(page)
    return reader.fields
