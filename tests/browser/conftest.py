"""Browser tests: Playwright driving the machine's own Chromium (Debian's package), never a
browser downloaded by a test tool. `make test` installs Chromium when it can
(scripts/ensure-chromium.sh) and passes its path in $CHROMIUM; without it these tests are
skipped with the reason, or fail when $NEWSROOM_REQUIRE_BROWSER is set (CI sets it)."""

import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

# Held while the live server answers a request on the shared connection (SQLite in memory).
SERVING = threading.Lock()
# Seconds a test's end waits for the requests its pages sent last to be answered.
ANSWER_WITHIN = 30


class RequestsInFlight:
    """How many requests the live server is answering, from the call into Django to the
    response's close. A test's end waits for none to be left before the database is emptied:
    a request a page sent last (an autosave, a publish's side effects) would otherwise hold
    row locks while the flush's TRUNCATE takes its table locks, and PostgreSQL ends one of the
    two as a deadlock (which failed a CI run)."""

    def __init__(self):
        self._count = 0
        self._idle = threading.Condition()

    def enter(self):
        with self._idle:
            self._count += 1

    def leave(self):
        with self._idle:
            self._count -= 1
            self._idle.notify_all()

    def wait_until_idle(self, timeout: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._count == 0, timeout=timeout)


IN_FLIGHT = RequestsInFlight()


class _LeavesOnClose:
    """The response's body, handed on as it is; closing it closes the response, then counts
    the request as answered."""

    def __init__(self, response):
        self._response = response

    def __iter__(self):
        return iter(self._response)

    def close(self):
        try:
            if hasattr(self._response, "close"):
                self._response.close()
        finally:
            IN_FLIGHT.leave()


class OneRequestAtATimeOnASharedConnection(ThreadedWSGIServer):
    """The live server, counting the requests it is answering (IN_FLIGHT), and answering one
    request at a time when its threads share the tests' one database connection (SQLite in
    memory: Django hands every thread the same connection). A page whose script asks for
    several things at once (the figure cards of the article form) would otherwise run two
    transactions on one connection ("cannot start a transaction within a transaction") and
    break it for every test after. Threads still accept connections, so a browser's idle
    keep-alive connection holds nothing up; with PostgreSQL each thread has a connection of its
    own and nothing is serialized."""

    def set_app(self, application):
        shared = bool(self.connections_override)

        def counted(environ, start_response):
            IN_FLIGHT.enter()
            try:
                if shared:
                    with SERVING:
                        response = application(environ, start_response)
                else:
                    response = application(environ, start_response)
            except BaseException:
                IN_FLIGHT.leave()
                raise
            return _LeavesOnClose(response)

        return super().set_app(counted)


LiveServerThread.server_class = OneRequestAtATimeOnASharedConnection

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    given = os.environ.get("CHROMIUM")
    if given:
        return given if os.access(given, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        reason = (
            "Chromium not found: install Debian's `chromium` package or set CHROMIUM "
            "(`make test` runs scripts/ensure-chromium.sh to do it)."
        )
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the tests' own database calls
    # are plain synchronous ones, so Django's guard against ORM calls inside a loop is lifted.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=path, args=CHROMIUM_FLAGS, timeout=60_000
        )
        yield instance
        instance.close()


@pytest.fixture
def new_page(browser):
    """A page in a fresh browser context (its own cookies), closed after the test."""
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def requests_answered():
    """After each browser test (its pages closed: this fixture is set up before theirs, so it
    is torn down after them) and before its tables are emptied (pytest-django's database
    fixture is set up before this one), every request its pages sent has been answered."""
    yield
    if not IN_FLIGHT.wait_until_idle(ANSWER_WITHIN):
        pytest.fail(f"The live server was still answering a request {ANSWER_WITHIN} s after")
