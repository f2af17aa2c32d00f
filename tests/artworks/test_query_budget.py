"""The artwork list and an artwork's page cost a fixed number of queries, however many works,
credits, images and articles they show."""

import pytest
from django.urls import reverse

from tests.factories import ArtistFactory, ExhibitionFactory
from tests.querybudgets import (
    ATOMIC_REQUEST,
    article_with_everything,
    artwork_with_everything,
    site_settings_exist,
)

pytestmark = pytest.mark.django_db

# The list: the count for the pages (1), the site settings (1), the section navigation (1), the
# page of artworks (1) with their first images (1) and credits with the artists' names (1).
ARTWORK_LIST_QUERIES = ATOMIC_REQUEST + 6

# An artwork's page: the artwork (1) with its images (1), credits with their artists (1, a join:
# artworks/page_parts.py) and subjects (1); the site settings (1), section navigation (1); more
# works by its artists (1) with their first images (1) and credits with the artists' names (1);
# the articles featuring it (1) with bylines (1) and figures with their pictures (1); the
# exhibitions that showed it, with venues and images (1). No transaction: the page only reads
# (artworks/views.py).
ARTWORK_PAGE_QUERIES = 13


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


@pytest.mark.parametrize("count", [2, 20])
def test_artwork_list_query_budget(client, django_assert_num_queries, count):
    """2 or 20 artworks, each with two images and two credited artists."""
    for _ in range(count):
        artwork_with_everything(ArtistFactory())
    site_settings_exist()

    with django_assert_num_queries(ARTWORK_LIST_QUERIES):
        response = client.get(reverse("artworks:artwork-list"))

    assert response.status_code == 200
    assert response.content.decode().count('class="card__link" href="/artworks/') == count


@pytest.mark.parametrize("count", [2, 8])
def test_artwork_page_query_budget(client, django_assert_num_queries, count):
    """An artwork with 2 or 8 subjects and credited artists, as many other works by them,
    as many articles showing it in a figure or featuring it by name, and as many exhibitions
    showing it."""
    artists = [ArtistFactory() for _ in range(count)]
    artwork = artwork_with_everything(*artists, tags=[f"Subject {i}" for i in range(count)])
    for i, artist in enumerate(artists):
        artwork_with_everything(artist)
        article = article_with_everything(artwork=artwork if i % 2 else None)
        if not i % 2:
            article.featured_artworks.add(artwork)
        ExhibitionFactory(artworks=[artwork])
    site_settings_exist()

    with django_assert_num_queries(ARTWORK_PAGE_QUERIES):
        response = client.get(artwork.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="card__link" href="/artworks/') == count
    assert html.count('class="card__link" href="/articles/') == min(count, 6)  # the newest 6
    assert html.count('class="tag" href=') == count
    assert html.count('class="card__link" href="/exhibitions/') == count
