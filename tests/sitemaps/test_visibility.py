"""Only public articles, and the sections and tags they make public, are in the sitemaps; a
scheduled article is listed from its publication time on."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory
from tests.sitemaps.reader import read_sitemap, section_url

pytestmark = pytest.mark.django_db

Status = Article.Status
DAY = datetime.timedelta(days=1)
STATES = {
    "draft": {"status": Status.DRAFT},
    "draft, no time": {"status": Status.DRAFT, "published_at": None},
    "in review": {"status": Status.REVIEW},
    "unpublished": {"status": Status.UNPUBLISHED},
    "scheduled": {"published_at": lambda: timezone.now() + DAY},
}


def build_world(**hidden_fields) -> dict[str, str]:
    """A hidden article, alone in its section and with its own tag, beside a public one; the
    addresses that only the hidden article would put in the sitemaps."""
    ArticleFactory(tags=["Public"])
    hidden = ArticleFactory(
        section=SectionFactory(slug="hidden-section"), tags=["Hidden tag"], **hidden_fields
    )
    return {
        "articles": f"http://testserver{hidden.get_absolute_url()}",
        "sections": "http://testserver/sections/hidden-section/",
        "tags": "http://testserver/tags/hidden-tag/",
    }


def listed(client, hidden_urls: dict[str, str]) -> dict[str, bool]:
    return {
        name: url in read_sitemap(client, section_url(name)) for name, url in hidden_urls.items()
    }


@pytest.mark.parametrize("state", list(STATES))
def test_hidden_articles_are_in_no_sitemap(client, state):
    fields = {name: value() if callable(value) else value for name, value in STATES[state].items()}
    hidden_urls = build_world(**fields)

    assert listed(client, hidden_urls) == {"articles": False, "sections": False, "tags": False}
    assert len(read_sitemap(client, section_url("articles"))) == 1  # the public one


def test_a_scheduled_article_enters_the_sitemaps_at_its_time(client):
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=2)
    hidden_urls = build_world(published_at=go_live)

    with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
        before = listed(client, hidden_urls)
    with time_machine.travel(go_live, tick=False):
        after = listed(client, hidden_urls)

    assert before == {"articles": False, "sections": False, "tags": False}
    assert after == {"articles": True, "sections": True, "tags": True}
