"""The sitemaps with tags, sections, articles, artists and artworks named in any script."""

import pytest
from django.urls import reverse

from tests.slugs.links import addresses_in, statuses
from tests.slugs.scenario import TAG_SLUGS, unicode_content

pytestmark = pytest.mark.django_db


def test_every_sitemap_lists_unicode_addresses_that_answer(client):
    """The index and each section answer; every address they list answers (the tags sitemap
    was a 500 as soon as one tag had a non-ASCII or empty slug)."""
    content = unicode_content()
    sections = addresses_in(client.get("/sitemap.xml"))

    listed = {path for section in sections for path in addresses_in(client.get(section))}

    article_tags = [slug for name, slug in TAG_SLUGS.items() if name != "Bauhaus-Künstler"]
    tags = {reverse("articles:tag-detail", args=[slug]) for slug in article_tags}
    assert {path for path in listed if path.startswith("/tags/")} == tags
    assert {
        content.article.get_absolute_url(),
        content.section.get_absolute_url(),
        content.artist.get_absolute_url(),
        content.artwork.get_absolute_url(),
    } <= listed
    assert statuses(client, listed) == dict.fromkeys(listed, 200)
