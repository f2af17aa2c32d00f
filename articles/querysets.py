"""What the public may see: ArticleQuerySet.published() is the single truth, used everywhere."""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def with_status_published(self):
        return self.filter(status=self.model.Status.PUBLISHED)

    def live_at(self, when):
        """Published articles whose publication time has come by `when`."""
        return self.with_status_published().filter(published_at__lte=when)

    def published(self):
        """What readers may see now: published, and the publication time has passed."""
        return self.live_at(timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """What an article card shows (section, byline, lead image), in a fixed number of
        queries however many articles are listed."""
        return self.select_related("section").prefetch_related(
            _byline_prefetch(), _figures_prefetch(with_captions=False)
        )

    def for_detail(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.select_related("section").prefetch_related(
            _byline_prefetch(),
            _figures_prefetch(with_captions=True),
            "tags",
            "links",
            "featured_artists",
        )


def _byline_prefetch():
    from articles.models import ArticleAuthor  # noqa: PLC0415 (models import this module)

    return Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author"))


def card_figures_prefetch(*, through: str = "") -> Prefetch:
    """The figures an article card needs for its lead image (as for_listing() loads them), for
    articles listed elsewhere (the admin) or reached through a relation: `through="target"`
    from a model whose `target` is an article."""
    return _figures_prefetch(with_captions=False, through=through)


def _figures_prefetch(*, with_captions: bool, through: str = ""):
    from articles.models import ArticleFigure  # noqa: PLC0415

    # Each figure's picture comes with it: its upload, the artwork image chosen, or the
    # artwork's images (the first shows; their manager joins their Image rows).
    figures = ArticleFigure.objects.select_related("image", "artwork", "artwork_image__image")
    lookups = ["artwork__images"]
    if with_captions:
        lookups.append("artwork__artist_credits__artist")
    lookup = f"{through}__figures" if through else "figures"
    return Prefetch(lookup, queryset=figures.prefetch_related(*lookups))
