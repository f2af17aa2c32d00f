"""The tag, section and artist feeds at Unicode addresses."""

import pytest
from django.urls import reverse

from tests.feeds.reader import FORMATS, read_feed
from tests.slugs.scenario import TAG_SLUGS, unicode_content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("format_name", FORMATS)
@pytest.mark.parametrize("name", [name for name in TAG_SLUGS if name != "Bauhaus-Künstler"])
def test_a_unicode_tag_feed_lists_the_article(client, format_name, name):
    """/feeds/tags/<künstler, 現代美術, artist-palette…>/ parse and list the tagged article,
    linking back to the tag's page."""
    content = unicode_content()
    tag_url = reverse("articles:tag-detail", args=[TAG_SLUGS[name]])

    feed = read_feed(client, reverse(f"feeds:tag-{format_name}", args=[TAG_SLUGS[name]]))

    assert [entry.title for entry in feed.entries] == [content.article.title]
    assert feed.feed.link == f"http://testserver{tag_url}"


@pytest.mark.parametrize("format_name", FORMATS)
def test_section_and_artist_feeds_at_unicode_addresses(client, format_name):
    """A section and an artist with non-ASCII slugs have feeds that parse."""
    content = unicode_content()

    for feed_name, slug in [("section", content.section.slug), ("artist", content.artist.slug)]:
        feed = read_feed(client, reverse(f"feeds:{feed_name}-{format_name}", args=[slug]))
        assert [entry.title for entry in feed.entries] == [content.article.title]
