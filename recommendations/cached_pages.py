"""What the page cache needs to know about "You may also like" (registered from
RecommendationsConfig.ready()): a related link is part of its source's page, and an article
entering or leaving the public set changes the blocks of the articles that link to it."""

import pagecache
from articles.models import Article
from recommendations.counting import cached_pages as counting
from recommendations.models import Experiment, RelatedLink


def register() -> None:
    # A link shows on its source's page only; moderation is not content search or sitemaps see.
    pagecache.register_part(RelatedLink, belongs_to=["source"], content=False)
    pagecache.register_footprint(Article, blocks_linking_to)
    counting.register()
    pagecache.not_shown(
        Experiment,
        why="no page shows an experiment; starting or stopping one invalidates the pages with "
        "a block itself (recommendations/experiments.py), since every block is drafted anew",
    )


def blocks_linking_to(article_ids) -> set[str]:
    """The pages whose "You may also like" block links to these articles."""
    sources = RelatedLink.objects.filter(target_id__in=article_ids).values_list(
        "source_id", flat=True
    )
    return {pagecache.object_key(Article, pk) for pk in sources}
