"""When a page is stale or missing, one request rebuilds it; the others get the previous copy
or wait briefly. A page whose build overlapped a change is not stored."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init

from articles.models import Article
from articles.views import ArticleDetailView
from pagecache import invalidate, keys, middleware
from sitesettings.models import SiteSettings
from tests.factories import ArticleFactory
from tests.pagecache.pages import HIT, MISS, served, warm

ADDRESS = "http://testserver/articles/hot/"


@pytest.fixture
def hot(db):
    return ArticleFactory(title="Hot Story", slug="hot")


def rebuild_in_progress_elsewhere():
    assert cache.add(keys.for_rebuild_lock(ADDRESS), 1, timeout=30)


@pytest.mark.django_db
def test_while_one_request_rebuilds_the_others_get_the_previous_copy(
    client, hot, django_assert_num_queries
):
    warm(client, hot.get_absolute_url())
    hot.title = "Hot Story, Updated"
    hot.save()
    rebuild_in_progress_elsewhere()
    with django_assert_num_queries(0):
        response = client.get(hot.get_absolute_url())
    assert response["X-Page-Cache"] == "STALE" and b"Hot Story" in response.content
    cache.delete(keys.for_rebuild_lock(ADDRESS))  # the rebuild ends
    how, page = served(client, hot.get_absolute_url())
    assert how == MISS and "Hot Story, Updated" in page


@pytest.mark.django_db
def test_with_no_copy_a_request_waits_briefly_then_builds_it_itself(client, hot, monkeypatch):
    monkeypatch.setattr(middleware, "WAIT_SECONDS", 0.1)
    rebuild_in_progress_elsewhere()
    how, page = served(client, hot.get_absolute_url())
    assert how == MISS and "Hot Story" in page


@pytest.mark.django_db
def test_a_page_whose_build_overlapped_a_change_is_not_stored(client, hot):
    def change_meanwhile(sender, instance, **kwargs):
        invalidate.keys_changed({keys.for_object("articles.article", -1)})

    post_init.connect(change_meanwhile, sender=Article)
    try:
        assert served(client, hot.get_absolute_url())[0] == MISS
    finally:
        post_init.disconnect(change_meanwhile, sender=Article)
    assert served(client, hot.get_absolute_url())[0] == MISS  # not stored: built again
    assert served(client, hot.get_absolute_url())[0] == HIT


@pytest.mark.django_db(transaction=True)
def test_many_readers_of_an_expired_page_cause_one_rebuild(client, monkeypatch):
    SiteSettings.current()
    article = ArticleFactory(title="Hot Story", slug="hot")
    builds, started, release = [], threading.Event(), threading.Event()
    get = ArticleDetailView.get

    def slow_get(self, request, *args, **kwargs):
        builds.append(1)
        started.set()
        release.wait(5)  # a slow render: everyone else arrives meanwhile
        return get(self, request, *args, **kwargs)

    served(client, article.get_absolute_url())
    article.title = "Hot Story, Updated"
    article.save()
    monkeypatch.setattr(ArticleDetailView, "get", slow_get)
    answers = []

    def reader():
        try:
            answers.append(client.get(article.get_absolute_url())["X-Page-Cache"])
        finally:
            connection.close()

    first = threading.Thread(target=reader)
    first.start()
    assert started.wait(5)
    others = [threading.Thread(target=reader) for _ in range(8)]
    for thread in others:
        thread.start()
    for thread in others:
        thread.join(5)
    release.set()
    first.join(5)
    assert len(builds) == 1
    assert sorted(answers) == ["MISS"] + ["STALE"] * 8
    assert "Hot Story, Updated" in served(client, article.get_absolute_url())[1]
