"""The search page costs a fixed number of queries, however many results it shows."""

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)
from tests.search.searching import NAMES_LOOKUP, search_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# SAVEPOINT and RELEASE of ATOMIC_REQUESTS (2), the count (1) and the page of hits (1); the
# articles with their sections (1), bylines (1), figures (1) and the figures' artwork images
# (1); the artworks (1), their images (1) and credits with artists (1); the artists (1); the
# site settings (1) and the header's sections, also the section filter's (1); the artist names
# like the query, for misspelt names (1).
RESULTS_PAGE_QUERIES = 14 + NAMES_LOOKUP


def create_results(count: int):
    """count articles, artists and artworks matching 'peregrine', each with all they show."""
    for _ in range(count):
        article = ArticleFactory(title="Peregrine notes")
        ArticleFigureFactory(article=article)
        ArticleAuthorFactory(article=article)
        ArtistFactory(name="Peregrine Hale")
        artwork = ArtworkFactory(title="Peregrine in flight")
        ArtworkImageFactory(artwork=artwork)
        ArtworkArtistFactory(artwork=artwork)
        ArtworkArtistFactory(artwork=artwork)


@pytest.mark.parametrize("count", [1, 7])
def test_results_page_query_budget(client, django_assert_max_num_queries, count):
    """Three or twenty results, each with pictures, bylines and credits: the same queries."""
    create_results(count)
    client.get(reverse("articles:home"))  # the site settings row exists from the first page

    with django_assert_max_num_queries(RESULTS_PAGE_QUERIES):
        response = search_page(client, "peregrine")

    assert response.content.decode().count('class="card__link"') == min(3 * count, 20)


def test_no_results_costs_less(client, django_assert_max_num_queries):
    """Nothing found: no objects are loaded."""
    client.get(reverse("articles:home"))

    with django_assert_max_num_queries(6 + NAMES_LOOKUP):
        search_page(client, "nothing-like-this")
