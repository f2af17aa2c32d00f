"""The fast path reads a cached page, the schedule's state and the page's version tokens in one
round trip to the cache, guessing the version names from the page's last hit; a wrong guess
costs a second read, never a stale page."""

import pytest
from django.core.cache import cache

from pagecache import keys, middleware
from pagecache.address import address_of
from tests.factories import ArticleFactory
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_guesses():
    middleware._VERSION_NAMES.clear()
    yield
    middleware._VERSION_NAMES.clear()


@pytest.fixture
def article():
    return ArticleFactory(title="Dropping a Han Dynasty Urn", slug="urn")


@pytest.fixture
def reads(monkeypatch):
    """The keys of each get_many the cache is asked, in order."""
    asked: list[list[str]] = []
    get_many = cache.get_many

    def counting(names, *args, **kwargs):
        asked.append(list(names))
        return get_many(names, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counting)
    return asked


def page_key(rf, url: str) -> str:
    return keys.for_page(address_of(rf.get(url)))


def test_a_hit_is_one_read_of_the_cache_once_the_page_was_seen(client, article, reads):
    url = article.get_absolute_url()
    warm(client, url)
    reads.clear()

    how, page = served(client, url)

    assert how == HIT and "Dropping a Han Dynasty Urn" in page
    assert len(reads) == 1
    assert keys.for_object("articles.article", article.pk) in reads[0]


def test_the_first_hit_reads_its_tokens_after_the_page(client, article, reads, rf):
    url = article.get_absolute_url()
    served(client, url)  # stored; nothing guessed yet
    reads.clear()

    assert served(client, url)[0] == HIT

    assert len(reads) == 2  # the page and the state, then its tokens
    assert middleware._VERSION_NAMES[page_key(rf, url)]


def test_a_change_is_seen_with_the_guessed_tokens(client, article):
    url = article.get_absolute_url()
    warm(client, url)

    article.title = "A New Title"
    article.save()

    how, page = served(client, url)
    assert how == MISS and "A New Title" in page


def test_a_wrong_guess_still_checks_every_token_the_page_was_built_with(client, article, rf):
    """Names guessed for the page that it does not depend on: its own are read too, and the
    change to one of them is seen."""
    url = article.get_absolute_url()
    warm(client, url)
    middleware._VERSION_NAMES[page_key(rf, url)] = ("pc:v:obj:artists.artist:999999",)

    article.title = "Another Title"
    article.save()

    how, page = served(client, url)
    assert how == MISS and "Another Title" in page


def test_a_missing_version_key_is_a_stale_page_even_when_guessed(client, article):
    url = article.get_absolute_url()
    warm(client, url)

    cache.delete(keys.for_object("articles.article", article.pk))

    assert served(client, url)[0] == MISS


def test_the_guesses_are_bounded(client, monkeypatch):
    monkeypatch.setattr(middleware, "VERSION_NAMES_MAX", 2)
    urls = [ArticleFactory(slug=f"story-{n}").get_absolute_url() for n in range(3)]

    warm(client, *urls)

    assert len(middleware._VERSION_NAMES) <= 2
