"""One URL fetched and classified into a `Link.Status`.

HEAD first (cheap for the site); GET when HEAD is refused or looks wrong (any 4xx or 5xx but a
429: many servers answer HEAD with 403, 404, 405 or 501 and GET with the page), and when the
page itself must be read (a bot challenge, a soft-404 host). Redirects are followed by hand, up
to MAX_HOPS, each hop a request under the rate limit, so the chain's kinds are known: a chain of
permanent redirects (301/308) is `redirected` with its final address, temporary ones (302, 303,
307) to a live page are `ok`."""

import errno
import socket
import ssl
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings
from django.utils import timezone

from links.checking import soft404
from links.checking.limits import OutOfTime
from links.checking.outcome import Deferred, Outcome
from links.checking.session import Answer, Session, host_of
from links.models import Link

MAX_HOPS = 10
PERMANENT = (301, 308)
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_AFTER_MAX = 30 * 24 * 3600
CHALLENGE_TITLES = ("just a moment...", "attention required! | cloudflare", "ddos-guard")
CHALLENGE_MARKS = (b"challenge-platform", b"_cf_chl_opt", b"cf-browser-verification")

S = Link.Status


def check_url(session: Session, url: str) -> Outcome | Deferred:
    """Check one URL. Never raises for what the web does; `Deferred` when the host's budget or
    the pass's time is spent before it could be asked."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Outcome(S.ERROR, "Not a web address (http or https).")
    host = host_of(url)
    if until := session.backed_off_until(host):
        return Deferred(until, "the site asked us to wait (429)", site_asked=True)
    if wait := session.limiter.wait_time(host):
        return Deferred(session.limiter.clock() + wait, "rate limit for this host")
    try:
        if not session.robots_allow(url):
            return Outcome(S.BLOCKED, "robots.txt asks checkers not to fetch this address.")
        final, hops, answer = walk(session, url)
        return classify(session, url, final, hops, answer)
    except OutOfTime as out:
        return Deferred(out.until, "rate limit for this host")
    except httpx.TimeoutException:
        return Outcome(S.ERROR, f"No answer within {settings.LINK_CHECK_TIMEOUT:g} s (timeout).")
    except httpx.TooManyRedirects:
        return Outcome(S.ERROR, "Too many redirects.")
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError, ValueError) as error:
        return Outcome(S.ERROR, f"Not a valid address: {error}"[:500])
    except httpx.HTTPError as error:
        return _network_outcome(error)


def walk(session: Session, url: str, *, method: str = "HEAD"):
    """Follow `url`'s redirects: (final address, [(status, from, to)], the last answer)."""
    hops = []
    current = url
    for _ in range(MAX_HOPS + 1):
        answer = session.send(method, current)
        if method == "HEAD" and answer.status >= 400 and answer.status != 429:
            method = "GET"  # refused or wrong; GET says what a reader gets
            answer = session.send(method, current)
        location = answer.headers.get("location")
        if answer.status not in REDIRECTS or not location:
            return current, hops, answer
        target = urljoin(current, location.strip())
        hops.append((answer.status, current, target))
        current = target
    raise httpx.TooManyRedirects(f"more than {MAX_HOPS} redirects")


def classify(session: Session, url: str, final: str, hops: list, answer: Answer) -> Outcome:
    status = answer.status
    via = f" (after redirects to {final})" if hops else ""
    if _challenge(session, final, answer):
        return Outcome(S.BLOCKED, f"{status}: a bot challenge, not the page{via}.", status)
    if 200 <= status < 300:
        return _answered(session, url, final, hops, answer)
    if status in (404, 410):
        return Outcome(S.GONE, f"{status} {answer.reason or 'Not Found'}{via}.", status)
    if status == 429:
        retry = _retry_after(answer.headers.get("retry-after"))
        session.back_off(host_of(final), retry or 60)
        wait = f" (asks to retry after {retry:g} s)" if retry else ""
        return Outcome(S.BLOCKED, f"429 Too Many Requests{wait}.", status, retry_after=retry)
    if status in (401, 403, 451):
        return Outcome(S.BLOCKED, f"{status} {answer.reason}: not let in{via}.", status)
    if status >= 500:
        return Outcome(S.ERROR, f"{status} {answer.reason}: the site's error{via}.", status)
    if status in REDIRECTS:
        return Outcome(S.ERROR, f"{status} without a Location to follow.", status)
    return Outcome(S.ERROR, f"{status} {answer.reason}{via}.", status)


def _answered(session, url, final, hops, answer) -> Outcome:
    status = answer.status
    if why := soft404.redirect_soft_404(url, final):
        return Outcome(S.SOFT_404, f"{status}, but {why}.", status)
    if not soft404.is_home(final):
        probed = soft404.probe(session, final, walk)
        if probed is not None:
            if not answer.body:
                answer = session.send("GET", final)
            if soft404.looks_like(answer, final, probed):
                return Outcome(
                    S.SOFT_404, f"{status}, but the site answers so for any address.", status
                )
    moved = ""
    for hop_status, _from, to in hops:
        if hop_status not in PERMANENT:
            break
        moved = to
    if moved:
        return Outcome(S.REDIRECTED, f"Moved permanently to {moved}.", status, redirect_url=moved)
    if hops:
        return Outcome(S.OK, f"{status} after a temporary redirect to {final}.", status)
    return Outcome(S.OK, f"{status} {answer.reason or 'OK'}.", status)


def _challenge(session: Session, final: str, answer: Answer) -> bool:
    if answer.status not in (403, 429, 503) and not (200 <= answer.status < 300):
        return False
    if answer.headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    if not answer.body and answer.status in (403, 503):
        return False
    title = soft404.title_of(answer).lower()
    return title in CHALLENGE_TITLES or any(mark in answer.body for mark in CHALLENGE_MARKS)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), RETRY_AFTER_MAX))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    seconds = (when - timezone.now()).total_seconds()
    return min(max(seconds, 0.0), RETRY_AFTER_MAX) or None


def _network_outcome(error: Exception) -> Outcome:
    cause = error
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            if cause.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                return Outcome(S.GONE, "The host does not exist (DNS: no such name).")
            return Outcome(S.ERROR, f"DNS lookup failed: {cause.strerror or cause}."[:500])
        if isinstance(cause, ssl.SSLError):
            return Outcome(S.ERROR, f"TLS failed: {cause.reason or cause}."[:500])
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        ):
            return Outcome(S.ERROR, "Connection refused.")
        cause = cause.__cause__ or cause.__context__
    return Outcome(S.ERROR, f"Network error: {error}"[:500])
