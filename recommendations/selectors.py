"""Read-side queries for the "You may also like" block: stored links only, never a score.

Whether a target may be shown is decided when the block is read, through
Article.objects.published(): a target unpublished, turned back into a draft or scheduled for
later drops out of every block at once, with no recompute.
"""

from functools import cache

from django.conf import settings
from django.utils import timezone

from articles.models import Article
from articles.querysets import is_live
from recommendations.models import RelatedLink, block_order_key
from sqlreads import compiled


def related_links_for(article: Article, *, policy: str | None = None, limit: int | None = None):
    """The links shown under `article`, in block order (pinned by position, then approved, then
    suggestions best first), with each target and its section: one query.

    `policy` defaults to settings.RECOMMENDATIONS_MODERATION ("post" shows suggestions, "pre"
    only approved and pinned links); `limit` to settings.RECOMMENDATIONS_BLOCK_SIZE.
    """
    return _shown_links(article, policy, limit).select_related("target__section")


def related_target_ids(article: Article, *, policy: str | None = None, limit: int | None = None):
    """The ids of the articles those links point at, in block order, nothing built but values:
    every shown link of the source with its target's status and publication time (a few rows:
    the engine keeps twice a block's suggestions), filtered by is_live() and ordered by
    block_order_key(), the Python twins of published() and in_block_order(). One query that
    Django compiles in a third of the time of the ordered, filtered one, and only once per
    process (sqlreads/compiled.py; the block's cards are kept in the cache, cards.py)."""
    if policy is None:
        policy = settings.RECOMMENDATIONS_MODERATION
    if limit is None:
        limit = settings.RECOMMENDATIONS_BLOCK_SIZE
    rows = _links_read(policy).rows(source=article.pk)
    now = timezone.now()
    live = [row for row in rows if is_live(row[4], row[5], now)]
    live.sort(key=lambda row: block_order_key(row[1], row[2], row[3], row[0]))
    return [row[0] for row in live[:limit]]


@cache
def _links_read(policy: str) -> compiled.Read:
    """Every shown link of a source, with its target's status and publication time."""
    return compiled.Read(
        lambda source: (
            RelatedLink.objects.filter(source_id=source)
            .shown(policy=policy)
            .values_list(
                "target_id", "status", "position", "score", "target__status", "target__published_at"
            )
        ),
        source=int,
    )


def _shown_links(article, policy, limit):
    if policy is None:
        policy = settings.RECOMMENDATIONS_MODERATION
    if limit is None:
        limit = settings.RECOMMENDATIONS_BLOCK_SIZE
    return (
        RelatedLink.objects.filter(source=article, target__in=Article.objects.published())
        .shown(policy=policy)
        .in_block_order()[:limit]
    )
