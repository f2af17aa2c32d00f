"""The article list, a section's page and a tag's page cost a fixed number of queries, however
many articles (and, on a tag's page, artists and artworks) they list. (The home and article
pages: test_query_budget.py.)"""

import pytest
from django.urls import reverse

from tests.factories import ArtistFactory, SectionFactory
from tests.querybudgets import (
    ATOMIC_REQUEST,
    article_with_everything,
    artwork_with_everything,
    site_settings_exist,
)

pytestmark = pytest.mark.django_db

# What every list of article cards costs (articles/cards.py): the site settings (1), the
# header's section navigation (1), the page of articles with their sections' names (1), their
# bylines with the authors' names (1), and their figures with their uploads, chosen images and
# their artworks' images (1).
CARDS = 5

# All articles: the count for the pages (1) and the cards.
ARTICLE_LIST_QUERIES = ATOMIC_REQUEST + 1 + CARDS

# A section: the section (1), the count (1) and the cards.
SECTION_PAGE_QUERIES = ATOMIC_REQUEST + 2 + CARDS

# A tag, page 1: the tag (1), the count (1), the cards, and the artists (1) and artworks (1)
# with that tag, the artworks' credits with the artists' names (1) and first images (1). No
# transaction: the page only reads (articles/views.py).
TAG_PAGE_QUERIES = 2 + CARDS + 4

# A tag, a later page: no artists or artworks there.
TAG_LATER_PAGE_QUERIES = 2 + CARDS


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def cards_on(response) -> int:
    assert response.status_code == 200
    return response.content.decode().count('class="card__link" href="/articles/')


@pytest.mark.parametrize(("count", "page"), [(2, 1), (12, 1), (26, 3)])
def test_article_list_query_budget(client, django_assert_num_queries, count, page):
    """2 or 12 articles on the first page, or the third page of 26, each with two authors and
    two figures of artworks with images: the same queries."""
    for _ in range(count):
        article_with_everything()
    site_settings_exist()

    with django_assert_num_queries(ARTICLE_LIST_QUERIES):
        response = client.get(reverse("articles:article-list"), {"page": page})

    assert cards_on(response) == min(count - 12 * (page - 1), 12)


@pytest.mark.parametrize("count", [2, 12])
def test_section_page_query_budget(client, django_assert_num_queries, count):
    section = SectionFactory()
    for _ in range(count):
        article_with_everything(section=section)
    article_with_everything()  # another section's
    site_settings_exist()

    with django_assert_num_queries(SECTION_PAGE_QUERIES):
        response = client.get(section.get_absolute_url())

    assert cards_on(response) == count


def tagged(count: int) -> None:
    """count articles, artists and artworks tagged "shared", each with all its page shows."""
    for i in range(count):
        article_with_everything(tags=["shared", f"own {i}"])
        ArtistFactory(tags=["shared"])
        artwork_with_everything(ArtistFactory(), tags=["shared"])
    site_settings_exist()


@pytest.mark.parametrize("count", [2, 12])
def test_tag_page_query_budget(client, django_assert_num_queries, count):
    """A tag on 2 or 12 articles, artists and artworks."""
    tagged(count)

    with django_assert_num_queries(TAG_PAGE_QUERIES):
        response = client.get(reverse("articles:tag-detail", args=["shared"]))

    assert cards_on(response) == count
    assert response.content.decode().count('class="card__link" href="/artworks/') == count


@pytest.mark.parametrize("count", [14, 30])
def test_tag_later_page_query_budget(client, django_assert_num_queries, count):
    tagged(count)

    with django_assert_num_queries(TAG_LATER_PAGE_QUERIES):
        response = client.get(reverse("articles:tag-detail", args=["shared"]), {"page": 2})

    assert cards_on(response) == min(count - 12, 12)
