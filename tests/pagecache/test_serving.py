"""Anonymous GETs of public pages come from the cache; everything else is rendered fresh."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.http import http_date

from tests.factories import ArticleFactory, ArtistFactory
from tests.pagecache.pages import HIT, MISS, served, warm
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


def without_nonces(page: str) -> str:
    """The page with its CSP nonces blanked: each response has its own."""
    return re.sub(r'nonce="[^"]*"', 'nonce=""', page)


@pytest.fixture
def article():
    return ArticleFactory(title="Dropping a Han Dynasty Urn", slug="urn")


def test_second_request_is_served_from_the_cache_without_a_query(
    client, article, django_assert_num_queries
):
    url = article.get_absolute_url()
    first, page = served(client, url)
    assert first == MISS and "Dropping a Han Dynasty Urn" in page
    with django_assert_num_queries(0):
        again, cached = served(client, url)
    assert again == HIT and without_nonces(cached) == without_nonces(page)


def test_every_public_page_type_is_cached(client, article):
    artist = ArtistFactory(slug="ai-weiwei")
    urls = [
        "/",
        reverse("articles:article-list"),
        article.get_absolute_url(),
        reverse("articles:section-detail", args=[article.section.slug]),
        reverse("artists:artist-list"),
        artist.get_absolute_url(),
        reverse("artworks:artwork-list"),
        reverse("search:search") + "?q=urn",
        reverse("feeds:latest-rss"),
        reverse("sitemap-index"),
        "/robots.txt",
    ]
    warm(client, *urls)


def test_public_pages_carry_validators_and_cdn_friendly_cache_control(client, article, settings):
    settings.CDN_CACHE_SECONDS, settings.CDN_STALE_SECONDS = 60, 30
    for _ in range(2):  # built, then from the cache: the same headers
        response = client.get(article.get_absolute_url())
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert control == {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30"}
        assert response["ETag"].startswith('"') and response["Last-Modified"]
        assert "Cookie" in response["Vary"]


def test_no_cdn_time_means_always_revalidate(client, article, settings):
    settings.CDN_CACHE_SECONDS = 0
    control = client.get(article.get_absolute_url())["Cache-Control"]
    assert "s-maxage" not in control and "must-revalidate" in control


@pytest.mark.parametrize("cached", [False, True], ids=["built", "from-cache"])
def test_matching_etag_gets_304_without_a_body(client, article, cached):
    url = article.get_absolute_url()
    etag = client.get(url)["ETag"]
    if not cached:
        cache.clear()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_gets_304_and_an_older_date_the_page(client, article):
    url = article.get_absolute_url()
    built = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": built}).status_code == 304
    older = http_date(0)
    assert client.get(url, headers={"If-Modified-Since": older}).status_code == 200


def test_a_stale_etag_gets_the_new_page(client, article):
    url = article.get_absolute_url()
    etag = client.get(url)["ETag"]
    article.title = "Changed"
    article.save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200 and "Changed" in response.content.decode()
    assert response["ETag"] != etag


def test_logged_in_staff_always_get_a_fresh_private_page(
    client, article, django_assert_num_queries
):
    url = article.get_absolute_url()
    warm(client, url)
    staff_in(client, "Editor")
    response = client.get(url)
    assert response["X-Page-Cache"] == "BYPASS"
    assert "private" in response["Cache-Control"] and "s-maxage" not in response["Cache-Control"]
    type(article).objects.filter(pk=article.pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" in client.get(url).content.decode()


def test_not_found_is_not_cached_and_not_kept_by_a_cdn(client):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    assert "no-cache" in response["Cache-Control"] and "s-maxage" not in response["Cache-Control"]
    assert client.get("/articles/no-such-article/")["X-Page-Cache"] == "PASS"


def test_tracking_parameters_share_the_page_and_order_does_not_matter(client, article):
    base = reverse("search:search")
    served(client, f"{base}?q=urn&kind=article")
    how, _ = served(client, f"{base}?kind=article&q=urn&utm_source=newsletter&fbclid=x")
    assert how == HIT


def test_a_very_long_query_string_is_served_but_never_stored(client):
    url = reverse("search:search") + "?q=" + "a" * 400
    assert served(client, url)[0] == MISS
    assert served(client, url)[0] == MISS


def test_page_cache_off_renders_every_time_but_keeps_validators(client, article, settings):
    settings.PAGE_CACHE = False
    url = article.get_absolute_url()
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == MISS and first["ETag"] == second["ETag"]
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_admin_and_posts_are_never_cached(client, admin_client):
    assert "X-Page-Cache" not in admin_client.get("/admin/")
    response = client.post("/search/", {"q": "x"})
    assert "X-Page-Cache" not in response


def test_a_cache_that_fails_costs_the_cache_not_the_page(client, article, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "get_many", broken)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "Dropping a Han Dynasty Urn" in response.content.decode()


def test_deploy_check_wants_a_shared_cache_for_pages(settings):
    from pagecache.checks import shared_cache_for_pages  # noqa: PLC0415

    assert [w.id for w in shared_cache_for_pages(None)] == ["pagecache.W001"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert shared_cache_for_pages(None) == []
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE = False
    assert shared_cache_for_pages(None) == []


def test_a_reader_without_a_session_is_served_before_sessions_and_url_resolution(
    client, article, settings
):
    middleware = settings.MIDDLEWARE
    fast = middleware.index("pagecache.middleware.CachedPageMiddleware")
    assert fast < middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert fast > middleware.index("django.middleware.csp.ContentSecurityPolicyMiddleware")
    warm(client, article.get_absolute_url())
    response = client.get(article.get_absolute_url())
    assert not hasattr(response.wsgi_request, "session")  # answered before sessions ran
    assert "Cookie" in response["Vary"] and response["X-Frame-Options"] == "DENY"
    assert "nonce-" in response["Content-Security-Policy"]


def test_a_visitor_with_a_session_cookie_but_no_login_still_gets_the_cached_page(client, article):
    warm(client, article.get_absolute_url())
    client.cookies["sessionid"] = "an-expired-or-unknown-session"
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == HIT and hasattr(response.wsgi_request, "session")
