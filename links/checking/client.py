"""The checker's HTTP client: who it says it is, how long it waits, how many connections."""

import httpx
from django.conf import settings

# Enough of a page to read its <title> and a challenge's markers; the rest is never read.
BODY_BYTES = 64 * 1024


def user_agent() -> str:
    """A User-Agent that names the site and how to reach it, as robots.txt authors ask."""
    parts = [p for p in (settings.LINK_CHECK_SITE_URL, settings.LINK_CHECK_CONTACT) if p]
    about = f" (+{'; '.join(parts)})" if parts else ""
    return f"NewsroomLinkChecker/1.0{about}"


def make_client() -> httpx.Client:
    """One client per pass, shared by its threads (httpx's Client is thread-safe): at most
    LINK_CHECK_CONNECTIONS connections at once, LINK_CHECK_TIMEOUT seconds per phase (connect,
    each read, pool wait), redirects followed by the checker itself (fetching.py)."""
    connections = settings.LINK_CHECK_CONNECTIONS
    return httpx.Client(
        headers={"User-Agent": user_agent(), "Accept": "text/html,*/*;q=0.8"},
        timeout=httpx.Timeout(settings.LINK_CHECK_TIMEOUT),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: the checker asks the site itself
    )
