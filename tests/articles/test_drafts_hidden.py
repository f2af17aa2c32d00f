"""Drafts and scheduled articles are invisible to readers on every URL that lists articles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN = "Hidden Story"
VISIBLE = "Visible Story"

DAY = datetime.timedelta(days=1)

NOT_YET_PUBLIC = {
    "draft-past-time": lambda: {"status": Article.Status.DRAFT},
    "draft-no-time": lambda: {"status": Article.Status.DRAFT, "published_at": None},
    "scheduled": lambda: {"published_at": timezone.now() + DAY},
}


@pytest.fixture(params=list(NOT_YET_PUBLIC))
def world(request):
    """A hidden article and a public one, both in one section, featuring one artist and artwork,
    sharing a tag; the hidden one also carries a tag of its own."""
    section = SectionFactory(name="Reviews", slug="reviews")
    artist = ArtistFactory(name="Ai Weiwei", sort_name="Ai, Weiwei")
    artwork = ArtworkFactory(title="Dropping a Han Dynasty Urn")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    hidden = ArticleFactory(
        title=HIDDEN, section=section, tags=["Shared", "Secret"], **NOT_YET_PUBLIC[request.param]()
    )
    visible = ArticleFactory(title=VISIBLE, section=section, tags=["Shared"])
    for article in (hidden, visible):
        ArticleFigureFactory(article=article, artwork=artwork)
        article.featured_artists.add(artist)
        article.featured_artworks.add(artwork)
    return {"hidden": hidden, "section": section, "artist": artist, "artwork": artwork}


def test_hidden_article_url_is_404(client, world):
    """Readers get a 404 at the URL of an article that is not public yet."""
    response = client.get(world["hidden"].get_absolute_url())

    assert response.status_code == 404


def test_hidden_article_url_is_404_for_staff_too(admin_client, world):
    """There is no preview: even a logged-in editor gets a 404 on the public site."""
    response = admin_client.get(world["hidden"].get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize(
    "page",
    [
        "articles:home",
        "articles:article-list",
        "section",
        "shared-tag",
        "artist",
        "artwork",
    ],
)
def test_hidden_article_is_absent_from_lists(client, world, page):
    """Home, the article list, section, tag, artist and artwork pages show only the public one."""
    urls = {
        "section": world["section"].get_absolute_url(),
        "shared-tag": reverse("articles:tag-detail", args=["shared"]),
        "artist": world["artist"].get_absolute_url(),
        "artwork": world["artwork"].get_absolute_url(),
    }

    response = client.get(urls.get(page) or reverse(page))

    assert response.status_code == 200
    content = response.content.decode()
    assert VISIBLE in content
    assert HIDDEN not in content
    assert world["hidden"].get_absolute_url() not in content


def test_tag_carried_only_by_hidden_article_is_404(client, world):
    """A tag page with nothing public on it does not exist for readers."""
    response = client.get(reverse("articles:tag-detail", args=["secret"]))

    assert response.status_code == 404


def test_unused_tag_is_404(client, world):
    """A tag that nothing carries is a 404 as well."""
    world["hidden"].tags.add("Orphan")
    world["hidden"].tags.remove("Orphan")

    response = client.get(reverse("articles:tag-detail", args=["orphan"]))

    assert response.status_code == 404
