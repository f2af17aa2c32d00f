"""Read-side queries for the "You may also like" block: stored links only, never a score.

Whether a target may be shown is decided when the block is read, through
Article.objects.published(): a target unpublished, turned back into a draft or scheduled for
later drops out of every block at once, with no recompute.
"""

from django.conf import settings

from articles.models import Article
from recommendations.models import RelatedLink


def related_links_for(article: Article, *, policy: str | None = None, limit: int | None = None):
    """The links shown under `article`, in block order (pinned by position, then approved, then
    suggestions best first), with each target and its section: one query.

    `policy` defaults to settings.RECOMMENDATIONS_MODERATION ("post" shows suggestions, "pre"
    only approved and pinned links); `limit` to settings.RECOMMENDATIONS_BLOCK_SIZE.
    """
    return _shown_links(article, policy, limit).select_related("target__section")


def related_target_ids(article: Article, *, policy: str | None = None, limit: int | None = None):
    """The ids of the articles those links point at, in block order: one query, nothing built
    but integers (the block's cards are kept in the cache, cards.py)."""
    return list(_shown_links(article, policy, limit).values_list("target_id", flat=True))


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
