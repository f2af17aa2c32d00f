"""links/archive_saving.py: the request to the Archive to save a page, off by default, made by
a background task after the commit; tested against a server of ours on 127.0.0.1 only."""

import socket
import threading
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from articles import services
from links import archive_saving
from tests.links.helpers import article_linking, uses_of

pytestmark = pytest.mark.django_db

APRIL_3 = datetime(2011, 4, 3, 9, 30, tzinfo=UTC)
WOOSTER = "http://www.woostercollective.com/post/klayman-preview"
CURATED = "https://curated.example/interview?id=7&lang=en"
MAX_REQUESTS = 10  # the server stops after this many, or when the test ends


@contextmanager
def archive_server(settings, *, status=200):
    """A stand-in for web.archive.org on a free port of 127.0.0.1, recording what it was asked;
    it serves at most MAX_REQUESTS, each within 5 s, and stops with the block."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("User-Agent")))
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 5

    def serve():
        for _ in range(MAX_REQUESTS):
            server.handle_request()
            if stopping.is_set():
                break

    stopping = threading.Event()
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    settings.LINK_ARCHIVE_BASE = f"http://127.0.0.1:{server.server_port}"
    try:
        yield seen
    finally:
        stopping.set()
        # Wake a handle_request() waiting for a connection, so the thread ends now.
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=1) as wake:
            wake.sendall(b"GET /stop HTTP/1.0\r\n\r\n")
        thread.join(timeout=10)
        server.server_close()


def publish_with_links(*urls):
    article = article_linking(*urls, draft=True)
    services.article_publish(article=article, user=None, at=APRIL_3)
    return article


def test_off_by_default_no_request_is_made(settings, django_capture_on_commit_callbacks):
    assert settings.LINK_ARCHIVE_SAVE is False
    with archive_server(settings) as seen:
        with django_capture_on_commit_callbacks(execute=True):
            article = publish_with_links(WOOSTER, CURATED)
    assert [path for path, _ in seen] == ["/stop"]
    assert all(use.archive_url for use in uses_of(article).values())  # recorded all the same


def test_on_each_new_url_is_sent_after_the_commit(settings, django_capture_on_commit_callbacks):
    settings.LINK_ARCHIVE_SAVE = True
    with archive_server(settings) as seen:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            publish_with_links(WOOSTER, CURATED)
        assert seen == []  # nothing during the publishing request's transaction
        for callback in callbacks:
            callback()

    paths = [path for path, _ in seen if path != "/stop"]
    assert sorted(paths) == sorted([f"/save/{CURATED}", f"/save/{WOOSTER}"])
    agents = {agent for path, agent in seen if path != "/stop"}
    assert agents == {archive_saving.USER_AGENT}


def test_an_address_already_recorded_is_not_sent_again(
    settings, django_capture_on_commit_callbacks
):
    settings.LINK_ARCHIVE_SAVE = True
    with archive_server(settings) as seen:
        with django_capture_on_commit_callbacks(execute=True):
            article = publish_with_links(WOOSTER)
        with django_capture_on_commit_callbacks(execute=True):
            services.article_unpublish(article=article, user=None)
            services.article_publish(article=article, user=None)
    assert [path for path, _ in seen if path != "/stop"] == [f"/save/{WOOSTER}"]


def test_the_archive_refusing_is_logged_and_nothing_fails(settings, caplog):
    settings.LINK_ARCHIVE_SAVE = True
    with archive_server(settings, status=503) as seen:
        assert archive_saving.save_pages.call([WOOSTER]) == 0
    assert [path for path, _ in seen if path != "/stop"] == [f"/save/{WOOSTER}"]
    assert "did not save" in caplog.text


def test_the_archive_unreachable_is_logged_and_nothing_fails(settings, caplog):
    settings.LINK_ARCHIVE_SAVE = True
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # a free port nobody listens on once closed
    settings.LINK_ARCHIVE_BASE = f"http://127.0.0.1:{port}"
    assert archive_saving.save_pages.call([WOOSTER]) == 0
    assert "did not save" in caplog.text


def test_the_task_does_nothing_when_saving_is_off(settings):
    with archive_server(settings) as seen:
        assert archive_saving.save_pages.call([WOOSTER]) == 0
    assert [path for path, _ in seen] == ["/stop"]


def test_a_non_web_base_is_never_opened(settings, tmp_path):
    settings.LINK_ARCHIVE_SAVE = True
    settings.LINK_ARCHIVE_BASE = f"file://{tmp_path}"
    assert archive_saving.save_pages.call([WOOSTER]) == 0
