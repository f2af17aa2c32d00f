"""The page cache and the state of an article's links (links/readers.py, links/apps.py): a
link that dies, comes back or is ignored, or an archived copy's address that changes, makes
stale exactly the pages of the articles using it; reading the state costs one query."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from links.archive import record_for_article
from links.models import Link
from links.readers import link_states_changed
from sitesettings.models import SiteSettings
from tests.articles.test_query_budget import ARTICLE_PAGE_QUERIES, create_site_settings
from tests.factories import ArticleFactory
from tests.links.helpers import use_of
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = pytest.mark.django_db

APRIL_3 = datetime(2011, 4, 3, 9, 30, tzinfo=UTC)
SHARED, OWN = "https://shared.example/page", "https://own.example/page"
HOME = reverse("articles:home")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def site(settings, committed):
    settings.PAGE_CACHE = True
    SiteSettings.current()
    with committed():
        made = {}
        for name, urls in {"a": [SHARED], "b": [SHARED, OWN], "c": [OWN], "none": []}.items():
            body = "".join(f'<p><a href="{url}">{name} link</a></p>' for url in urls)
            article = ArticleFactory(slug=f"article-{name}", body=body or "<p>No link.</p>")
            article.published_at = APRIL_3
            for url in urls:
                use_of(article, url)
            record_for_article(article, at=APRIL_3)
            made[name] = article
    return made


def pages(site):
    return {name: article.get_absolute_url() for name, article in site.items()}


def stale_after(client, site, committed, change) -> set[str]:
    """The names of the pages (articles' and the home page) a change made stale."""
    urls = {**pages(site), "home": HOME}
    warm(client, *urls.values())
    with committed():
        change()
    return {name for name, url in urls.items() if served(client, url)[0] == MISS}


def test_a_link_saved_dead_makes_stale_only_the_pages_using_it(client, site, committed):
    def die():
        link = Link.objects.get(url=SHARED)
        link.dead, link.status = True, Link.Status.GONE
        link.save()

    assert stale_after(client, site, committed, die) == {"a", "b"}
    how, content = served(client, site["a"].get_absolute_url())
    assert how == HIT and 'class="archived-copy"' in content


def test_a_dead_link_come_back_or_ignored_refreshes_the_same_pages(client, site, committed):
    Link.objects.filter(url=OWN).update(dead=True)

    def ignore():
        link = Link.objects.get(url=OWN)
        link.ignored = True
        link.save()

    assert stale_after(client, site, committed, ignore) == {"b", "c"}
    assert "archived-copy" not in served(client, site["c"].get_absolute_url())[1]


def test_bulk_writers_call_link_states_changed(client, site, committed):
    """update() sends no model signal: the checker says which links changed."""

    def checker_writes():
        ids = list(Link.objects.filter(url=OWN).values_list("pk", flat=True))
        Link.objects.filter(pk__in=ids).update(dead=True, status=Link.Status.GONE)
        link_states_changed(ids)

    assert stale_after(client, site, committed, checker_writes) == {"b", "c"}
    assert "archived-copy" in served(client, site["c"].get_absolute_url())[1]


def test_an_archive_address_recorded_refreshes_the_article(client, site, committed):
    """A URL first used by a public article gets its address: its pages are stale (the use is a
    part of the article, as its figures are)."""
    Link.objects.filter(url=SHARED).update(dead=True)
    site["c"].link_uses.update(archive_url="", archived_on=None)

    assert stale_after(client, site, committed, lambda: record_for_article(site["c"])) >= {"c"}


def test_a_checked_link_whose_state_readers_do_not_see_is_declared_not_content(site):
    """Search results and sitemaps (`any-content`) do not show links."""
    from pagecache import declared, owners  # noqa: PLC0415

    link = Link.objects.get(url=SHARED)
    assert "any-content" not in owners.keys_of(link)
    assert declared.part(type(site["a"].link_uses.first())).belongs_to == ("article",)


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("dead", [1, 8])
def test_the_page_costs_one_query_for_its_links_however_many_are_dead(
    client, django_assert_num_queries, dead
):
    article = ArticleFactory(
        body="".join(f'<p><a href="https://gone{i}.example/">Gone {i}</a></p>' for i in range(8))
    )
    for i in range(8):
        use_of(article, f"https://gone{i}.example/", dead=i < dead)
    record_for_article(article)
    create_site_settings(client)

    # The budget of tests/articles/test_query_budget.py, but the "You may also like" cards'
    # read (no related article here): the links' state is its one query.
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES - 1):
        response = client.get(article.get_absolute_url())

    assert response.content.decode().count('class="archived-copy"') == dead


@pytest.mark.usefixtures("page_cache_off")
def test_an_article_without_links_reads_no_link_state(client, django_assert_num_queries):
    article = ArticleFactory(body="<p>No link here.</p>")
    create_site_settings(client)
    # Neither the links' state nor "You may also like" cards.
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES - 2):
        client.get(article.get_absolute_url())
