"""What link previews and crawlers read in each page's head: an absolute canonical address (with
?page=N on later pages of a list) repeated as og:url, Open Graph and Twitter card tags, the
article's own tags, and links to the feeds of the page's articles."""

import datetime

import pytest
from django.urls import reverse

from articles import views as article_views
from artworks import views as artwork_views
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkFactory,
    SectionFactory,
)
from tests.renditions import renditions_of
from tests.structured_data.head import read_head

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def world(monkeypatch):
    """Two articles in one section with one tag (one per page of every list), an artist and two
    artworks (one per page)."""
    for view in (
        article_views.ArticleListView,
        article_views.SectionDetailView,
        article_views.TagDetailView,
        artwork_views.ArtworkListView,
    ):
        monkeypatch.setattr(view, "paginate_by", 1)
    section = SectionFactory(name="Reviews", slug="reviews")
    articles = [ArticleFactory(section=section, tags=["Porcelain"]) for _ in range(2)]
    artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei", sort_name="Ai, Weiwei")
    artworks = [ArtworkFactory(slug="urn"), ArtworkFactory()]
    return {"article": articles[0], "artist": artist, "artwork": artworks[0]}


CANONICAL = {
    # requested: canonical
    "/": "/",
    "/articles/": "/articles/",
    "/articles/?page=1": "/articles/",
    "/articles/?page=2&utm_source=x": "/articles/?page=2",
    "/sections/reviews/?page=2": "/sections/reviews/?page=2",
    "/tags/porcelain/?page=2": "/tags/porcelain/?page=2",
    "/artists/?letter=a": "/artists/?letter=A",
    "/artists/ai-weiwei/?ref=x": "/artists/ai-weiwei/",
    "/artworks/?page=2": "/artworks/?page=2",
    "/artworks/urn/": "/artworks/urn/",
}


@pytest.mark.parametrize("requested", list(CANONICAL))
def test_every_page_has_an_absolute_canonical_address_repeated_as_og_url(client, world, requested):
    head = read_head(client, requested)

    assert head.link("canonical") == [BASE + CANONICAL[requested]]
    assert head.one("og:url") == BASE + CANONICAL[requested]


def test_an_article_page_is_canonical_at_its_own_address(client, world):
    article = world["article"]

    head = read_head(client, article.get_absolute_url())

    assert head.link("canonical") == [BASE + article.get_absolute_url()]


def test_the_404_page_has_no_canonical_address(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
    assert "og:url" not in response.content.decode()


def test_an_article_is_shared_with_its_large_picture_times_section_and_tags(client):
    article = ArticleFactory(
        title="An urn", standfirst="Dropped.", section=SectionFactory(name="Reviews"), tags=["Clay"]
    )
    image = ArticleFigureFactory(article=article).artwork.primary_image
    image.image.renditions = renditions_of(image.image.file)
    image.image.save()

    head = read_head(client, article.get_absolute_url())

    assert head.one("og:type") == "article"
    assert head.one("og:title") == head.one("twitter:title") == "An urn"
    assert head.one("og:description") == head.one("twitter:description") == "Dropped."
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:image") == head.one("twitter:image")
    assert head.one("og:image").endswith("/social-500-500.jpg")
    assert head.one("og:image").startswith(BASE)
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:alt") == head.one("twitter:image:alt") == image.alt_text
    assert head.one("article:section") == "Reviews"
    assert head.meta["article:tag"] == ["Clay"]
    published = datetime.datetime.fromisoformat(head.one("article:published_time"))
    modified = datetime.datetime.fromisoformat(head.one("article:modified_time"))
    assert (published, modified) == (article.published_at, article.modified_at)


def test_a_page_without_a_picture_has_a_summary_card(client):
    article = ArticleFactory()

    head = read_head(client, article.get_absolute_url())

    assert head.one("twitter:card") == "summary"
    assert "og:image" not in head.meta


def test_an_artwork_without_renditions_gives_the_original_s_size(client):
    artwork = ArtworkFactory()
    image = ArticleFigureFactory(artwork=artwork).artwork.primary_image

    head = read_head(client, artwork.get_absolute_url())

    assert head.one("og:image") == BASE + image.image.file.url
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("8", "6")


FEED_PAGES = {
    "/": ("feeds:latest-rss", "feeds:latest-atom", []),
    "/sections/reviews/": ("feeds:section-rss", "feeds:section-atom", ["reviews"]),
    "/tags/porcelain/": ("feeds:tag-rss", "feeds:tag-atom", ["porcelain"]),
    "/artists/ai-weiwei/": ("feeds:artist-rss", "feeds:artist-atom", ["ai-weiwei"]),
}


@pytest.mark.parametrize("page", list(FEED_PAGES))
def test_pages_of_articles_link_their_feeds(client, world, page):
    rss, atom, args = FEED_PAGES[page]

    head = read_head(client, page)

    assert head.link("alternate", "application/rss+xml") == [reverse(rss, args=args)]
    assert head.link("alternate", "application/atom+xml") == [reverse(atom, args=args)]
    for url in (reverse(rss, args=args), reverse(atom, args=args)):
        assert client.get(url).status_code == 200


def test_other_pages_link_no_feed(client, world):
    head = read_head(client, world["artwork"].get_absolute_url())

    assert head.link("alternate") == []
