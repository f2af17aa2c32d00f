"""Each feed costs a fixed number of queries, whether it lists one article or many."""

import pytest
from django.urls import reverse

from sitesettings.models import SiteSettings
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    SectionFactory,
)
from tests.feeds.reader import read_feed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# Every budget includes the SAVEPOINT / RELEASE pair of ATOMIC_REQUESTS, the site settings (1)
# and the articles (1) with their bylines (1), figures with artworks (1), the artworks'
# images (1) and tags (1): 2 + 6. A feed of a section, tag or artist also loads that (1); a
# tag's also checks that something public carries it (1). Bodies with links add one query for
# the state of those links, whatever their number (links/readers.py): none here.
BUDGETS = {"latest": 8, "section": 9, "tag": 10, "artist": 9}


def build(count: int) -> dict[str, list[str]]:
    """`count` public articles in one section, with one tag, featuring one artist, each with
    two authors, a figure and three tags; the site settings row exists (made on first use)."""
    SiteSettings.current()
    section = SectionFactory(slug="reviews")
    artist = ArtistFactory(slug="ai-weiwei")
    for _ in range(count):
        article = ArticleFactory(section=section, tags=["Shared", "Other", "Third"])
        ArticleAuthorFactory(article=article)
        ArticleAuthorFactory(article=article)
        ArticleFigureFactory(article=article)
        article.featured_artists.add(artist)
    return {"latest": [], "section": ["reviews"], "tag": ["shared"], "artist": ["ai-weiwei"]}


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize("format_name", ["rss", "atom"])
@pytest.mark.parametrize("feed", list(BUDGETS))
def test_feed_query_budget(client, django_assert_max_num_queries, feed, format_name, count):
    args = build(count)[feed]
    url = reverse(f"feeds:{feed}-{format_name}", args=args)

    with django_assert_max_num_queries(BUDGETS[feed]):
        parsed = read_feed(client, url)

    assert len(parsed.entries) == count
