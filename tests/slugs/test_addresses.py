"""Unicode names end to end: every page, feed and sitemap that shows them answers, and every
address it links to answers too."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.slugs.links import addresses_in, slug_addresses_in, statuses
from tests.slugs.scenario import TAG_SLUGS, unicode_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return unicode_content()


def tag_url(name: str) -> str:
    return reverse("articles:tag-detail", args=[TAG_SLUGS[name]])


def surfaces(content) -> list[str]:
    """Every public address that shows the content or links to it."""
    tags = [tag_url(name) for name in TAG_SLUGS]
    tag_feeds = [
        reverse(f"feeds:tag-{kind}", args=[TAG_SLUGS[name]])
        for name in TAG_SLUGS
        for kind in ("rss", "atom")
    ]
    section = content.section.slug
    artist = content.artist.slug
    return [
        "/",
        reverse("articles:article-list"),
        content.article.get_absolute_url(),
        content.section.get_absolute_url(),
        content.artist.get_absolute_url(),
        content.artwork.get_absolute_url(),
        *tags,
        *tag_feeds,
        reverse("feeds:latest-rss"),
        reverse("feeds:latest-atom"),
        reverse("feeds:section-rss", args=[section]),
        reverse("feeds:section-atom", args=[section]),
        reverse("feeds:artist-rss", args=[artist]),
        reverse("feeds:artist-atom", args=[artist]),
        "/sitemap.xml",
        *(f"/sitemap-{name}.xml" for name in ("articles", "sections", "tags", "artists")),
        "/sitemap-artworks.xml",
    ]


def test_tags_get_readable_unique_slugs(content):
    """Each tag keeps its name as typed and gets a readable slug; "🎨🎨" is numbered after "🎨"."""
    assert dict(Tag.objects.values_list("name", "slug")) == TAG_SLUGS


def test_content_slugs_are_made_from_names(content):
    """Slugs left empty are made from the name or title, letters of every script kept."""
    assert content.section.slug == "künste-美術"
    assert content.article.slug == "現代美術の夜"
    assert content.artist.slug == "hannah-höch"
    assert content.artwork.slug == "café-de-flore"


def test_every_surface_answers(client, content):
    """Article, tag, artist, artwork and section pages, their feeds and the sitemaps: 200."""
    answers = statuses(client, surfaces(content))

    assert answers == dict.fromkeys(answers, 200)


def test_every_link_on_every_surface_answers(client, content):
    """Every tag, section, artist, artwork, article and feed link they show, followed: 200."""
    linked = set()
    for address in surfaces(content):
        linked |= slug_addresses_in(client.get(address))

    assert {tag_url(name) for name in TAG_SLUGS} <= linked
    assert content.artwork.get_absolute_url() in linked
    answers = statuses(client, linked)
    assert answers == dict.fromkeys(answers, 200)


def test_the_tags_sitemap_lists_every_tag(client, content):
    """/sitemap-tags.xml lists the article's tags by their Unicode addresses."""
    listed = addresses_in(client.get("/sitemap-tags.xml"))

    assert set(listed) == {tag_url(name) for name in TAG_SLUGS if name != "Bauhaus-Künstler"}


def test_the_article_links_its_tags(client, content):
    """The article page links each of its tags (the page that answered 500)."""
    linked = slug_addresses_in(client.get(content.article.get_absolute_url()))

    assert {tag_url(name) for name in TAG_SLUGS if name != "Bauhaus-Künstler"} <= linked


def test_an_address_with_decomposed_accents_finds_the_slug(client, content):
    """ "Cafe" plus a combining accent, as some keyboards and pasted links spell it, is "café"."""
    assert client.get("/tags/cafe%CC%81/").status_code == 200
    assert client.get("/artworks/cafe%CC%81-de-flore/").status_code == 200


@pytest.mark.parametrize(
    "address",
    [
        "/tags/%F0%9F%8E%A8/",  # the emoji itself, not its slug
        "/tags/a%2Fb/",
        "/tags/a%3Fb/",
        "/tags/a%23b/",
        "/tags/100%25/",
        "/tags/%FF%FE/",  # not UTF-8
        "/tags/a%20b/",
        "/tags/%E2%80%AEevil/",
        "/articles/%00/",
        "/artists/..%2F..%2Fetc/",
        "/feeds/tags/%F0%9F%8E%A8/rss/",
    ],
)
def test_addresses_that_are_no_slug_are_404(client, content, address):
    """An address that cannot be a slug is a 404, never a 500."""
    assert client.get(address).status_code == 404
