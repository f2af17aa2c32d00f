"""Which articles are worth a full score: those sharing something rare with the source."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from operator import itemgetter

from articles.models import Article, ArticleFigure, TaggedArticle
from recommendations.features import FeaturedArtist, FeaturedArtwork
from recommendations.scoring import SHORTLIST, Features, Scorer

Postings = Mapping[int, Iterable[int]]


def shortlist(
    source: Features,
    *,
    scorer: Scorer,
    by_tag: Postings,
    by_artist: Postings,
    by_artwork: Postings,
    by_series: Postings | None = None,
) -> list[int]:
    """Ids of the articles sharing the most (by weight) rare tags, artists and artworks, and
    the other parts of the source's series."""
    partial: dict[int, float] = defaultdict(float)
    for tag in source.tags:
        if scorer.nominates(tag):
            weight = scorer.tag_weight(tag)
            for other in by_tag.get(tag, ()):
                partial[other] += weight
    for postings, ids, weight in (
        (by_artist, source.artists, scorer.weights.artist),
        (by_artwork, source.artworks, scorer.weights.artwork),
    ):
        for key in ids:
            for other in postings.get(key, ()):
                partial[other] += weight
    if source.series_id is not None and by_series:
        for other in by_series.get(source.series_id, ()):
            partial[other] += scorer.weights.series
    partial.pop(source.id, None)
    # A C-level sort with a C-level key beats heapq here (a few hundred entries per article).
    ranked = sorted(partial.items(), key=itemgetter(1), reverse=True)
    return [pk for pk, _weight in ranked[:SHORTLIST]]


def postings_in_memory(features: Mapping[int, Features], scorer: Scorer):
    """Inverted lists over every candidate article, for the full rebuild."""
    by_tag, by_artist, by_artwork = defaultdict(list), defaultdict(list), defaultdict(list)
    by_series = defaultdict(list)
    for article in features.values():
        if article.series_id is not None:
            by_series[article.series_id].append(article.id)
        for tag in article.tags:
            if scorer.nominates(tag):
                by_tag[tag].append(article.id)
        for artist in article.artists:
            by_artist[artist].append(article.id)
        for artwork in article.artworks:
            by_artwork[artwork].append(article.id)
    return by_tag, by_artist, by_artwork, by_series


def postings_from_database(source: Features, scorer: Scorer):
    """The inverted lists for the source's own tags, artists, artworks and series only.

    They are read by key alone, without joining articles for their status: SQLite's planner
    would walk every published article through the status index instead. Articles that are not
    candidates drop out when the shortlist's features are loaded (load_features filters)."""
    rare_tags = [tag for tag in source.tags if scorer.nominates(tag)]
    by_tag = _group(
        TaggedArticle.objects.filter(tag_id__in=rare_tags), "tag_id", "content_object_id"
    )
    by_artist = _group(
        FeaturedArtist.objects.filter(artist_id__in=source.artists), "artist_id", "article_id"
    )
    by_artwork = _group(
        FeaturedArtwork.objects.filter(artwork_id__in=source.artworks), "artwork_id", "article_id"
    )
    figures = ArticleFigure.objects.filter(artwork_id__in=source.artworks).values_list(
        "artwork_id", "article_id"
    )
    for artwork_id, article_id in figures:
        if article_id not in by_artwork[artwork_id]:
            by_artwork[artwork_id].append(article_id)
    by_series = {}
    if source.series_id is not None:  # one query, for an article in a series only
        parts = Article.objects.filter(series_id=source.series_id).values_list("pk", flat=True)
        by_series[source.series_id] = list(parts)
    return by_tag, by_artist, by_artwork, by_series


def _group(queryset, key: str, value: str) -> dict[int, list[int]]:
    grouped = defaultdict(list)
    for key_id, value_id in queryset.order_by().values_list(key, value):
        grouped[key_id].append(value_id)
    return grouped
