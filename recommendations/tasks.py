"""Background work for recommendations, through Django's tasks framework."""

from django.tasks import task

from articles.models import Article
from pagecache import invalidate as pages
from recommendations import engine
from recommendations.models import RelatedLink


@task
def refresh_article_recommendations(article_id: int):
    """Recompute an article's suggestions and its place in other articles' lists."""
    touched = _linked_to(article_id)
    engine.refresh_article(article_id)
    # The engine writes links in bulk (no signals): the blocks it may have changed are the
    # article's own and those of every article that links to it, before or after.
    touched |= _linked_to(article_id) | {article_id}
    pages.pages_showing(Article, touched)


def _linked_to(article_id: int) -> set[int]:
    return set(RelatedLink.objects.filter(target_id=article_id).values_list("source_id", flat=True))
