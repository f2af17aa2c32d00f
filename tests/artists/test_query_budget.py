"""The artists A-Z and an artist's page cost a fixed number of queries, however many artists,
works and articles they show."""

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

# A-Z, all or one letter: the count for the pages (1), the site settings (1), the header's
# section navigation (1) and the page of artists (1).
ARTIST_LIST_QUERIES = ATOMIC_REQUEST + 4

# An artist's page: the artist (1) with movements (1); the site settings (1), section navigation
# (1); the works (1) with their first images (1) and credits with the artists' names (1); the
# articles featuring the artist (1) with bylines (1) and figures with their pictures (1); the
# exhibitions that showed them or their works, with venues and images (1). No transaction: the
# page only reads (artists/views.py).
ARTIST_PAGE_QUERIES = 11


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


@pytest.mark.parametrize("count", [2, 15])
@pytest.mark.parametrize("letter", ["", "A"])
def test_artist_list_query_budget(client, django_assert_num_queries, count, letter):
    """All artists or one letter's, 2 or 15 of them, each with movements and works."""
    for i in range(count):
        artist = ArtistFactory(name=f"Anni {i}", sort_name=f"Albers {i}", tags=["Bauhaus"])
        artwork_with_everything(artist)
    site_settings_exist()

    with django_assert_num_queries(ARTIST_LIST_QUERIES):
        response = client.get(reverse("artists:artist-list"), {"letter": letter} if letter else {})

    assert response.status_code == 200
    assert response.content.decode().count(">Anni ") == count


@pytest.mark.parametrize("count", [2, 8])
def test_artist_page_query_budget(client, django_assert_num_queries, count):
    """An artist with 2 or 8 movements, works (each with images and other credited artists),
    articles featuring them, by name or in a figure, each with a byline and figures, and
    exhibitions showing them, by name or with a work."""
    artist = ArtistFactory(tags=[f"Movement {i}" for i in range(count)])
    for i in range(count):
        work = artwork_with_everything(artist)
        article = article_with_everything(artwork=work if i % 2 else None)
        if not i % 2:
            article.featured_artists.add(artist)
        if i % 2:
            ExhibitionFactory(artworks=[work])  # a work of theirs is shown
        else:
            ExhibitionFactory(artists=[artist])
    site_settings_exist()

    with django_assert_num_queries(ARTIST_PAGE_QUERIES):
        response = client.get(artist.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="card__link" href="/artworks/') == count
    assert html.count('class="card__link" href="/articles/') == min(count, 6)  # the newest 6
    assert html.count('class="card__link" href="/exhibitions/') == count
