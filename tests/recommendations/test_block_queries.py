"""The "You may also like" block costs a fixed few queries, however many links it shows, and
never scores anything while a reader waits."""

import pytest
from django.template import Context, Template

from recommendations import engine, features, scoring
from tests.articles.test_query_budget import (
    ARTICLE_PAGE_QUERIES,
    create_site_settings,
    rich_article,
)

pytestmark = pytest.mark.django_db

# Which published articles the links point at (1); for the cards not kept in the cache
# (recommendations/cards.py), those articles with their sections' names and their figures
# with their pictures (1), read as plain rows (articles/cards.py, card_reads.py).
BLOCK_QUERIES = 2
KEPT_BLOCK_QUERIES = 1

BLOCK = Template(
    "{% load recommendation_tags %}{% related_block article as block %}"
    '{% include "recommendations/related_block.html" %}'
)


@pytest.mark.parametrize("links", [1, 4])
def test_block_query_count(django_assert_num_queries, links):
    """The block with 1 or 4 links, each target with two figures, costs the same 2 queries."""
    article = rich_article(1, related=links)

    with django_assert_num_queries(BLOCK_QUERIES):
        html = BLOCK.render(Context({"article": article}))

    assert html.count('class="card__link"') == links
    assert html.count("<img ") == links


@pytest.mark.parametrize("links", [1, 4])
def test_kept_cards_cost_only_the_links(django_assert_num_queries, links):
    """Once its cards are kept, the block costs its one query, and shows the same."""
    article = rich_article(1, related=links)
    first = BLOCK.render(Context({"article": article}))

    with django_assert_num_queries(KEPT_BLOCK_QUERIES):
        html = BLOCK.render(Context({"article": article}))

    assert html == first


@pytest.mark.parametrize("links", [1, 4])
def test_article_page_with_block_query_budget(client, django_assert_num_queries, links):
    """The article page costs the same number of queries with 1 or 4 links in its block."""
    article = rich_article(2, related=links)
    create_site_settings(client)

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count('class="card__link"') == links


def test_block_without_links_costs_one_query(django_assert_num_queries):
    """With no links there is nothing to prefetch: one query, and no block."""
    article = rich_article(1, related=0)

    with django_assert_num_queries(1):
        html = BLOCK.render(Context({"article": article}))

    assert html.strip() == ""


def test_block_never_scores(monkeypatch, client):
    """Showing the block never calls the engine: it reads stored links only."""

    def fail(*args, **kwargs):
        raise AssertionError("the block must not compute recommendations")

    article = rich_article(1, related=2)
    # Any scoring needs a Scorer, and any feature reading goes through load_features().
    for owner, name in [
        (engine, "rebuild"),
        (engine, "refresh_article"),
        (features, "load_features"),
        (scoring.Scorer, "__init__"),
    ]:
        monkeypatch.setattr(owner, name, fail)

    response = client.get(article.get_absolute_url())

    assert response.content.decode().count('class="card__link"') == 2
