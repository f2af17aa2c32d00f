"""The status and scheduling truth table on every public surface: only a published article whose
publication time has come is shown, and a scheduled one appears at that instant with no job run."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from recommendations.models import RelatedLink
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    RelatedLinkFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

Status = Article.Status
HIDDEN = "Hidden Story"
VISIBLE = "Visible Story"
DAY = datetime.timedelta(days=1)

# Every state an article can be in, and whether readers see it.
STATES = {
    "draft, past time": ({"status": Status.DRAFT}, False),
    "draft, no time": ({"status": Status.DRAFT, "published_at": None}, False),
    "in review": ({"status": Status.REVIEW}, False),
    "unpublished": ({"status": Status.UNPUBLISHED}, False),
    "scheduled": ({"published_at": lambda: timezone.now() + DAY}, False),
    "published": ({}, True),
}

SURFACES = [
    "article",
    "home",
    "article-list",
    "section",
    "shared-tag",
    "artist",
    "artwork",
    "related-block",
]


def build_world(**hidden_fields):
    """The article under test and a public one, in one section, featuring one artist and
    artwork, sharing a tag; the public one links to the other in "You may also like"."""
    section = SectionFactory(name="Reviews", slug="reviews")
    artist = ArtistFactory(name="Ai Weiwei", sort_name="Ai, Weiwei")
    artwork = ArtworkFactory(title="Dropping a Han Dynasty Urn")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    hidden = ArticleFactory(title=HIDDEN, section=section, tags=["Shared"], **hidden_fields)
    visible = ArticleFactory(title=VISIBLE, section=section, tags=["Shared"])
    for article in (hidden, visible):
        ArticleFigureFactory(article=article, artwork=artwork)
        article.featured_artists.add(artist)
        article.featured_artworks.add(artwork)
    RelatedLinkFactory(source=visible, target=hidden, status=RelatedLink.Status.PINNED, position=0)
    return {
        "article": hidden.get_absolute_url(),
        "home": reverse("articles:home"),
        "article-list": reverse("articles:article-list"),
        "section": section.get_absolute_url(),
        "shared-tag": reverse("articles:tag-detail", args=["shared"]),
        "artist": artist.get_absolute_url(),
        "artwork": artwork.get_absolute_url(),
        "related-block": visible.get_absolute_url(),
    }, hidden


def shows_hidden(client, url: str, surface: str) -> bool:
    response = client.get(url)
    if surface == "article":
        assert response.status_code in (200, 404)
        return response.status_code == 200
    assert response.status_code == 200
    content = response.content.decode()
    assert VISIBLE in content or surface == "related-block"
    return HIDDEN in content


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("surface", SURFACES)
def test_status_truth_table(client, state, surface):
    """Each state against each public surface: shown exactly when published and due."""
    fields, shown = STATES[state]
    fields = {name: value() if callable(value) else value for name, value in fields.items()}
    urls, _ = build_world(**fields)

    assert shows_hidden(client, urls[surface], surface) is shown


def test_hidden_article_is_404_for_staff_too(admin_client):
    """The public site is the same for editors: they have preview links for the rest."""
    urls, _ = build_world(status=Status.DRAFT)

    assert admin_client.get(urls["article"]).status_code == 404


def test_scheduled_article_appears_everywhere_at_its_instant(client):
    """One second before its time a scheduled article is nowhere; at its time it is on every
    surface, with no job, cron or cache refresh in between."""
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=2)
    urls, _ = build_world(published_at=go_live)

    with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
        assert not any(shows_hidden(client, urls[s], s) for s in SURFACES)
    with time_machine.travel(go_live, tick=False):
        assert all(shows_hidden(client, urls[s], s) for s in SURFACES)


def test_tag_carried_only_by_hidden_article_is_404(client):
    """A tag page with nothing public on it does not exist for readers."""
    _, hidden = build_world(status=Status.DRAFT)
    hidden.tags.add("Secret")

    assert client.get(reverse("articles:tag-detail", args=["secret"])).status_code == 404


def test_unused_tag_is_404(client):
    """A tag that nothing carries is a 404 as well."""
    _, hidden = build_world(status=Status.DRAFT)
    hidden.tags.add("Orphan")
    hidden.tags.remove("Orphan")

    assert client.get(reverse("articles:tag-detail", args=["orphan"])).status_code == 404
