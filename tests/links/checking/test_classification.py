"""links/checking/: each odd case of the web classified as the issue says, against local
servers only (tests/links/fakeweb.py)."""

import time

import pytest

from links.checking.fetching import check_url
from links.checking.outcome import Deferred
from links.checking.session import Session
from links.models import Link
from tests.links import fakeweb

S = Link.Status


def check(url: str):
    session = Session(deadline=time.time() + 20)
    try:
        return check_url(session, url)
    finally:
        session.close()


@pytest.mark.parametrize(
    ("path", "status", "http_status"),
    [
        ("/ok", S.OK, 200),
        ("/temp", S.OK, 200),
        ("/head-refused", S.OK, 200),
        ("/404", S.GONE, 404),
        ("/410", S.GONE, 410),
        ("/temp-to-404", S.GONE, 404),
        ("/challenge", S.BLOCKED, 403),
        ("/forbidden", S.BLOCKED, 403),
        ("/busy", S.BLOCKED, 429),
        ("/to-home", S.SOFT_404, 200),
        ("/pages/404", S.OK, 200),  # a page called 404, reached without a redirect
        ("/error", S.ERROR, 500),
        ("/private/page", S.BLOCKED, None),
    ],
)
def test_each_answer_is_classified(web, path, status, http_status):
    """200, a temporary redirect, HEAD refused, 404, 410, a 403 bot challenge, 429, a redirect
    to the home page, 500, robots.txt: each gets its status and a human detail line."""
    outcome = check(web.url(path))
    assert (outcome.status, outcome.http_status) == (status, http_status), outcome.detail
    assert outcome.detail


def test_a_permanent_chain_offers_its_final_address(web):
    outcome = check(web.url("/moved"))
    assert outcome.status == S.REDIRECTED
    assert outcome.redirect_url == web.url("/ok")
    asked = [p for p in web.paths() if not p.endswith(("robots.txt", "-newsroom-link-check"))]
    assert asked == ["/moved", "/moved-again", "/ok"]


def test_head_first_and_get_only_when_head_is_refused(web):
    check(web.url("/ok"))
    check(web.url("/head-refused"))
    assert ("HEAD", "/ok") in [(s.method, s.path) for s in web.seen]
    assert ("GET", "/ok") not in [(s.method, s.path) for s in web.seen]
    assert web.paths(method="GET").count("/head-refused") == 1


def test_the_bot_challenge_and_retry_after_are_named(web):
    assert "bot challenge" in check(web.url("/challenge")).detail
    busy = check(web.url("/busy"))
    assert busy.retry_after == 120
    assert "120" in busy.detail


def test_robots_txt_disallow_is_honoured_and_read_once(web):
    """A disallowed URL is never fetched: `blocked`, with robots.txt named."""
    outcome = check(web.url("/private/page"))
    check(web.url("/ok"))
    assert "robots.txt" in outcome.detail
    assert "/private/page" not in web.paths()
    assert web.paths().count("/robots.txt") == 1


def test_the_user_agent_names_the_site_and_a_contact(web):
    check(web.url("/ok"))
    agents = {s.user_agent for s in web.seen}
    assert agents == {"NewsroomLinkChecker/1.0 (+https://newsroom.example; links@newsroom.example)"}


def test_a_page_slower_than_the_timeout_is_an_error(web):
    outcome = check(web.url("/slow"))
    assert outcome.status == S.ERROR
    assert "timeout" in outcome.detail


def test_connection_refused_is_an_error(checker_settings):
    outcome = check(fakeweb.closed_port_url("/page"))
    assert outcome.status == S.ERROR
    assert outcome.detail == "Connection refused."


def test_a_host_that_does_not_exist_is_gone(checker_settings):
    """DNS: `.invalid` never resolves (RFC 2606), no network needed to fail it."""
    outcome = check("http://no-such-host.invalid/page")
    assert outcome.status == S.GONE
    assert "DNS" in outcome.detail


def test_a_host_that_answers_200_for_anything_is_a_soft_404_there(soft_web):
    """A random path is asked once per host; a page like its answer is soft-404, a real page
    on the same host is ok, and the home page is not compared."""
    assert check(soft_web.url("/vanished")).status == S.SOFT_404
    session = Session(deadline=time.time() + 20)
    try:
        assert check_url(session, soft_web.url("/real")).status == S.OK
        assert check_url(session, soft_web.url("/also-gone")).status == S.SOFT_404
        assert check_url(session, soft_web.url("/")).status == S.OK
    finally:
        session.close()
    probes = [p for p in soft_web.paths() if p.endswith("-newsroom-link-check")]
    assert len(probes) == 2  # once for the first session, once for the second


def test_a_failed_probe_says_nothing_of_the_url(checker_settings):
    """The random path times out: the URL's own 200 stands."""
    server = fakeweb.serve(slow_unknown=True, slow_seconds=2.0)
    try:
        assert check(server.url("/pages/a")).status == S.OK
        assert any(p.endswith("-newsroom-link-check") for p in server.paths())
    finally:
        server.server.shutdown()
        server.server.server_close()


def test_not_web_addresses_are_errors_without_a_request(web):
    for url in ("mailto:someone@example.org", "javascript:alert(1)", "http:///nohost"):
        outcome = check(url)
        assert outcome.status == S.ERROR
    assert web.seen == []


def test_a_spent_host_is_deferred_not_checked(web, settings):
    settings.LINK_CHECK_PER_HOST_PER_MINUTE = 1
    check(web.url("/ok"))  # robots.txt takes the one slot, the page waits past the deadline
    session = Session(deadline=time.time() + 1)
    try:
        assert isinstance(check_url(session, web.url("/ok")), Deferred)
    finally:
        session.close()
    assert web.paths() == ["/robots.txt"]
