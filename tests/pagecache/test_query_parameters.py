"""A cached page is built from the query parameters its view declares, and stored under them:
anything else in an address (tracking parameters, markup, names nobody reads) never reaches the
page, its links or the cache (pagecache/query.py)."""

import re
from urllib.parse import quote

import pytest
from django.urls import get_resolver, reverse

from articles.views import PAGE_SIZE
from pagecache import declared
from pagecache.query import declared_parameters
from tests.factories import ArticleFactory, ArtistFactory
from tests.pagecache.pages import HIT, MISS, served
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

POISON = '"><script>alert(1)</script><a href="//evil.example">'


def clean_of_poison(page: str) -> bool:
    return not any(
        mark in page
        for mark in ("alert(1)", "evil.example", "utm_", "fbclid", "nobody_reads", "&quot;&gt;")
    )


def links(page: str) -> set[str]:
    return set(re.findall(r'href="([^"]*)"', page))


@pytest.fixture
def three_pages():
    """Articles enough for /articles/ to have a page 2 with links to pages 1 and 3."""
    return ArticleFactory.create_batch(2 * PAGE_SIZE + 1)


def poisoned(url: str) -> str:
    joiner = "&" if "?" in url else "?"
    return (
        f"{url}{joiner}utm_source={quote(POISON)}&fbclid=x&nobody_reads={quote(POISON)}"
        f"&{quote(POISON)}=1"
    )


def test_a_poisoned_address_builds_and_stores_the_clean_page(client, three_pages):
    """Right after a change, an address carrying markup in tracking and unknown parameters gets
    the page without them, and the page stored for every later reader is the clean one."""
    how, page = served(client, poisoned("/articles/?page=2"))
    assert how == MISS
    assert clean_of_poison(page)
    assert {"/articles/", "/articles/?page=3"} <= links(page)

    how, later = served(client, "/articles/?page=2")
    assert how == HIT
    assert clean_of_poison(later)
    assert "Page 2 of 3" in later


def test_pagination_links_never_carry_other_parameters(client, three_pages):
    """Previous and next keep the page number only, for readers and for logged-in staff."""
    staff_client = client.__class__()
    staff_in(staff_client, "Editor")
    for each in (client, staff_client):
        page = each.get(poisoned("/articles/?page=2")).content.decode()
        pagination = page[page.index('class="pagination"') :]
        hrefs = re.findall(r'href="([^"]*)"', pagination)[:2]
        assert hrefs == ["/articles/", "/articles/?page=3"]


def test_tracking_parameters_share_the_clean_page_on_the_fast_path(
    client, three_pages, django_assert_num_queries
):
    served(client, "/articles/?page=2")
    with django_assert_num_queries(0):
        how, _ = served(client, "/articles/?utm_campaign=spring&page=2&gclid=1")
    assert how == HIT


def test_an_unknown_parameter_is_served_the_clean_page(client, three_pages):
    """A parameter the view does not read shares the page of the address without it."""
    served(client, "/articles/?page=2")
    how, page = served(client, "/articles/?page=2&sort=" + quote(POISON))
    assert how == HIT and clean_of_poison(page)


def test_a_view_that_declares_nothing_gets_no_parameters(client, three_pages):
    """The home page reads no parameter: ?page=2 or anything else is the home page itself."""
    how, home = served(client, "/")
    assert how == MISS
    how, same = served(client, "/?page=2&q=" + quote(POISON))
    assert how == HIT and clean_of_poison(same)


def test_the_view_sees_only_its_parameters(client, three_pages):
    """request.GET and the query string (get_full_path) hold the declared parameters only."""
    response = client.get(poisoned("/articles/?page=2"))
    request = response.wsgi_request
    assert dict(request.GET.lists()) == {"page": ["2"]}
    assert request.get_full_path() == "/articles/?page=2"


def test_declared_parameters_still_reach_their_views(client):
    """Page numbers, the A-Z letter, the search's terms and filters, a sitemap's page."""
    ArticleFactory(title="Dropping a Han Dynasty Urn")  # the oldest: alone on page 2
    ArticleFactory.create_batch(PAGE_SIZE)
    page_one = client.get(poisoned("/articles/")).content.decode()
    page_two = client.get(poisoned("/articles/?page=2")).content.decode()
    assert "Dropping a Han Dynasty Urn" not in page_one
    assert "Dropping a Han Dynasty Urn" in page_two and "Page 2 of 2" in page_two

    ArtistFactory(name="Francis Bacon", sort_name="Bacon, Francis")
    ArtistFactory(name="Andy Warhol", sort_name="Warhol, Andy")
    letter_b = client.get(poisoned("/artists/?letter=B")).content.decode()
    assert "Francis Bacon" in letter_b and "Andy Warhol" not in letter_b
    assert clean_of_poison(letter_b)

    search = client.get(poisoned("/search/?q=urn&kind=articles")).content.decode()
    assert "Dropping a Han Dynasty Urn" in search and clean_of_poison(search)
    assert '<option value="articles" selected>' in search

    # The sitemap's ?p= reaches it: a page past the end is its 404, not page 1 again.
    assert client.get("/sitemap-articles.xml?p=1").status_code == 200
    assert client.get("/sitemap-articles.xml?p=99").status_code == 404


def test_every_paginated_cached_view_declares_its_page():
    """A cached list that forgot `query_parameters` would lose its pages 2 and on."""
    checked = 0
    for pattern, name in cached_patterns():
        view_class = getattr(pattern.callback, "view_class", None)
        if getattr(view_class, "paginate_by", None):
            assert view_class.page_kwarg in declared_parameters(pattern.callback), name
            checked += 1
    assert checked >= 5


def cached_patterns():
    """(pattern, view name) of every URL pattern the page cache serves."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name and f"{namespace}{pattern.name}" in declared.VIEWS:
                yield pattern, f"{namespace}{pattern.name}"

    found = list(walk(get_resolver().url_patterns))
    assert {name for _, name in found} == set(declared.VIEWS)
    return found


def test_the_search_declares_what_it_reads():
    search = get_resolver().resolve(reverse("search:search")).func
    assert declared_parameters(search) == {"q", "kind", "section", "page"}
