"""RSS and Atom feeds: what a feed reader gets for each article, and which articles each feed
lists."""

import datetime

import pytest
from django.urls import reverse

from articles import feeds
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    AuthorFactory,
    SectionFactory,
)
from tests.feeds.reader import FORMATS, html_elements, read_feed, shown, titles

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert(1)</script> & "Rock" <em>roll</em>'


@pytest.fixture
def article():
    """A public article with a two-person byline, tags, a lead figure and a relative link."""
    article = ArticleFactory(
        title="Dropping a Han Dynasty Urn, again",
        standfirst="A second look at a famous photograph.",
        section=SectionFactory(name="Reviews", slug="reviews"),
        tags=["Ceramics", "Reviews", "Photography"],
        body='<p>See <a href="/artists/ai-weiwei/">the artist</a> and '
        '<a href="https://example.com/urn">the urn</a>.</p>',
    )
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="Ada Byline"), position=0)
    ArticleAuthorFactory(article=article, author=AuthorFactory(name="Bea Second"), position=1)
    ArticleFigureFactory(article=article, position=0)
    return article


def as_utc(parsed) -> datetime.datetime:
    return datetime.datetime(*parsed[:6], tzinfo=datetime.UTC)


@pytest.mark.parametrize("format_name", FORMATS)
def test_an_item_carries_what_a_reader_shows(client, article, format_name):
    """Title, absolute link, every author in byline order, section and tags as categories,
    the standfirst, the full text with absolute links, and the publication time."""
    feed = read_feed(client, reverse(f"feeds:latest-{format_name}"))

    [entry] = feed.entries
    assert entry.title == article.title
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert [author.name for author in entry.authors] == ["Ada Byline", "Bea Second"]
    categories = [tag.term for tag in entry.tags]
    assert categories[0] == "Reviews"
    assert sorted(categories[1:]) == ["Ceramics", "Photography"]  # "Reviews" only once
    assert entry.summary == "A second look at a famous photograph."
    content = entry.content[0].value
    assert 'href="http://testserver/artists/ai-weiwei/"' in content
    assert 'href="https://example.com/urn"' in content
    assert as_utc(entry.published_parsed) == article.published_at.replace(microsecond=0)


def test_atom_gives_the_time_of_the_last_change(client, article):
    """Atom entries say when they last changed (RSS has no such element)."""
    feed = read_feed(client, reverse("feeds:latest-atom"))

    [entry] = feed.entries
    assert as_utc(entry.updated_parsed) == article.modified_at.replace(microsecond=0)


@pytest.mark.parametrize("format_name", FORMATS)
def test_the_feed_describes_itself_with_absolute_addresses(client, article, format_name):
    """The feed's title is the publisher's, its link the home page, with its own address."""
    feed = read_feed(client, reverse(f"feeds:latest-{format_name}"))

    assert feed.feed.title == "Newsroom"
    assert feed.feed.link == "http://testserver/"
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"http://testserver/feeds/{format_name}/"]


@pytest.mark.parametrize("format_name", FORMATS)
def test_an_item_keeps_its_identity_when_its_slug_changes(client, article, format_name):
    """The item's id is built on the article's key, so a new slug is not a new item."""
    url = reverse(f"feeds:latest-{format_name}")
    before = read_feed(client, url).entries[0].id
    article.slug = "a-new-slug"
    article.save()

    after = read_feed(client, url).entries[0]
    assert after.id == before
    assert after.link.endswith("/articles/a-new-slug/")
    day = article.first_published_at.date().isoformat()
    assert before == f"tag:testserver,{day}:article:{article.pk}"


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_hostile_title_is_plain_text_in_the_feed(client, format_name):
    """Markup in a title reaches the reader as the same text, never as markup."""
    ArticleFactory(title=HOSTILE, standfirst=HOSTILE)

    response = client.get(reverse(f"feeds:latest-{format_name}"))
    feed = read_feed(client, reverse(f"feeds:latest-{format_name}"))

    assert b"<script>" not in response.content
    title = feed.entries[0].title_detail
    assert shown(title) == HOSTILE
    assert title.type == "text/plain" or html_elements(title.value) == []


@pytest.mark.parametrize("format_name", FORMATS)
def test_feeds_list_the_newest_first_up_to_a_fixed_number(client, monkeypatch, format_name):
    """The newest FEED_SIZE articles, newest first."""
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    now = datetime.datetime.now(datetime.UTC)
    for days in (4, 1, 3, 2):
        ArticleFactory(title=f"{days} days ago", published_at=now - datetime.timedelta(days=days))

    feed = read_feed(client, reverse(f"feeds:latest-{format_name}"))

    assert titles(feed) == ["1 days ago", "2 days ago", "3 days ago"]


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_section_feed_lists_that_section_only(client, format_name):
    section = SectionFactory(name="Reviews", slug="reviews")
    ArticleFactory(title="In the section", section=section)
    ArticleFactory(title="Elsewhere")

    feed = read_feed(client, reverse(f"feeds:section-{format_name}", args=["reviews"]))

    assert titles(feed) == ["In the section"]
    assert feed.feed.title == "Reviews | Newsroom"
    assert feed.feed.link == "http://testserver/sections/reviews/"


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_tag_feed_lists_that_tag_only(client, format_name):
    ArticleFactory(title="Tagged", tags=["Porcelain"])
    ArticleFactory(title="Not tagged", tags=["Glass"])

    feed = read_feed(client, reverse(f"feeds:tag-{format_name}", args=["porcelain"]))

    assert titles(feed) == ["Tagged"]
    assert feed.feed.link == "http://testserver/tags/porcelain/"


@pytest.mark.parametrize("format_name", FORMATS)
def test_an_artist_feed_lists_articles_featuring_the_artist(client, format_name):
    """Featured by name or through a figure of one of the artist's works."""
    artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei")
    by_name = ArticleFactory(title="By name")
    by_name.featured_artists.add(artist)
    in_figure = ArticleFactory(title="In a figure")
    ArtworkArtistFactory(artwork=ArticleFigureFactory(article=in_figure).artwork, artist=artist)
    ArticleFactory(title="Unrelated")

    feed = read_feed(client, reverse(f"feeds:artist-{format_name}", args=["ai-weiwei"]))

    assert sorted(titles(feed)) == ["By name", "In a figure"]
    assert feed.feed.title == "Articles featuring Ai Weiwei | Newsroom"


@pytest.mark.parametrize(
    "name", ["section-rss", "section-atom", "tag-rss", "tag-atom", "artist-rss", "artist-atom"]
)
def test_an_unknown_section_tag_or_artist_is_404(client, name):
    assert client.get(reverse(f"feeds:{name}", args=["no-such-thing"])).status_code == 404


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_tag_only_drafts_carry_is_404(client, format_name):
    """As its page is: the feed would otherwise give away the tag's name."""
    ArticleFactory(draft=True, tags=["Secret plans"])

    response = client.get(reverse(f"feeds:tag-{format_name}", args=["secret-plans"]))

    assert response.status_code == 404


@pytest.mark.parametrize("format_name", FORMATS)
def test_feeds_answer_with_their_content_type(client, format_name):
    response = client.get(reverse(f"feeds:latest-{format_name}"))

    assert response["Content-Type"].startswith(f"application/{format_name}+xml")
