"""No draft, preview or page rendered for a logged-in person ever reaches a cache."""

import pytest
from django.core.cache import cache

from articles import previews
from tests.factories import ArticleFactory
from tests.pagecache.pages import MISS, served
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

SECRET = "Unannounced Retrospective"


def everything_cached() -> bytes:
    """Every value in the local-memory cache, as stored (pickled bytes)."""
    return b"".join(value for value in cache._cache.values() if isinstance(value, bytes))


@pytest.fixture
def draft():
    return ArticleFactory(title=SECRET, slug="secret", draft=True)


def test_a_preview_is_never_stored_and_no_shared_cache_may_keep_it(client, draft):
    url = previews.preview_path(draft)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200 and SECRET in response.content.decode()
        assert "X-Page-Cache" not in response
        control = response["Cache-Control"]
        assert "private" in control and "no-store" in control
    assert SECRET.encode() not in everything_cached()


def test_staff_browsing_leaves_nothing_in_the_cache(client, draft):
    ArticleFactory(title="Public Story", slug="public")
    staff_in(client, "Editor")
    for url in ["/", "/articles/", "/articles/public/", "/articles/secret/", "/search/?q=secret"]:
        client.get(url)
    assert SECRET.encode() not in everything_cached()
    client.logout()
    assert served(client, "/articles/public/")[0] == MISS  # staff stored nothing


def test_a_draft_address_is_a_404_that_is_never_stored(client, draft):
    for _ in range(2):
        response = client.get("/articles/secret/")
        assert response.status_code == 404 and response["X-Page-Cache"] == "PASS"
    assert SECRET.encode() not in everything_cached()


def test_a_page_that_sets_a_cookie_is_not_stored(client, monkeypatch):
    from pagecache.middleware import PublicPage  # noqa: PLC0415

    article = ArticleFactory(slug="cookie")
    finish = PublicPage.finish

    def with_cookie(self, response):
        response.set_cookie("visitor", "one")
        return finish(self, response)

    monkeypatch.setattr(PublicPage, "finish", with_cookie)
    served(client, article.get_absolute_url())
    assert served(client, article.get_absolute_url())[0] == MISS
