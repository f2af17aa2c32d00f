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

# Held while the live server answers a request on the shared connection; a test's end waits for
# it, so that the database is not emptied under a request its page sent last (an autosave).
SERVING = threading.Lock()


class OneRequestAtATimeOnASharedConnection(ThreadedWSGIServer):
    """The live server, answering one request at a time when its threads share the tests'
    one database connection (SQLite in memory: Django hands every thread the same connection).
    A page whose script asks for several things at once (the figure cards of the article form)
    would otherwise run two transactions on one connection ("cannot start a transaction within
    a transaction") and break it for every test after. Threads still accept connections, so a
    browser's idle keep-alive connection holds nothing up; with PostgreSQL each thread has a
    connection of its own and nothing is serialized."""

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)

        def one_at_a_time(environ, start_response):
            with SERVING:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


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
    with SERVING:  # a request the closed pages had sent is answered before the tables are emptied
        pass
