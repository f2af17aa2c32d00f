"""The search page: its title, heading, echo of the query, and what keeps it out of indexes."""

import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.search.searching import search_page

pytestmark = pytest.mark.django_db


def test_empty_query_is_a_plain_search_page(client):
    """No query, or only spaces: the form, no results list and no count."""
    for q in (None, "", "   ", "\t\n"):
        content = search_page(client, q).content.decode()

        assert 'id="search-q"' in content
        assert "search-results" not in content
        assert "results for" not in content
        assert "<title>Search |" in content


def test_title_heading_and_echo(client):
    """The query is in the <title> and echoed on the page, escaped; one h1."""
    ArticleFactory(title="Anything")
    content = search_page(client, '<script>alert("x")</script>').content.decode()

    assert "<script>alert" not in content
    assert "<title>Search: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; |" in content
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in content
    assert len(re.findall(r"<h1\b", content)) == 1


def test_results_pages_are_not_indexed(client):
    """A robots meta tag and an X-Robots-Tag header keep search engines away."""
    ArticleFactory(title="Ibis")
    for q in ("ibis", ""):
        response = search_page(client, q)

        assert response["X-Robots-Tag"] == "noindex"
        assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_every_page_has_a_labelled_search_form(client):
    """The header's search form: role=search, to /search/, with a label for its input."""
    content = client.get(reverse("articles:home")).content.decode()

    form = re.search(r'<form class="site-search" role="search".*?</form>', content, re.DOTALL)
    assert form is not None
    assert 'action="/search/"' in form.group(0)
    assert '<label class="visually-hidden" for="site-search-q">' in form.group(0)
    assert 'id="site-search-q" name="q"' in form.group(0)


def test_filters_keep_their_choice(client):
    """The kind and section chosen stay selected in the form."""
    ArticleFactory(title="Heron", section__slug="notes", section__name="Notes")
    content = search_page(client, "heron", kind="articles", section="notes").content.decode()

    assert '<option value="articles" selected>' in content
    assert '<option value="notes" selected>' in content
