"""Archived copies: each outbound link of a published article gets the Wayback address of its
URL at the moment the article was published (links/wayback.py), kept on the article's use of
it (`LinkUse.archive_url`, `archived_on`), for readers to be offered when the link dies
(links/readers.py).

- When an article is published or scheduled (`articles.signals.article_public_state_changed`),
  its uses without an address get the one of its publication time, in the publishing
  transaction (a couple of queries, no request to anyone).
- An address once recorded is kept: republishing, moving the publication time or unpublishing
  a live article never moves it. Only an address whose moment has not come yet (recorded for
  a scheduled article that has not gone live) is provisional: moved with the schedule, taken
  away if the article goes back to draft before going live. So a scheduled article's links
  carry the moment it goes live, with nothing to do at that moment.
- A URL first used by an article already published gets the moment it is first seen
  published: whoever writes an article's uses (links/inventory.py) calls
  `record_for_article(article)` after writing them. Idempotent, any number of times.
- With `LINK_ARCHIVE_SAVE`, each newly recorded URL is also sent to the Archive's "Save Page
  Now" by a background task after the commit (links/archive_saving.py), never in the request.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

import pagecache.invalidate
from articles.models import Article
from articles.public_state import PublicState
from articles.querysets import Status
from links import archive_saving, wayback
from links.models import LinkUse


def record_for_article(article: Article | int, *, at: datetime | None = None) -> int:
    """Give the uses of a published (or scheduled) article that have no archive address one;
    move the provisional ones of a scheduled article to its time; take them away from an
    article no longer published. `at`: the moment for the uses without one (by default the
    publication time when the article has none recorded yet or has not gone live: the uses it
    was published with; else now: a URL added since). Returns how many uses changed."""
    pk = article if isinstance(article, int) else article.pk
    row = Article.objects.filter(pk=pk).values_list("status", "published_at").first()
    if row is None:
        return 0
    status, published_at = row
    now = timezone.now()
    uses = list(LinkUse.objects.filter(article_id=pk).select_related("link"))
    provisional = [u for u in uses if u.archive_url and _provisional(u, now)]
    if status != Status.PUBLISHED or published_at is None:
        return _clear(provisional)
    if at is None:
        first = not any(u.archive_url for u in uses)
        at = published_at if first or published_at > now else now
    changed, saving = [], []
    for use in uses:
        if use.archive_url and use not in provisional:
            continue
        when = published_at if use.archive_url else at
        address = wayback.wayback_address(use.link.url, when)
        if address is None or address == use.archive_url:
            continue
        if not use.archive_url:
            saving.append(use.link.url)
        use.archive_url, use.archived_on = address, timezone.localdate(when)
        changed.append(use)
    _write(changed)
    if saving:
        archive_saving.save_soon(saving)
    return len(changed)


def on_public_state_changed(sender, article, before, after: PublicState | None, **kwargs):
    """`article_public_state_changed` receiver (LinksConfig.ready): published or scheduled,
    its links get their addresses; back to draft before going live, the provisional ones go.
    A deleted article's uses go with it."""
    if after is not None:
        record_for_article(article, at=article.published_at)


def _provisional(use: LinkUse, now: datetime) -> bool:
    moment = wayback.moment_of(use.archive_url)
    return moment is not None and moment > now


def _clear(uses: list[LinkUse]) -> int:
    for use in uses:
        use.archive_url, use.archived_on = "", None
    _write(uses)
    return len(uses)


def _write(uses: list[LinkUse]) -> None:
    if not uses:
        return
    with transaction.atomic():
        LinkUse.objects.bulk_update(uses, ["archive_url", "archived_on"])
        # bulk_update sends no model signal: the pages of the articles they belong to are
        # stale as a save of each would make them (pagecache: LinkUse is a part of the article).
        pagecache.invalidate.objects_changed(*uses)
