"""Hits are counted up to COUNT_CAP; past it the page says "more than", honestly."""

import pytest

from tests.factories import ArticleFactory
from tests.search.searching import found, search_page

pytestmark = pytest.mark.django_db


def test_up_to_the_cap_the_count_is_exact(client, monkeypatch):
    monkeypatch.setattr("search.paginator.COUNT_CAP", 3)
    for _ in range(3):
        ArticleFactory(title="Heron study")

    content = search_page(client, "heron").content.decode()

    assert "3 results for" in content
    assert "More than" not in content


def test_past_the_cap_the_page_says_more_than(client, monkeypatch):
    """Four hits with a cap of 3: 'More than 3 results', and the best 3 are shown."""
    monkeypatch.setattr("search.paginator.COUNT_CAP", 3)
    for _ in range(4):
        ArticleFactory(title="Heron study")

    content = search_page(client, "heron").content.decode()

    assert 'role="status">More than 3 results for' in content
    assert len(found(client, "heron")) == 3


def test_the_thousands_are_grouped(client, monkeypatch):
    monkeypatch.setattr("search.paginator.COUNT_CAP", 1000)
    monkeypatch.setattr("search.paginator.SearchPaginator.count", 1000)
    monkeypatch.setattr("search.paginator.SearchPaginator.more", True)
    ArticleFactory(title="Heron study")

    assert "More than 1,000 results" in search_page(client, "heron").content.decode()
