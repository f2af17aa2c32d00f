"""Whether a request to the click redirect or the impression beacon may be counted: a reader's
browser, showing the page to a person who has not asked not to be counted.

Read from the request's headers only, at once, and kept nowhere (docs/privacy.md). Not counted:

- a known crawler or HTTP library, by its User-Agent: the `crawlerdetect` package (the Python
  port of JayBizzle's Crawler-Detect, some 1,500 patterns kept up to date upstream) rather
  than a short list of our own, which would go stale with every new bot; plus two rules of
  ours: an empty User-Agent, and one that does not start like every browser's does
  ("Mozilla/", or old Opera's "Opera/"): a script that names itself otherwise is no reader;
- a prefetch or prerender the browser made on its own (Sec-Purpose, Purpose, X-Purpose,
  X-Moz): nobody has seen or chosen anything yet;
- a reader who says Do Not Track (`DNT: 1`) or Global Privacy Control (`Sec-GPC: 1`);
- staff browsing the site: a request whose session cookie names a live session of an active
  staff user (staff_session()). The session is read only when its cookie came, and read from
  the session store directly, never through `request.session`: the answer neither varies by
  cookie nor touches it (a session that is gone is not logged out here), and nothing is written.

A headless Chromium ("HeadlessChrome", as Playwright drives it) is a browser like any other:
Crawler-Detect's generic "headless" pattern would take it for a bot, so the word is read as
plain "Chrome". A crawler that runs one announces itself as well (Googlebot, YextBot, ...), and
is still caught by its own name."""

import logging
import re
from importlib import import_module

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError

log = logging.getLogger(__name__)

# Header (as in request.META): the tokens of its value that mean "not shown to anyone yet".
_PREFETCH = {
    "HTTP_SEC_PURPOSE": {"prefetch", "prerender"},
    "HTTP_PURPOSE": {"prefetch", "prerender"},
    "HTTP_X_PURPOSE": {"preview", "prefetch"},
    "HTTP_X_MOZ": {"prefetch"},
}
_TOKEN = re.compile(r"[a-z-]+")
_HEADLESS = re.compile(r"HeadlessChrome", re.IGNORECASE)
_BROWSER_PREFIXES = ("mozilla/", "opera/")


def may_count(request) -> bool:
    """True when this request is a reader's own, and the reader has not opted out."""
    meta = request.META
    return not (
        opted_out(meta)
        or is_prefetch(meta)
        or from_elsewhere(meta)
        or is_robot(meta.get("HTTP_USER_AGENT", ""))
        or staff_session(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
    )


def staff_session(session_key: str | None) -> bool:
    """Whether `session_key` (the session cookie's value) is a live session of an active staff
    user: two reads (the session, the user), none without a cookie. A session whose password
    has changed since still counts as staff here: at worst a count is not made."""
    if not session_key:
        return False
    try:
        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)
        user_id = store.get(SESSION_KEY)
        if user_id is None:
            return False
        users = get_user_model()._default_manager
        pk = users.model._meta.pk.to_python(user_id)
        return users.filter(pk=pk, is_staff=True, is_active=True).exists()
    except (ValidationError, ValueError, TypeError):
        return False  # not a user id of ours: not staff
    except DatabaseError:
        # Cannot tell: not counted (a count lost, never a staff member's counted; the count
        # itself would likely fail too).
        log.warning("Could not read a session to tell staff from readers", exc_info=True)
        return True


def from_elsewhere(meta) -> bool:
    """A request another site's page made (an <img> pointing at a click address, a no-cors
    POST of a copied token): browsers say so in Sec-Fetch-Site. A reader's click on our card
    and our own beacon are same-origin; a browser that sends no such header is not refused."""
    site = meta.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
    return site not in ("", "same-origin", "none")


def opted_out(meta) -> bool:
    return meta.get("HTTP_DNT", "").strip() == "1" or meta.get("HTTP_SEC_GPC", "").strip() == "1"


def is_prefetch(meta) -> bool:
    for header, meanings in _PREFETCH.items():
        if meanings & set(_TOKEN.findall(meta.get(header, "").lower())):
            return True
    return False


def is_robot(user_agent: str) -> bool:
    agent = user_agent.strip()
    if not agent.lower().startswith(_BROWSER_PREFIXES):
        return True  # empty, or a program that does not pass for a browser
    # A new detector each time: its own cache of agents seen dies with it, so no User-Agent
    # outlives the request (the patterns are compiled once, by the package).
    return CrawlerDetect().is_crawler(_HEADLESS.sub("Chrome", agent))
