"""/sitemap.xml: an index of the articles, sections, tags, artists, artworks and exhibitions
sitemaps, each listing absolute public addresses with the date they last changed."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.sitemaps import ArticleSitemap
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkFactory,
    ExhibitionFactory,
    SectionFactory,
)
from tests.sitemaps.reader import SECTIONS, read_sitemap, section_url

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def day(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).date().isoformat()


def test_the_index_lists_every_section_with_its_latest_change(client):
    article = ArticleFactory()
    artist, artwork = ArtistFactory(), ArtworkFactory()
    exhibition = ExhibitionFactory()

    index = read_sitemap(client, "/sitemap.xml")

    assert list(index) == [f"{BASE}{section_url(name)}" for name in SECTIONS]
    latest = {
        "articles": article.modified_at,
        "sections": article.modified_at,
        "tags": None,  # no article carries a tag: the tags sitemap is empty
        "series": None,  # no article is in a series: the series sitemap is empty
        "artists": artist.updated_at,
        "artworks": artwork.updated_at,
        "exhibitions": exhibition.updated_at,
    }
    for name, moment in latest.items():
        lastmod = index[f"{BASE}{section_url(name)}"]
        if moment is None:
            assert lastmod is None
        else:
            assert datetime.datetime.fromisoformat(lastmod) == moment


def test_articles_are_listed_with_the_day_of_their_last_change(client):
    article = ArticleFactory()

    listed = read_sitemap(client, section_url("articles"))

    assert listed == {f"{BASE}{article.get_absolute_url()}": day(article.updated_at)}


def test_a_scheduled_article_s_lastmod_is_its_publication_time(client):
    """Saved on Monday to appear on Wednesday: to a crawler it changed on Wednesday."""
    go_live = timezone.now() + datetime.timedelta(days=2)
    article = ArticleFactory(published_at=go_live)

    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        listed = read_sitemap(client, section_url("articles"))
        index = read_sitemap(client, "/sitemap.xml")

    assert listed == {f"{BASE}{article.get_absolute_url()}": day(go_live)}
    assert datetime.datetime.fromisoformat(index[f"{BASE}/sitemap-articles.xml"]) == go_live


def test_sections_are_listed_once_they_have_a_public_article(client):
    """With the latest change among their public articles; an empty section is left out."""
    reviews = SectionFactory(slug="reviews")
    SectionFactory(slug="empty")
    drafts_only = SectionFactory(slug="drafts-only")
    old = ArticleFactory(section=reviews, published_at=timezone.now() - datetime.timedelta(days=9))
    ArticleFactory(section=drafts_only, draft=True)

    listed = read_sitemap(client, section_url("sections"))

    assert listed == {f"{BASE}/sections/reviews/": day(old.modified_at)}


def test_tags_are_listed_when_a_public_article_carries_them(client):
    ArticleFactory(tags=["Porcelain"])
    ArticleFactory(draft=True, tags=["Secret"])
    ArtistFactory(tags=["Bauhaus"])  # reached through the artist's page

    listed = read_sitemap(client, section_url("tags"))

    assert list(listed) == [f"{BASE}/tags/porcelain/"]


def test_artists_and_artworks_are_all_listed(client):
    artists = [ArtistFactory(), ArtistFactory()]
    artworks = [ArtworkFactory()]

    assert read_sitemap(client, section_url("artists")) == {
        f"{BASE}{artist.get_absolute_url()}": day(artist.updated_at) for artist in artists
    }
    assert read_sitemap(client, section_url("artworks")) == {
        f"{BASE}{artwork.get_absolute_url()}": day(artwork.updated_at) for artwork in artworks
    }


def test_a_long_sitemap_is_split_into_pages_listed_in_the_index(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [ArticleFactory() for _ in range(3)]

    index = read_sitemap(client, "/sitemap.xml")
    page_2 = read_sitemap(client, section_url("articles") + "?p=2")

    assert f"{BASE}/sitemap-articles.xml?p=2" in index
    assert list(page_2) == [f"{BASE}{articles[0].get_absolute_url()}"]  # the oldest
    assert client.get(section_url("articles") + "?p=3").status_code == 404


def test_an_unknown_section_is_404(client):
    assert client.get(section_url("nothing")).status_code == 404


def test_public_exhibitions_are_listed_and_private_ones_never(client):
    """lastmod is the exhibition's last change; a show not public yet is not listed."""
    shown = ExhibitionFactory()
    ExhibitionFactory(is_public=False)

    assert read_sitemap(client, section_url("exhibitions")) == {
        f"{BASE}{shown.get_absolute_url()}": day(shown.updated_at)
    }
