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
- a reader who says Do Not Track (`DNT: 1`) or Global Privacy Control (`Sec-GPC: 1`).

A headless Chromium ("HeadlessChrome", as Playwright drives it) is a browser like any other:
Crawler-Detect's generic "headless" pattern would take it for a bot, so the word is read as
plain "Chrome". A crawler that runs one announces itself as well (Googlebot, YextBot, ...), and
is still caught by its own name."""

import re

from crawlerdetect import CrawlerDetect

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
    )


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
