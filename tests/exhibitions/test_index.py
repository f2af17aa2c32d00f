"""/exhibitions/: on now, upcoming and past, as the site's time zone has the day; by city;
past ones a page at a time."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from exhibitions import views
from tests.factories import ExhibitionFactory, VenueFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

INDEX = reverse("exhibitions:exhibition-list")
LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(*moment) -> datetime.datetime:
    """A moment on the site's clock (TIME_ZONE, Europe/London)."""
    return datetime.datetime(*moment, tzinfo=LONDON)


def text_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def section(html: str, heading: str) -> str:
    """The part of the index under one heading, up to the next section."""
    start = html.index(f">{heading}</h2>")
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def show(title, opens, closes, city="London", **more):
    return ExhibitionFactory(
        title=title,
        opens_on=opens,
        closes_on=closes,
        venue=VenueFactory(city=city),
        **more,
    )


@pytest.fixture
def seeds():
    return show("Sunflower Seeds", datetime.date(2010, 10, 12), datetime.date(2011, 5, 2))


@pytest.mark.parametrize(
    ("moment", "heading"),
    [
        (at(2010, 10, 11, 23, 59), "Upcoming"),
        (at(2010, 10, 12, 0, 0), "On now"),
        (at(2011, 5, 2, 23, 59), "On now"),
        (at(2011, 5, 3, 0, 0), "Past"),
    ],
)
def test_a_show_moves_between_the_lists_at_midnight_in_the_site_s_time_zone(
    client, seeds, moment, heading
):
    """In summer London is an hour ahead of UTC: 23:59 on 2 May there is 22:59 UTC, still
    on; midnight there (23:00 UTC on 2 May) is closed."""
    with time_machine.travel(moment, tick=False):
        html = text_of(client.get(INDEX))

    for each in ("On now", "Upcoming", "Past"):
        assert ("Sunflower Seeds" in section(html, each)) == (each == heading), each


def test_each_list_in_its_order(client):
    """On now: closing soonest first, open-ended last; upcoming: opening soonest first; past:
    the most recently closed first."""
    day = datetime.date
    show("Closes later", day(2020, 1, 1), day(2030, 6, 1))
    show("Closes sooner", day(2020, 1, 1), day(2030, 1, 1))
    show("Open-ended", day(2020, 1, 1), None)
    show("Opens later", day(2031, 6, 1), day(2031, 9, 1))
    show("Opens sooner", day(2031, 1, 1), day(2031, 2, 1))
    show("Closed long ago", day(2000, 1, 1), day(2000, 2, 1))
    show("Closed lately", day(2010, 1, 1), day(2010, 2, 1))

    with time_machine.travel(at(2025, 1, 1, 12), tick=False):
        html = text_of(client.get(INDEX))

    on_now, upcoming, past = (section(html, h) for h in ("On now", "Upcoming", "Past"))
    assert on_now.index("Closes sooner") < on_now.index("Closes later") < on_now.index("Open-ended")
    assert upcoming.index("Opens sooner") < upcoming.index("Opens later")
    assert past.index("Closed lately") < past.index("Closed long ago")


def test_private_shows_are_never_listed_nor_their_cities(client):
    show("Not announced yet", None, None, city="Reykjavik", is_public=False)
    show("Announced", None, None, city="London")

    html = text_of(client.get(INDEX))

    assert "Not announced yet" not in html
    assert "Reykjavik" not in html
    assert "Announced" in html


def test_the_cities_are_links_and_a_city_keeps_its_shows(client):
    show("In London", None, None, city="London")
    show("In Munich", None, None, city="Munich")

    html = text_of(client.get(INDEX))
    assert 'href="/exhibitions/?city=London"' in html
    assert 'href="/exhibitions/?city=Munich"' in html

    munich = text_of(client.get(INDEX, {"city": "munich"}))  # any case
    assert "In Munich" in munich
    assert "In London" not in munich
    assert 'href="/exhibitions/?city=Munich" aria-current="page"' in munich
    assert '<link rel="canonical" href="http://testserver/exhibitions/?city=Munich">' in munich


@pytest.mark.parametrize(
    "city",
    ["Atlantis", "<script>alert(1)</script>", "x" * 5000, "Lon\x00don", "\u202eLondon", " "],
)
def test_a_city_with_no_show_is_an_empty_page_that_says_so(client, city):
    """Never a 500, never the value as markup; the shows of other cities are not shown."""
    show("In London", None, None, city="London")

    html = text_of(client.get(INDEX, {"city": city}))

    assert "In London" not in html or not city.strip()
    assert "<script>alert(1)" not in html
    assert "\x00" not in html
    if city.strip():
        assert "No exhibitions in" in html
        assert len(html) < 20_000  # not the 5,000 characters back


def test_past_shows_are_capped_with_a_link_to_all_of_them_a_page_at_a_time(client, monkeypatch):
    monkeypatch.setattr(views, "PAST_ON_INDEX", 2)
    monkeypatch.setattr(views.ExhibitionListView, "paginate_by", 2)
    for year in range(2001, 2006):
        show(f"Closed in {year}", datetime.date(year, 1, 1), datetime.date(year, 2, 1))

    overview = text_of(client.get(INDEX))
    assert "Closed in 2005" in overview and "Closed in 2004" in overview
    assert "Closed in 2003" not in overview
    assert 'href="/exhibitions/?show=past">All past exhibitions' in overview

    first = text_of(client.get(INDEX, {"show": "past"}))
    third = text_of(client.get(INDEX, {"show": "past", "page": 3}))
    assert "Page 1 of 3" in first and "Closed in 2004" in first
    assert "Closed in 2001" in third and "Closed in 2002" not in third


@pytest.mark.parametrize("page", ["4", "0", "x", "-1", "9" * 30])
def test_a_page_that_is_not_there_is_a_404(client, page):
    show("Closed", datetime.date(2001, 1, 1), datetime.date(2001, 2, 1))

    assert client.get(INDEX, {"show": "past", "page": page}).status_code == 404


def test_an_empty_index_says_so(client):
    html = text_of(client.get(INDEX))

    assert "Nothing on view now." in html
    assert "Nothing announced yet." in html


def test_the_navigation_links_the_index(client):
    html = text_of(client.get(INDEX))

    assert '<a href="/exhibitions/" aria-current="page">Exhibitions</a>' in html
