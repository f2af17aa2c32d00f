"""A series' pages, feeds and its parts' navigation turn over when a part is published,
unpublished or moved between series, and not otherwise."""

import pytest
from django.urls import reverse

from articles import services as publishing
from articles.models import Article
from tests.factories import ArticleFactory, SeriesFactory
from tests.pagecache.pages import fresh, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters():
    series = SeriesFactory(title="Letters", slug="letters")
    first = ArticleFactory(title="First Letter", series=series, series_part=1)
    second = ArticleFactory(title="Second Letter", series=series, series_part=2)
    third = ArticleFactory(title="Third Letter", series=series, series_part=3, draft=True)
    return series, first, second, third


def test_publishing_a_part_turns_over_the_series_and_its_parts_pages(client, letters, committed):
    series, first, second, third = letters
    feed = reverse("feeds:series-rss", args=[series.slug])
    warm(client, series.get_absolute_url(), feed, first.get_absolute_url(),
         second.get_absolute_url(), reverse("articles:series-list"))  # fmt: skip

    with committed():
        publishing.article_publish(article=Article.objects.get(pk=third.pk), user=None)

    fresh(client, series.get_absolute_url(), shows=["Third Letter"])
    fresh(client, feed, shows=["Third Letter"])
    fresh(client, second.get_absolute_url(), shows=["Part 2 of 3", "Next: Third Letter"])
    fresh(client, first.get_absolute_url(), shows=["Part 1 of 3"])


def test_unpublishing_a_part_takes_it_out_of_its_neighbours_navigation(client, letters, committed):
    series, first, second, _ = letters
    warm(client, first.get_absolute_url(), series.get_absolute_url())

    with committed():
        publishing.article_unpublish(article=Article.objects.get(pk=second.pk), user=None)

    fresh(client, first.get_absolute_url(), shows=["Part 1 of 1"], hides=["Second Letter"])
    fresh(client, series.get_absolute_url(), hides=["Second Letter"])


def test_moving_a_part_to_another_series_turns_over_both(client, letters, committed):
    series, first, second, _ = letters
    other = SeriesFactory(title="Postcards", slug="postcards")
    ArticleFactory(title="A Postcard", series=other, series_part=1)
    warm(client, first.get_absolute_url(), series.get_absolute_url(), other.get_absolute_url())

    with committed():
        moved = Article.objects.get(pk=second.pk)
        moved.series, moved.series_part = other, 2
        publishing.article_save(article=moved, user=None)

    fresh(client, series.get_absolute_url(), hides=["Second Letter"])
    fresh(client, other.get_absolute_url(), shows=["Second Letter"])
    fresh(client, first.get_absolute_url(), hides=["Second Letter"])


def test_hiding_a_series_hides_its_navigation_and_pages(client, letters, committed):
    series, first, _, _ = letters
    warm(client, first.get_absolute_url(), series.get_absolute_url())

    with committed():
        series.is_public = False
        series.save()

    fresh(client, first.get_absolute_url(), hides=["Part 1 of"])
    assert client.get(series.get_absolute_url()).status_code == 404
