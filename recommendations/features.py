"""Reading article features from the database for scoring, in bulk and a few queries."""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Count, F, When
from django.utils import timezone

from articles.models import Article, ArticleFigure, TaggedArticle
from recommendations.scoring import Features, Scorer, Weights

FeaturedArtist = Article.featured_artists.through
FeaturedArtwork = Article.featured_artworks.through


def candidate_articles():
    """Articles that may be linked: published, including scheduled ones, which the public
    block filters out until their time comes (so they appear at that instant, no job needed)."""
    return Article.objects.with_status_published()


def load_features(article_ids: Iterable[int] | None = None) -> dict[int, Features]:
    """Features of the candidate articles (all of them, or those among article_ids)."""
    articles = candidate_articles()
    if article_ids is not None:
        articles = articles.filter(pk__in=list(article_ids))
    # A series counts only while readers may see it (its title is told under the cards).
    public_series = Case(When(series__is_public=True, then=F("series_id")), default=None)
    rows = list(
        articles.annotate(public_series=public_series).values_list(
            "pk", "section_id", "published_at", "evergreen", "public_series"
        )
    )
    ids = [row[0] for row in rows]
    scope = {} if article_ids is None else {"pk__in": ids}
    stream = article_ids is None
    tags = _pairs(
        TaggedArticle, "content_object_id", "tag_id", articles_scope(scope), stream=stream
    )
    artists = _pairs(
        FeaturedArtist, "article_id", "artist_id", articles_scope(scope, "article"), stream=stream
    )
    artworks = _pairs(
        FeaturedArtwork, "article_id", "artwork_id", articles_scope(scope, "article"), stream=stream
    )
    for article_id, artwork_id in _figure_artworks(scope):
        artworks[article_id].add(artwork_id)
    return {
        pk: Features(
            id=pk,
            section_id=section_id,
            published_at=published_at,
            tags=frozenset(tags.get(pk, ())),
            artists=frozenset(artists.get(pk, ())),
            artworks=frozenset(artworks.get(pk, ())),
            evergreen=evergreen,
            series_id=series_id,
        )
        for pk, section_id, published_at, evergreen, series_id in rows
    }


def articles_scope(scope: dict, relation: str = "content_object") -> dict:
    """Filter kwargs that keep a through table to candidate articles (or the given ids)."""
    if "pk__in" in scope:
        return {f"{relation}_id__in": scope["pk__in"]}
    return {f"{relation}__status": Article.Status.PUBLISHED}


def _pairs(model, left: str, right: str, filters: dict, *, stream: bool) -> dict[int, set[int]]:
    grouped = defaultdict(set)
    rows = model.objects.filter(**filters).order_by().values_list(left, right)
    if stream:  # every candidate article: read in chunks rather than hold all rows twice
        rows = rows.iterator(chunk_size=20000)
    for left_id, right_id in rows:
        grouped[left_id].add(right_id)
    return grouped


def _figure_artworks(scope: dict):
    figures = ArticleFigure.objects.filter(artwork__isnull=False)
    if "pk__in" in scope:
        figures = figures.filter(article_id__in=scope["pk__in"])
    else:
        figures = figures.filter(article__status=Article.Status.PUBLISHED)
    return figures.order_by().values_list("article_id", "artwork_id")


# How many candidate articles there are and carry each tag, for rarity. Counting a common tag
# costs tens of milliseconds at 100,000 articles, too much for every publish, and rarity hardly
# moves in an hour: the counts are cached, set afresh by every full rebuild.
SITE_COUNTS_KEY = "recommendations:site-counts"
SITE_COUNTS_SECONDS = 3600


def site_counts() -> tuple[int, dict[int, int]]:
    """(number of candidate articles, {tag id: articles carrying it}), cached."""
    counts = cache.get(SITE_COUNTS_KEY)
    if counts is None:
        tags = (
            TaggedArticle.objects.filter(content_object__status=Article.Status.PUBLISHED)
            .values("tag_id")
            .annotate(articles=Count("content_object_id"))
            .order_by()
            .values_list("tag_id", "articles")
        )
        counts = (candidate_articles().count(), dict(tags))
        remember_site_counts(*counts)
    return counts


def remember_site_counts(article_count: int, tag_counts: dict[int, int]):
    cache.set(SITE_COUNTS_KEY, (article_count, tag_counts), SITE_COUNTS_SECONDS)


def scorer_for(*, article_count: int, tag_counts: dict[int, int]) -> Scorer:
    weights = settings.RECOMMENDATIONS_WEIGHTS
    return Scorer(
        weights=Weights(
            tag=weights["tag"],
            artist=weights["artist"],
            artwork=weights["artwork"],
            section=weights["section"],
            series=weights["series"],
        ),
        floor=settings.RECOMMENDATIONS_FLOOR,
        half_life_days=settings.RECOMMENDATIONS_HALF_LIFE_DAYS,
        now=timezone.now(),
        article_count=article_count,
        tag_counts=tag_counts,
    )


def stored_per_article() -> int:
    """Suggestions kept per article: twice the block, so rejections leave enough to show."""
    return settings.RECOMMENDATIONS_BLOCK_SIZE * 2
