"""Feeds with hostile and careless text in every value a reader sees (tagline, publisher,
section, tag, artist and author names, titles, standfirsts): each feed answers, is well-formed
XML, and carries the text as text, never as markup; also for rows written without save()."""

import xml.dom.minidom
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Author, Section
from artists.models import Artist
from plaintext.text import clean_text, drop_disallowed
from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArtistFactory,
    AuthorFactory,
    SectionFactory,
)
from tests.feeds.reader import FORMATS, html_elements, read_feed, shown

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"><img src=x onerror=alert(1)>',
    "</title><script>alert(1)</script>",
    "<em>roll</em> & <b>Rock</b>",
    "]]><i>out of CDATA</i><![CDATA[",
    "&lt;img src=x onerror=alert(1)&gt; &amp; &#x27;",
    "Shift+Enter\x0bform\x0cfeed\x1besc\x7fdel\x85nel\x9f\ufffe\uffff\U0001fffe end",
    "\u202e<a href=javascript:alert(1)>right-to-left</a>\u200f",
    "  Ca\u0301fe\u0301 \r\n with a Windows line break  ",
]
# Every element and attribute the formats write: anything else came from the input.
RSS_VOCABULARY = {
    "rss", "channel", "title", "link", "description", "language", "lastBuildDate", "item",
    "pubDate", "guid", "category", "enclosure", "{http://www.w3.org/2005/Atom}link",
    "{http://purl.org/dc/elements/1.1/}creator",
    "{http://purl.org/rss/1.0/modules/content/}encoded",
}  # fmt: skip
ATOM_VOCABULARY = {
    f"{{http://www.w3.org/2005/Atom}}{name}"
    for name in (
        "feed", "title", "link", "id", "updated", "author", "name", "entry", "published",
        "summary", "content", "category", "subtitle",
    )
}  # fmt: skip
ATTRIBUTES = {
    "version", "href", "rel", "type", "term", "isPermaLink", "url", "length", "hreflang",
    "{http://www.w3.org/XML/1998/namespace}lang",
}  # fmt: skip
# The elements whose text readers take as HTML, and the elements that text may hold: the
# article's body (the factory's "<p>Body text.</p>"), nothing from the names and titles.
HTML_VALUES = {
    "rss": {
        "title": set(),
        "description": set(),
        "{http://purl.org/rss/1.0/modules/content/}encoded": {"p"},
    },
    "atom": {
        "{http://www.w3.org/2005/Atom}summary": set(),
        "{http://www.w3.org/2005/Atom}content": {"p"},
    },
}


def hostile_world(value: str) -> dict:
    """A published article with `value` in every text a feed shows, saved through the ORM."""
    site = SiteSettings.current()
    site.publisher_name = f"{value} Press"
    site.tagline = f"{value} tagline"
    site.save()
    section = SectionFactory(name=f"{value} section")
    artist = ArtistFactory(name=f"{value} artist")
    article = ArticleFactory(
        title=f"{value} title",
        standfirst=f"{value} standfirst",
        section=section,
        tags=[f"{value} tag"],
    )
    ArticleAuthorFactory(article=article, author=AuthorFactory(name=f"{value} author"))
    article.featured_artists.add(artist)
    return {"section": section, "tag": article.tags.get(), "artist": artist}


def feed_urls(world: dict, format_name: str) -> list[str]:
    return [
        reverse(f"feeds:latest-{format_name}"),
        reverse(f"feeds:section-{format_name}", args=[world["section"].slug]),
        reverse(f"feeds:tag-{format_name}", args=[world["tag"].slug]),
        reverse(f"feeds:artist-{format_name}", args=[world["artist"].slug]),
    ]


def assert_no_markup_from_the_input(content: bytes, format_name: str):
    """Well-formed XML (two parsers), made of the format's own elements and attributes only,
    and no element from the input in the values readers take as HTML."""
    xml.dom.minidom.parseString(content)  # noqa: S318 (the app's own output, in a test)
    root = ET.fromstring(content)  # noqa: S314 (the app's own output, in a test)
    vocabulary = RSS_VOCABULARY if format_name == "rss" else ATOM_VOCABULARY
    html_values = HTML_VALUES[format_name]
    for element in root.iter():
        assert element.tag in vocabulary, element.tag
        assert set(element.attrib) <= ATTRIBUTES, element.attrib
        if element.tag in html_values and element.text:
            elements = set(html_elements(element.text))
            assert elements <= html_values[element.tag], (element.tag, element.text)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("format_name", FORMATS)
def test_every_feed_shows_hostile_text_as_text(client, value, format_name):
    """Home, section, tag and artist feeds answer, parse, and show the names and titles as
    typed (cleaned as saving cleans them), never as markup."""
    world = hostile_world(value)

    def saved(what: str) -> str:
        return clean_text(f"{value} {what}")

    for url in feed_urls(world, format_name):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_markup_from_the_input(response.content, format_name)
        feed = read_feed(client, url)
        [entry] = feed.entries
        assert shown(entry.title_detail) == saved("title")
        assert shown(entry.summary_detail) == saved("standfirst")
        assert [author.name for author in entry.authors] == [saved("author")]
        assert [category.term for category in entry.tags] == [saved("section"), saved("tag")]
        assert saved("Press") in shown(feed.feed.title_detail)
        if format_name == "rss":  # the channel's description, which readers take as HTML
            assert html_elements(feed.feed.subtitle) == []


@pytest.mark.parametrize("value", HOSTILE)
def test_the_home_rss_feed_shows_the_tagline_as_text(client, value):
    """The channel's description is escaped as the items' are: a tagline's markup is text."""
    hostile_world(value)

    feed = read_feed(client, reverse("feeds:latest-rss"))

    assert feed.feed.subtitle_detail.type == "text/html"
    assert html_elements(feed.feed.subtitle) == []
    assert shown(feed.feed.subtitle_detail) == clean_text(f"{value} tagline")


@pytest.mark.parametrize("format_name", FORMATS)
def test_rows_written_without_save_do_not_break_a_feed(client, format_name):
    """Text that update() wrote past the cleaning (a vertical tab pasted into a title before
    it existed) is left out at output: the feed still answers and parses."""
    world = hostile_world("plain")
    dirty = "a\x0bb\x0cc\x1bd\x7f\x85\ufffe\uffff <img src=x onerror=alert(1)>"
    Article.objects.update(title=dirty, standfirst=dirty, meta_description=dirty)
    Section.objects.update(name=dirty)
    Author.objects.update(name=dirty)
    Artist.objects.update(name=dirty)
    Tag.objects.update(name=dirty)
    SiteSettings.objects.update(publisher_name=dirty, tagline=dirty)

    for url in feed_urls(world, format_name):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_markup_from_the_input(response.content, format_name)
        [entry] = read_feed(client, url).entries
        assert shown(entry.title_detail) == drop_disallowed(dirty)
