"""A read replica serves only what anonymous readers see; the page cache keeps no page built
from it right after a change."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponse
from django.test import RequestFactory

from articles.models import Article
from pagecache import versions
from replicas import router as replicas

ROUTER = replicas.ReplicaRouter()


def request(method="GET", path="/articles/urn/", user=None):
    made = getattr(RequestFactory(), method.lower())(path)
    made.user = user or AnonymousUser()
    return made


def routed_read(made) -> str:
    """Where the router sends a read made while the middleware handles `made`."""
    seen = {}

    def view(inner):
        seen["db"] = ROUTER.db_for_read(Article)
        return HttpResponse()

    middleware = object.__new__(replicas.ReplicaReadsMiddleware)
    middleware.get_response = view
    middleware(made)
    return seen["db"]


def test_anonymous_public_reads_go_to_the_replica():
    assert routed_read(request()) == "replica"
    assert routed_read(request("HEAD", "/")) == "replica"


@pytest.mark.parametrize(
    "made",
    [
        request("POST", "/search/"),
        request("GET", "/admin/articles/article/"),
        request(user=User(username="editor", is_staff=True)),
    ],
    ids=["post", "admin", "logged-in"],
)
def test_everything_else_reads_the_primary(made):
    assert routed_read(made) == "default"


def test_writes_migrations_and_work_outside_requests_use_the_primary():
    assert ROUTER.db_for_read(Article) == "default"  # a command, a task
    assert ROUTER.db_for_write(Article) == "default"
    assert ROUTER.allow_migrate("replica", "articles") is False
    assert ROUTER.allow_migrate("default", "articles") is True


def test_without_a_replica_the_middleware_steps_aside():
    with pytest.raises(MiddlewareNotUsed):
        replicas.ReplicaReadsMiddleware(lambda made: HttpResponse())


@pytest.mark.django_db
def test_a_page_built_from_the_replica_just_after_a_change_is_not_kept(
    client, settings, monkeypatch
):
    from tests.factories import ArticleFactory  # noqa: PLC0415

    settings.PAGE_CACHE, settings.REPLICA_LAG_SECONDS = True, 10
    monkeypatch.setattr(replicas, "reading_from_replica", lambda: True)
    article = ArticleFactory(slug="lagging")
    client.get(article.get_absolute_url())  # the settings row is made: a change
    assert versions.seconds_since_last_change() < 10
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "MISS"
    settings.REPLICA_LAG_SECONDS = 0  # long enough ago
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_count_read_from_the_replica_just_after_a_change_is_not_kept(settings, monkeypatch):
    """A list's total (pagecache/counts.py, a fragment) read from a replica that may lag behind
    the last change is counted again by the next reader, and kept once the lag has passed."""
    import pagecache  # noqa: PLC0415
    from pagecache import counts, invalidate  # noqa: PLC0415

    key = pagecache.set_key("public:test")
    totals = iter([7, 8, 9, 10])
    count = lambda: counts.Counted(next(totals))  # noqa: E731
    settings.REPLICA_LAG_SECONDS = 10
    monkeypatch.setattr(replicas, "reading_from_replica", lambda: True)
    invalidate.keys_changed({key})
    assert counts.kept("test", count, depends_on=[key]).total == 7
    assert counts.kept("test", count, depends_on=[key]).total == 8
    settings.REPLICA_LAG_SECONDS = 0  # long enough ago
    assert counts.kept("test", count, depends_on=[key]).total == 9
    assert counts.kept("test", count, depends_on=[key]).total == 9
