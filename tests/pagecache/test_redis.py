"""The page cache on Redis, through Django's own RedisCache (REDIS_URL): what every process
shares in production. The same checks as on the local-memory cache, on a real server."""

import datetime

import pytest
import time_machine
from django.core.cache import cache

from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
)
from tests.pagecache.pages import HIT, MISS, served, warm
from tests.redis_server import delete_prefixed, redis_caches, redis_url_or_skip

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_redis(settings):
    url = redis_url_or_skip()
    settings.CACHES, prefix = redis_caches(url)
    from sitesettings.models import SiteSettings  # noqa: PLC0415

    SiteSettings.current()
    yield
    delete_prefixed(url, prefix)


def test_pages_are_stored_in_redis_and_served_from_it(client, django_assert_num_queries):
    assert type(cache._cache).__name__ == "ReusingRedisCacheClient"
    article = ArticleFactory(title="On Redis", slug="on-redis")
    assert served(client, article.get_absolute_url())[0] == MISS
    with django_assert_num_queries(0):
        assert served(client, article.get_absolute_url())[0] == HIT


def test_renaming_an_artist_refreshes_their_articles_on_redis(client, committed):
    artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei")
    with committed():
        featuring = ArticleFactory(slug="featuring")
        ArtworkArtistFactory(artist=artist, artwork=ArticleFigureFactory(article=featuring).artwork)
        other = ArticleFactory(slug="other")
    warm(client, featuring.get_absolute_url(), other.get_absolute_url())
    with committed():
        artist.name = "Ai Wei Wei"
        artist.save()
    how, page = served(client, featuring.get_absolute_url())
    assert how == MISS and "Ai Wei Wei" in page
    assert served(client, other.get_absolute_url())[0] == HIT


def test_a_scheduled_article_goes_live_on_redis(client, committed):
    go_live = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(go_live - datetime.timedelta(minutes=1), tick=False):
        with committed():
            ArticleFactory(title="Later Story", slug="later", published_at=go_live)
        warm(client, "/")
        assert "Later Story" not in served(client, "/")[1]
    with time_machine.travel(go_live, tick=False):
        how, page = served(client, "/")
        assert how == MISS and "Later Story" in page


def test_the_backend_keeps_one_redis_client_per_pool():
    client = cache._cache
    assert client.get_client() is client.get_client(write=True)
