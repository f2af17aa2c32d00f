"""Helpers for the search tests: ask the page, read what it found."""

import re

import pytest
from django.db import connection
from django.urls import reverse

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (stemming, accents, trigrams, triggers): run with "
    "DATABASE_URL=postgres://...",
)

# Both backends look up the artist names like the query (misspelt) in one query of their own
# before counting and ranking: PostgreSQL the documents named so, SQLite the names' vocabulary.
NAMES_LOOKUP = 1

_RESULT_LINK = re.compile(r'<a class="card__link" href="([^"]+)"')
_SNIPPET = re.compile(r'<p class="search-result__snippet">(.*?)</p>', re.DOTALL)


def search_page(client, q=None, **params):
    """The search page's response for ?q= and other parameters; it must be a normal page."""
    query = {"q": q, **params} if q is not None else params
    response = client.get(reverse("search:search"), query)
    assert response.status_code == 200
    return response


def found(client, q, **params) -> list[str]:
    """The addresses of the results for q, best first."""
    return _RESULT_LINK.findall(search_page(client, q, **params).content.decode())


def snippets(client, q, **params) -> list[str]:
    return _SNIPPET.findall(search_page(client, q, **params).content.decode())
