"""The page cache turns an article's "On view" block over at the exact midnight, in the site's
time zone, with no job run; shared caches keep no page past it; edits of a show, its venue and
what it shows make the pages showing it stale."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from exhibitions import cached_pages
from pagecache import declared, keys
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ExhibitionFactory,
    VenueFactory,
)
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on", "site_settings")]

ZONE = "Pacific/Auckland"  # 12 or 13 hours ahead of UTC: the local date is not UTC's
LOCAL = ZoneInfo(ZONE)
CLOSES = date(2011, 5, 2)


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.TIME_ZONE = ZONE
    settings.CDN_CACHE_SECONDS, settings.CDN_STALE_SECONDS = 60, 30


def local(*args) -> datetime:
    return datetime(*args, tzinfo=LOCAL)


@pytest.fixture
def seeds(committed):
    with time_machine.travel(local(2011, 5, 1, 12), tick=False), committed():
        venue = VenueFactory(name="Tate Modern", city="London")
        exhibition = ExhibitionFactory(
            title="Sunflower Seeds",
            slug="sunflower-seeds",
            venue=venue,
            opens_on=date(2010, 10, 12),
            closes_on=CLOSES,
        )
        article = ArticleFactory(title="Ai Weiwei", slug="ai-weiwei")
        article.featured_exhibitions.add(exhibition)
    return article


ON = "On view at Tate Modern, London, until 2 May 2011"


def test_the_block_turns_over_at_local_midnight_with_no_job(client, seeds):
    """At 23:59 local on closing day a cached page still says "On view"; at 00:00:01 the next
    day the first request rebuilds it and it says "Closed"."""
    url = seeds.get_absolute_url()
    with time_machine.travel(local(2011, 5, 2, 23, 59), tick=False):
        warm(client, url)
        how, page = served(client, url)
        assert how == HIT and ON in page
    with time_machine.travel(local(2011, 5, 3, 0, 0, 1), tick=False):
        how, page = served(client, url)
        assert how == MISS and "Closed 2 May 2011" in page and ON not in page
        assert served(client, url)[0] == HIT


def test_a_reader_moving_the_clock_back_and_forth_sees_each_day_s_state(client, seeds):
    """The page seen years after the show (cached), then as of closing day (the clock moved
    back: rebuilt, "On view"), then the day after ("Closed"): never a page of another day."""
    url = seeds.get_absolute_url()
    with time_machine.travel(local(2026, 12, 4, 9), tick=False):
        warm(client, url)
        assert "Closed 2 May 2011" in served(client, url)[1]
    with time_machine.travel(local(2011, 5, 2, 9), tick=False):
        how, page = served(client, url)
        assert how == MISS and ON in page
    with time_machine.travel(local(2011, 5, 3, 9), tick=False):
        how, page = served(client, url)
        assert how == MISS and "Closed 2 May 2011" in page


def test_opening_day_turns_over_too(client, committed):
    """An upcoming show says "Opens" until the midnight that begins its first day."""
    with time_machine.travel(local(2027, 4, 30, 12), tick=False), committed():
        exhibition = ExhibitionFactory(opens_on=date(2027, 5, 1), closes_on=None)
        article = ArticleFactory()
        article.featured_exhibitions.add(exhibition)
    url = article.get_absolute_url()
    with time_machine.travel(local(2027, 4, 30, 23, 59, 59), tick=False):
        warm(client, url)
        assert "Opens 1 May 2027" in served(client, url)[1]
    with time_machine.travel(local(2027, 5, 1), tick=False):
        how, page = served(client, url)
        assert how == MISS and "Opens" not in page and "On view at" in page


def test_shared_caches_keep_no_page_past_the_midnight(client, seeds):
    """s-maxage and stale-while-revalidate end by the next midnight at which a show's state
    changes; browsers revalidate every time."""
    url = seeds.get_absolute_url()
    with time_machine.travel(local(2011, 5, 2, 23, 59, 40), tick=False):
        for _ in range(2):  # built, then from the cache
            control = client.get(url)["Cache-Control"]
            assert "max-age=0" in control and "s-maxage=20" in control
            assert "stale-while-revalidate" not in control
    with time_machine.travel(local(2011, 5, 2, 23, 58, 40), tick=False):
        control = client.get(url)["Cache-Control"]
        assert "s-maxage=60" in control and "stale-while-revalidate=20" in control
    with time_machine.travel(local(2011, 5, 3, 12), tick=False):  # nothing ahead: as set
        control = client.get(url)["Cache-Control"]
        assert "s-maxage=60" in control and "stale-while-revalidate=30" in control


def test_the_schedule_knows_the_next_midnight(committed):
    """The next change after a moment is the midnight (in UTC) beginning the first day a public
    show opens or the day after one closes; a private show counts for nothing."""
    with committed():
        ExhibitionFactory(opens_on=date(2011, 6, 1), closes_on=date(2011, 6, 30))
        ExhibitionFactory(opens_on=date(2011, 1, 1), closes_on=date(2011, 5, 2))
        ExhibitionFactory(opens_on=date(2011, 5, 10), closes_on=None, is_public=False)
    midnight_3_may = datetime(2011, 5, 2, 12, tzinfo=UTC)  # 00:00 NZST, 3 May
    assert cached_pages.next_change_after(local(2011, 5, 1, 9)) == midnight_3_may
    assert cached_pages.next_change_after(midnight_3_may - timedelta(seconds=1)) == (midnight_3_may)
    assert cached_pages.next_change_after(midnight_3_may) == local(2011, 6, 1)
    assert cached_pages.next_change_after(local(2011, 7, 1)) is None


def test_what_changed_between_two_moments(committed):
    """Shows whose state changed at a midnight in (start, end]; none at the start itself."""
    with committed():
        closing = ExhibitionFactory(opens_on=date(2011, 1, 1), closes_on=date(2011, 5, 2))
        opening = ExhibitionFactory(opens_on=date(2011, 5, 3), closes_on=None)
        ExhibitionFactory(opens_on=date(2011, 5, 4), closes_on=None)
        ExhibitionFactory(opens_on=date(2011, 5, 3), closes_on=None, is_public=False)
    changed = cached_pages.changed_between
    assert set(changed(local(2011, 5, 2, 23), local(2011, 5, 3, 0))) == {closing.pk, opening.pk}
    assert list(changed(local(2011, 5, 3, 0), local(2011, 5, 3, 23, 59))) == []
    assert list(changed(local(2011, 5, 3, 0, 0, 1), local(2011, 5, 3, 12))) == []


def test_the_footprint_names_the_index_and_the_pages_showing_them(committed):
    """When a show's state changes, the index and every page that showed it are stale."""
    with committed():
        exhibition = ExhibitionFactory()
    names = declared.FOOTPRINTS["exhibitions.exhibition"]
    assert any(cached_pages.EXHIBITIONS in f([exhibition.pk]) for f in names)
    from pagecache import footprint  # noqa: PLC0415

    assert keys.for_object("exhibitions.exhibition", exhibition.pk) in footprint.keys_for(
        "exhibitions.exhibition", [exhibition.pk]
    )


