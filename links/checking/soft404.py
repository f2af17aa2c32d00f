"""Pages that say "found" about what is not there: a redirect to the home page (or to an error
page), and hosts that answer 200 for any address, told by asking for a random path once per
host per pass and comparing the URL's page with that answer."""

import html
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from links.checking.session import Answer, Session, origin_of

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_ERROR_PATH = re.compile(r"/(404|not-?found|page-?not-?found|error)(\.html?|\.php)?/?$", re.I)


def title_of(answer: Answer) -> str:
    match = _TITLE.search(answer.body)
    if not match:
        return ""
    text = html.unescape(match.group(1).decode("utf-8", errors="replace"))
    return " ".join(text.split())


def is_home(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _site(host: str) -> str:
    return host.lower().removeprefix("www.")


def redirect_soft_404(original: str, final: str) -> str:
    """Why a redirect from `original` to `final` hides a missing page, or ''."""
    if final == original:
        return ""  # no redirect: a page may well be called /404
    if is_home(final) and not is_home(original):
        same = _site(urlsplit(final).hostname or "") == _site(urlsplit(original).hostname or "")
        return "redirects to the home page" + ("" if same else f" of another site ({final})")
    if _ERROR_PATH.search(urlsplit(final).path):
        return f"redirects to an error page ({final})"
    return ""


@dataclass(frozen=True)
class Probe:
    asked: str  # the random address
    final: str  # where its redirects, if any, ended
    answer: Answer


def probe(session: Session, url: str, walk) -> Probe | None:
    """What `url`'s host answers for a random path when it answers 200 (a soft-404 host),
    else None. Asked once per origin per pass (`walk` follows its
    redirects the way the URL's were followed)."""
    origin = origin_of(url)
    with session.origin_lock(origin):
        if origin not in session.probes:
            random_url = f"{origin}/{secrets.token_hex(12)}-newsroom-link-check"
            try:
                final, _hops, answer = walk(session, random_url, method="GET")
            except httpx.HTTPError:
                # The probe failed, not the URL: no verdict on the host (the URL stays ok).
                session.probes[origin] = None
                return None
            found = 200 <= answer.status < 300
            session.probes[origin] = Probe(random_url, final, answer) if found else None
        return session.probes[origin]


def looks_like(answer: Answer, final: str, probed: Probe) -> bool:
    """Whether the URL's page is the page the host gives for a random path: both redirected
    to the same address, or both pages bear the same title."""
    if probed.final != probed.asked and final == probed.final:
        return True
    title = title_of(answer)
    return bool(title) and title == title_of(probed.answer)
