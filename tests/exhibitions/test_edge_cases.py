"""Edge cases of exhibitions found in review: a show on view until the last day there is, a
stale copy served at midnight, headers without the page cache's schedule, a city spelt two
ways, a venue whose name holds its city's letters."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache

from exhibitions import cached_pages
from exhibitions.models import Venue
from pagecache import keys
from tests.factories import ArticleFactory, ExhibitionFactory, VenueFactory
from tests.pagecache.pages import HIT, served, warm

pytestmark = [pytest.mark.django_db]
LONDON = ZoneInfo("Europe/London")
ON = "On view at Tate Modern, London"


@pytest.fixture
def site_settings(db):
    from sitesettings.models import SiteSettings  # noqa: PLC0415

    return SiteSettings.current()


@pytest.fixture
def cdn(settings):
    settings.CDN_CACHE_SECONDS, settings.CDN_STALE_SECONDS = 60, 30


def at(*moment):
    return time_machine.travel(datetime.datetime(*moment, tzinfo=LONDON), tick=False)


@pytest.fixture
def seeds(django_capture_on_commit_callbacks):
    """An article featuring a show that closes on 2 May 2011 (London)."""
    with at(2011, 5, 1, 12), django_capture_on_commit_callbacks(execute=True):
        show = ExhibitionFactory(
            venue=VenueFactory(name="Tate Modern", city="London"),
            opens_on=datetime.date(2010, 10, 12),
            closes_on=datetime.date(2011, 5, 2),
        )
        article = ArticleFactory(slug="ai")
        article.featured_exhibitions.add(show)
    return article


# 1. A show whose window ends on 31 December 9999 switches the page cache off site-wide.


def test_a_show_closing_in_9999_has_no_next_midnight_error():
    ExhibitionFactory(
        opens_on=datetime.date(2000, 1, 1),
        closes_on=datetime.date(9999, 1, 1),
        closes_precision="year",
    )
    with at(2026, 1, 1):
        cached_pages.next_change_after(datetime.datetime(2026, 1, 1, tzinfo=LONDON))


def test_a_show_closing_in_9999_leaves_pages_cacheable(
    client, settings, site_settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    with django_capture_on_commit_callbacks(execute=True):
        ExhibitionFactory(opens_on=datetime.date(2000, 1, 1), closes_on=datetime.date(9999, 12, 31))
        article = ArticleFactory()
    url = article.get_absolute_url()
    served(client, url)
    assert served(client, url)[0] == HIT  # no OverflowError: pages stay cached


# 2. The previous copy served while another process rebuilds (STALE) keeps the full s-maxage,
#    so a CDN keeps "On view" up to 60 + 30 seconds past the closing midnight.


def test_a_stale_copy_served_after_midnight_is_not_kept_by_a_cdn(
    client, settings, site_settings, cdn, seeds
):
    settings.PAGE_CACHE = True
    url = seeds.get_absolute_url()
    with at(2011, 5, 2, 23, 59):
        warm(client, url)
    with at(2011, 5, 3, 0, 0, 1):
        cache.add(keys.for_rebuild_lock(f"http://testserver{url}"), 1, timeout=30)  # B rebuilds
        response = client.get(url)
    assert response["X-Page-Cache"] == "STALE"
    assert ON in response.content.decode()  # the day before's sentence, after midnight
    assert "s-maxage" not in response["Cache-Control"]


# 3. With PAGE_CACHE=false (or the cache down, or a query string too long for an address)
#    the headers ignore the next midnight.


def test_without_the_page_cache_headers_still_stop_at_midnight(
    client, settings, site_settings, cdn, seeds
):
    settings.PAGE_CACHE = False
    with at(2011, 5, 2, 23, 59, 50):
        response = client.get(seeds.get_absolute_url())
    assert ON in response.content.decode()
    assert "s-maxage=60" not in response["Cache-Control"]


# 4. Two venues' cities that differ in case: two links, and one city's shows are unreachable.


@pytest.mark.usefixtures("page_cache_off")
def test_every_city_link_lists_that_city_s_shows(client):
    on = {"opens_on": datetime.date(2000, 1, 1), "closes_on": datetime.date(2099, 1, 1)}
    ExhibitionFactory(title="Upper", venue=VenueFactory(name="V1", city="London"), **on)
    ExhibitionFactory(title="Lower", venue=VenueFactory(name="V2", city="london"), **on)
    index = client.get("/exhibitions/").content.decode()
    links = re.findall(r'href="/exhibitions/\?city=([^"]*)"', index)
    assert links == ["London"]  # one city, however its venues spell it
    for asked in ("london", "London", "LONDON"):
        page = client.get("/exhibitions/", {"city": asked}).content.decode()
        assert "Lower" in page and "Upper" in page


# 5. Venue.place drops the city when its name merely contains the city's letters.


def test_the_city_is_left_out_only_when_the_name_says_it():
    assert Venue(name="Romeo Gallery", city="Rome").place == "Romeo Gallery, Rome"
