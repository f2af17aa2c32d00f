"""The sections in every page's header are kept in the cache (pagecache/fragments.py): a
section renamed, added or deleted shows on the very next page, with the page cache off as on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_script_prefix
from django.urls import reverse

from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param


def navigation(client) -> str:
    page = client.get(reverse("articles:home")).content.decode()
    return page[page.index('<nav class="site-nav"') : page.index("</nav>")]


def test_the_sections_cost_no_query_once_kept(client, settings):
    settings.PAGE_CACHE = False
    SectionFactory(name="News")
    navigation(client)

    with CaptureQueriesContext(connection) as queries:
        assert ">News</a>" in navigation(client)

    sections = 'SELECT "articles_section"'
    assert not [q for q in queries.captured_queries if q["sql"].startswith(sections)]


def test_a_section_renamed_added_or_deleted_shows_on_the_next_page(client, page_cache):
    news = SectionFactory(name="News", order=1)
    reviews = SectionFactory(name="Reviews", order=2)
    assert ">News</a>" in navigation(client)

    news.name = "Dispatches & <Notes>"
    news.save()
    assert ">Dispatches &amp; &lt;Notes&gt;</a>" in navigation(client)

    SectionFactory(name="Essays", order=0)
    shown = navigation(client)
    assert shown.index(">Essays</a>") < shown.index(">Dispatches")

    reviews.delete()
    assert ">Reviews</a>" not in navigation(client)


def test_the_links_follow_the_prefix_the_site_is_served_under(client, settings):
    """A site served under a path prefix links there, sections included: one kept copy per
    prefix, never another prefix's."""
    settings.PAGE_CACHE = False
    SectionFactory(name="News", slug="news")
    navigation(client)
    with override_script_prefix("/mag/"):
        page = client.get("/").content.decode()

    assert 'href="/mag/sections/news/"' in page
    assert 'href="/mag/articles/"' in page
    assert 'action="/mag/search/"' in page
    assert ">News</a>" in navigation(client)
    assert 'href="/sections/news/"' in navigation(client)
