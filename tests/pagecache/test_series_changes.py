"""The series pages, feeds and index after deletions, renames, hiding and moves of parts."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, SeriesFactory
from tests.pagecache.pages import MISS, served, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters():
    series = SeriesFactory(title="Letters", slug="letters")
    first = ArticleFactory(title="First Letter", series=series, series_part=1)
    second = ArticleFactory(title="Second Letter", series=series, series_part=2)
    return series, first, second


def test_deleting_a_public_part_turns_over_the_series_and_neighbours(client, letters, committed):
    series, first, second = letters
    feed = reverse("feeds:series-rss", args=[series.slug])
    warm(client, series.get_absolute_url(), feed, first.get_absolute_url())

    with committed():
        Article.objects.get(pk=second.pk).delete()

    for url in (series.get_absolute_url(), feed, first.get_absolute_url()):
        how, page = served(client, url)
        assert "Second Letter" not in page, url
        assert how == MISS, url


def test_hiding_a_series_takes_its_feed_and_index_entry_off(client, letters, committed):
    series, first, _ = letters
    feed = reverse("feeds:series-rss", args=[series.slug])
    index = reverse("articles:series-list")
    warm(client, feed, index)

    with committed():
        series.is_public = False
        series.save()

    assert client.get(feed).status_code == 404
    how, page = served(client, index)
    assert "Letters" not in page


def test_renaming_a_series_renames_it_on_its_pages(client, letters, committed):
    series, first, _ = letters
    feed = reverse("feeds:series-rss", args=[series.slug])
    index = reverse("articles:series-list")
    warm(client, feed, index, series.get_absolute_url(), first.get_absolute_url())

    with committed():
        series.title = "Postcards"
        series.save()

    for url in (feed, index, series.get_absolute_url(), first.get_absolute_url()):
        _, page = served(client, url)
        assert "Postcards" in page, url


def test_moving_a_series_only_public_part_updates_the_series_index(client, committed):
    """X's only public part moves to Y (which had none): the index must list Y, not X (whose
    page is now a 404)."""
    from articles import services as publishing  # noqa: PLC0415

    x = SeriesFactory(title="Xylophones", slug="xylophones")
    y = SeriesFactory(title="Yodels", slug="yodels")
    part = ArticleFactory(title="Only Part", series=x, series_part=1)
    index = reverse("articles:series-list")
    warm(client, index)

    with committed():
        moved = Article.objects.get(pk=part.pk)
        moved.series = y
        publishing.article_save(article=moved, user=None)

    assert client.get(x.get_absolute_url()).status_code == 404
    how, page = served(client, index)
    assert "Yodels" in page and "Xylophones" not in page, how


def test_a_public_article_joining_a_series_puts_it_in_the_index(client, committed):
    from articles import services as publishing  # noqa: PLC0415

    y = SeriesFactory(title="Yodels", slug="yodels")
    ArticleFactory(title="Elsewhere")  # the index is not empty of articles
    article = ArticleFactory(title="Loner")
    index = reverse("articles:series-list")
    warm(client, index)

    with committed():
        joined = Article.objects.get(pk=article.pk)
        joined.series, joined.series_part = y, 1
        publishing.article_save(article=joined, user=None)

    how, page = served(client, index)
    assert "Yodels" in page, how


def test_moving_a_series_only_public_part_updates_the_series_sitemap(client, committed):
    from articles import services as publishing  # noqa: PLC0415

    x = SeriesFactory(title="Xylophones", slug="xylophones")
    y = SeriesFactory(title="Yodels", slug="yodels")
    part = ArticleFactory(title="Only Part", series=x, series_part=1)
    sitemap = "/sitemap-series.xml"
    warm(client, sitemap)

    with committed():
        moved = Article.objects.get(pk=part.pk)
        moved.series = y
        publishing.article_save(article=moved, user=None)

    how, page = served(client, sitemap)
    assert "/series/yodels/" in page and "/series/xylophones/" not in page, how
