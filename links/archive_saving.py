"""Asking the Internet Archive to save pages ("Save Page Now": a GET of
`<LINK_ARCHIVE_BASE>/save/<url>`), off unless `LINK_ARCHIVE_SAVE` is on: it sends every
outbound URL of a published article to a third party, and a machine without internet access
has nothing to send it to.

Never in a request: `save_soon()` queues a background task after the commit (the tasks
framework: with the immediate backend it runs right after the commit, with the database
backend in `manage.py db_worker`). The task is polite and bounded: one request at a time, a
User-Agent naming the site, a short timeout, at most `MAX_PER_TASK` URLs per task; a failure is
logged and dropped (the archived copy's address is recorded anyway: the Archive may have the
page from its own crawls)."""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django.tasks import task

from links import wayback

log = logging.getLogger(__name__)

MAX_PER_TASK = 50
TIMEOUT_SECONDS = 20
USER_AGENT = "Newsroom-link-archiver/1.0 (an art publisher's CMS asking to save the pages it cites)"


def save_soon(urls: list[str]) -> None:
    """Queue a save request for each of `urls` after the commit, when saving is on."""
    if not settings.LINK_ARCHIVE_SAVE:
        return
    urls = sorted(set(urls))
    for start in range(0, len(urls), MAX_PER_TASK):
        batch = urls[start : start + MAX_PER_TASK]
        transaction.on_commit(lambda batch=batch: save_pages.enqueue(batch), robust=True)


@task
def save_pages(urls: list[str]) -> int:
    """Ask the Archive to save each page; returns how many it accepted (2xx or 3xx)."""
    if not settings.LINK_ARCHIVE_SAVE:
        return 0
    saved = 0
    for url in urls[:MAX_PER_TASK]:
        address = wayback.save_address(url)
        if address is not None and _request(address):
            saved += 1
    return saved


def _request(address: str) -> bool:
    if not address.lower().startswith(("https://", "http://")):
        return False  # LINK_ARCHIVE_BASE set to another scheme (file:): never opened
    # S310 is about file: and custom schemes, refused above.
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            response.read(64 * 1024)
            return 200 <= response.status < 400
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        log.warning("The Internet Archive did not save %s: %s", address, error)
        return False
