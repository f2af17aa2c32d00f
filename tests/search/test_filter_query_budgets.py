"""The search page with no words, and filtered by kind or section, costs a fixed number of
queries, however many results it shows. (Unfiltered results: test_query_budget.py.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArtistFactory, SectionFactory
from tests.querybudgets import (
    ATOMIC_REQUEST,
    article_with_everything,
    artwork_with_everything,
    site_settings_exist,
)
from tests.search.searching import NAMES_LOOKUP, search_page

pytestmark = pytest.mark.django_db

# No words: nothing is searched; the site settings (1) and the sections of the header and the
# section filter (1).
EMPTY_QUERY_QUERIES = ATOMIC_REQUEST + 2

# One kind, or one section: the count (1) and the page of hits (1), the objects of that kind
# with all their cards show (at most 4, for articles), the site settings (1) and sections (1);
# the artist names like the query (1).
FILTERED_QUERIES = ATOMIC_REQUEST + 2 + 4 + 2 + NAMES_LOOKUP


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def results(count: int, section) -> None:
    """count articles (in `section`), artists and artworks matching 'peregrine'."""
    for _ in range(count):
        article_with_everything(title="Peregrine notes", section=section)
        ArtistFactory(name="Peregrine Hale")
        artwork_with_everything(ArtistFactory(), title="Peregrine in flight")


def queries_of(client, **params) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        html = search_page(client, **params).content.decode()
    return len(queries), html


def test_empty_query_searches_nothing(client, django_assert_num_queries):
    """?q= with nothing in it: the page, no search."""
    results(3, SectionFactory())
    site_settings_exist()

    with django_assert_num_queries(EMPTY_QUERY_QUERIES):
        search_page(client, "")


@pytest.mark.parametrize(
    "filters",
    [{"kind": "articles"}, {"kind": "artists"}, {"kind": "artworks"}, {"section": "reviews"}],
)
def test_filtered_results_cost_the_same_with_more_results(client, filters):
    """1 result of the kind, then 8: the same queries, within the budget."""
    section = SectionFactory(slug="reviews")
    results(1, section)
    site_settings_exist()
    search_page(client, "")  # the header's settings and sections are kept from now on
    few, few_html = queries_of(client, q="peregrine", **filters)

    results(7, section)
    many, many_html = queries_of(client, q="peregrine", **filters)

    assert few == many <= FILTERED_QUERIES
    assert many_html.count('class="card__link"') == 8 > few_html.count('class="card__link"')