@pytest.mark.parametrize(
    "change",
    [
        "dates",
        "hidden",
        "venue renamed",
        "artist added",
        "unfeatured",
    ],
)
def test_edits_make_the_article_page_stale(client, seeds, committed, change):
    """A show's dates or visibility edited, its venue renamed, its artists changed, or the
    article no longer featuring it: the article page is rebuilt."""
    url = seeds.get_absolute_url()
    exhibition = seeds.featured_exhibitions.get()
    with time_machine.travel(local(2011, 5, 1, 12), tick=False):
        warm(client, url)
        with committed():
            if change == "dates":
                exhibition.closes_on = date(2011, 6, 30)
                exhibition.save()
            elif change == "hidden":
                exhibition.is_public = False
                exhibition.save()
            elif change == "venue renamed":
                exhibition.venue.name = "Tate Britain"
                exhibition.venue.save()
            elif change == "artist added":
                exhibition.artists.add(ArtistFactory())
            else:
                seeds.featured_exhibitions.remove(exhibition)
        how, page = served(client, url)
        assert how == MISS
        expected = {
            "dates": "until 30 June 2011",
            "venue renamed": "Tate Britain",
            "artist added": ON,
        }.get(change)
        if expected:
            assert expected in page
        else:
            assert "Sunflower Seeds" not in page


def test_new_dates_move_the_next_midnight(client, seeds, committed):
    """Rescheduling a closing recomputes when pages next turn over."""
    url = seeds.get_absolute_url()
    exhibition = seeds.featured_exhibitions.get()
    with time_machine.travel(local(2011, 5, 1, 12), tick=False):
        with committed():
            exhibition.closes_on = date(2011, 5, 1)
            exhibition.save()
        warm(client, url)
    with time_machine.travel(local(2011, 5, 2, 0, 0, 1), tick=False):
        how, page = served(client, url)
        assert how == MISS and "Closed 1 May 2011" in page


def test_the_index_key_moves_with_a_show_saved(committed):
    """Part B's index depends on EXHIBITIONS: any save of a show or venue moves it."""
    from pagecache import versions  # noqa: PLC0415

    exhibition = ExhibitionFactory()
    before = versions.current({cached_pages.EXHIBITIONS})
    with committed():
        exhibition.venue.save()
    assert versions.current({cached_pages.EXHIBITIONS}) != before


def test_the_exhibition_address_of_a_private_show_is_a_404(client):
    """Drafts are never shown: not even at their address."""
    hidden = ExhibitionFactory(is_public=False)
    response = client.get(reverse("exhibitions:exhibition-detail", kwargs={"slug": hidden.slug}))
    assert response.status_code == 404
