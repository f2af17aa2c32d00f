"""Only public articles are in any feed: drafts, articles in review, unpublished and scheduled
ones are in none, and a scheduled one is in all of them from its publication time on."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, ArtistFactory, SectionFactory
from tests.feeds.reader import FORMATS, read_feed, titles

pytestmark = pytest.mark.django_db

Status = Article.Status
HIDDEN = "Hidden Story"
VISIBLE = "Visible Story"
DAY = datetime.timedelta(days=1)

STATES = {
    "draft": {"status": Status.DRAFT},
    "draft, no time": {"status": Status.DRAFT, "published_at": None},
    "in review": {"status": Status.REVIEW},
    "unpublished": {"status": Status.UNPUBLISHED},
    "scheduled": {"published_at": lambda: timezone.now() + DAY},
}
FEEDS = ["latest", "section", "tag", "artist"]


def build_world(**hidden_fields) -> dict[str, str]:
    """A hidden and a public article in one section, with one tag, featuring one artist; the
    address of each feed, in each format."""
    section = SectionFactory(slug="reviews")
    artist = ArtistFactory(slug="ai-weiwei")
    for title, fields in ((HIDDEN, hidden_fields), (VISIBLE, {})):
        article = ArticleFactory(title=title, section=section, tags=["Shared"], **fields)
        article.featured_artists.add(artist)
    args = {"latest": [], "section": ["reviews"], "tag": ["shared"], "artist": ["ai-weiwei"]}
    return {
        f"{feed} {format_name}": reverse(f"feeds:{feed}-{format_name}", args=args[feed])
        for feed in FEEDS
        for format_name in FORMATS
    }


@pytest.mark.parametrize("state", list(STATES))
def test_hidden_articles_are_in_no_feed(client, state):
    fields = {name: value() if callable(value) else value for name, value in STATES[state].items()}
    urls = build_world(**fields)

    shown = {name: titles(read_feed(client, url)) for name, url in urls.items()}

    assert shown == {name: [VISIBLE] for name in urls}


def test_a_scheduled_article_enters_every_feed_at_its_time(client):
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=2)
    urls = build_world(published_at=go_live)

    with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
        before = {name: titles(read_feed(client, url)) for name, url in urls.items()}
    with time_machine.travel(go_live, tick=False):
        after = {name: titles(read_feed(client, url)) for name, url in urls.items()}

    assert before == {name: [VISIBLE] for name in urls}
    assert after == {name: [HIDDEN, VISIBLE] for name in urls}
