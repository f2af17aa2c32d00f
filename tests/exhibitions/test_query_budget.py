"""The exhibition page and the index cost a fixed number of queries, however many shows,
artists, works and articles they list."""

import datetime

import pytest
from django.urls import reverse

from exhibitions import views
from tests.factories import ArtistFactory, ExhibitionFactory, ImageFactory, VenueFactory
from tests.querybudgets import (
    article_with_everything,
    artwork_with_everything,
    site_settings_exist,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

INDEX = reverse("exhibitions:exhibition-list")

# The index: the site settings (1), the section navigation (1), the cities (1), the shows on
# now (1), upcoming (1) and past (1), each with its venue and image, and the artists of all of
# them (1). No transaction: the page only reads (exhibitions/views.py).
INDEX_QUERIES = 7
# The past shows a page at a time: the cities (1), the count (1), the page (1) and its artists
# (1), the site settings (1) and the navigation (1).
PAST_QUERIES = 6
# A show's page: the show with its venue and image (1) and its artists (1); the site settings
# (1), the navigation (1); the works shown (1) with their first images (1) and credits (1); the
# articles about it (1) with bylines (1) and figures with their pictures (1).
EXHIBITION_PAGE_QUERIES = 10


def shows(count: int) -> None:
    """`count` shows on now, upcoming and past each, in as many cities, with two artists."""
    day = datetime.date
    for i in range(count):
        for opens, closes in (
            (day(2000, 1, 1), day(2099, 1, 1)),
            (day(2098, 1, 1), day(2099, 1, 1)),
            (day(2000, 1, 1), day(2000, 2, 1)),
        ):
            ExhibitionFactory(
                opens_on=opens,
                closes_on=closes,
                venue=VenueFactory(city=f"City {i}"),
                image=ImageFactory(),
                artists=[ArtistFactory(), ArtistFactory()],
            )


@pytest.mark.parametrize("count", [1, 6])
@pytest.mark.parametrize("city", ["", "City 0"])
def test_index_query_budget(client, django_assert_num_queries, count, city):
    shows(count)
    site_settings_exist()

    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(INDEX, {"city": city} if city else {})

    assert response.status_code == 200
    listed = response.content.decode().count('class="card__link" href="/exhibitions/')
    assert listed == (3 if city else 3 * count)


@pytest.mark.parametrize("count", [1, 6])
def test_past_pages_query_budget(client, django_assert_num_queries, monkeypatch, count):
    monkeypatch.setattr(views.ExhibitionListView, "paginate_by", 4)
    shows(count)
    site_settings_exist()

    with django_assert_num_queries(PAST_QUERIES):
        response = client.get(INDEX, {"show": "past", "page": 2 if count > 4 else 1})

    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 8])
def test_exhibition_page_query_budget(client, django_assert_num_queries, count):
    """A show with 2 or 8 artists, works (each with images and credits) and articles about it
    (each with a byline and figures)."""
    exhibition = ExhibitionFactory(image=ImageFactory())
    for _ in range(count):
        artist = ArtistFactory()
        exhibition.artists.add(artist)
        exhibition.artworks.add(artwork_with_everything(artist))
        article_with_everything().featured_exhibitions.add(exhibition)
    site_settings_exist()

    with django_assert_num_queries(EXHIBITION_PAGE_QUERIES):
        response = client.get(exhibition.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="card__link" href="/artworks/') == count
    assert html.count('class="card__link" href="/articles/') == count
