"""A scheduled article going live is a change like any other: the pages that will list it are
fresh at that instant, with no job run, and pages it does not touch stay cached."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from pagecache import declared, keys
from recommendations.models import RelatedLink
from tests.factories import ArticleFactory, ArtistFactory, RelatedLinkFactory, SectionFactory
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = pytest.mark.django_db

GO_LIVE = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def scheduled(committed):
    with time_machine.travel(GO_LIVE - datetime.timedelta(hours=1), tick=False), committed():
        quiet = SectionFactory(slug="quiet")
        ArticleFactory(title="Quiet Story", slug="quiet-story", section=quiet, tags=["Video"])
        section = SectionFactory(slug="reviews")
        artist = ArtistFactory(name="Ai Weiwei", slug="ai-weiwei")
        ArtistFactory(name="Somebody Else", slug="somebody-else")
        ArticleFactory(title="Already Out", slug="already-out", section=section, tags=["Ceramics"])
        source = ArticleFactory(title="Linking Story", slug="linking", section=section)
        article = ArticleFactory(
            title="Scheduled Story",
            slug="scheduled",
            section=section,
            published_at=GO_LIVE,
            tags=["Ceramics"],
        )
        article.featured_artists.add(artist)
        RelatedLinkFactory(source=source, target=article, status=RelatedLink.Status.APPROVED)
    return article


LISTS = [
    "/",
    "/articles/",
    "/sections/reviews/",
    "/tags/ceramics/",
    "/artists/ai-weiwei/",
    "/articles/linking/",  # its "You may also like" block links to the scheduled story
    "/feeds/rss/",
]
UNRELATED = ["/sections/quiet/", "/artists/somebody-else/", "/articles/quiet-story/"]


def test_a_scheduled_article_appears_on_every_cached_page_at_its_minute(client, scheduled):
    with time_machine.travel(GO_LIVE - datetime.timedelta(seconds=1), tick=False):
        warm(client, *LISTS, *UNRELATED)
        for url in LISTS:
            assert "Scheduled Story" not in served(client, url)[1]
        assert client.get("/articles/scheduled/").status_code == 404
    with time_machine.travel(GO_LIVE, tick=False):
        for url in LISTS:
            how, page = served(client, url)
            assert how == MISS and "Scheduled Story" in page, url
        assert client.get("/articles/scheduled/").status_code == 200
        for url in UNRELATED:
            assert served(client, url)[0] == HIT, url


def test_rescheduling_later_moves_the_change_with_it(client, scheduled, committed):
    later = GO_LIVE + datetime.timedelta(hours=2)
    with time_machine.travel(GO_LIVE - datetime.timedelta(minutes=5), tick=False):
        with committed():
            scheduled.published_at = later
            scheduled.save()
        warm(client, "/")
    with time_machine.travel(GO_LIVE, tick=False):
        how, page = served(client, "/")
        assert how == HIT and "Scheduled Story" not in page
    with time_machine.travel(later, tick=False):
        how, page = served(client, "/")
        assert how == MISS and "Scheduled Story" in page


def test_a_cache_that_forgot_the_schedule_rebuilds_every_page_once(client, scheduled):
    with time_machine.travel(GO_LIVE - datetime.timedelta(minutes=1), tick=False):
        warm(client, *UNRELATED)
        cache.delete_many([keys.PUBLICATION_WATERMARK, keys.NEXT_PUBLICATION])
        for url in UNRELATED:  # nothing says which pages a lost go-live touched: all go
            assert served(client, url)[0] == MISS
            assert served(client, url)[0] == HIT


def test_a_clock_moved_back_rebuilds_every_page_once_and_keeps_the_schedule(client, scheduled):
    """Pages built "later" are not served when the clock goes back (a site looked at as of an
    earlier day): all are rebuilt once, and the scheduled article still goes live at its time."""
    with time_machine.travel(GO_LIVE + datetime.timedelta(days=30), tick=False):
        warm(client, "/", *UNRELATED)
        assert "Scheduled Story" in served(client, "/")[1]
    with time_machine.travel(GO_LIVE - datetime.timedelta(minutes=10), tick=False):
        how, page = served(client, "/")
        assert how == MISS and "Scheduled Story" not in page
        for url in UNRELATED:
            assert served(client, url)[0] == MISS, url
        assert served(client, "/")[0] == HIT
    with time_machine.travel(GO_LIVE - datetime.timedelta(minutes=8), tick=False):
        assert served(client, "/")[0] == HIT  # moving on within the skew allowed rebuilds nothing
    with time_machine.travel(GO_LIVE, tick=False):
        how, page = served(client, "/")
        assert how == MISS and "Scheduled Story" in page


def test_the_next_go_live_costs_one_query_per_schedule_after_a_change_and_none_after(
    client, scheduled, django_assert_num_queries
):
    # One query for each app's schedule (scheduled articles, exhibitions' midnights).
    assert set(declared.SCHEDULES) == {"articles.article", "exhibitions.exhibition"}
    with time_machine.travel(GO_LIVE - datetime.timedelta(minutes=1), tick=False):
        warm(client, "/")
        cache.delete(keys.NEXT_PUBLICATION)  # as an article save does
        with django_assert_num_queries(len(declared.SCHEDULES)):
            assert served(client, "/")[0] == HIT
        with django_assert_num_queries(0):
            assert served(client, "/")[0] == HIT
    assert timezone.now()  # the clock is back
