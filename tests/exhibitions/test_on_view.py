"""Whether a show is on, and what readers are told, on the days around its dates: in the site's
time zone, whatever the date is in UTC."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from exhibitions import on_view
from exhibitions.models import Exhibition, Venue
from exhibitions.on_view import State

TATE = Venue(pk=1, name="Tate Modern", city="London")


def show(opens=None, closes=None, opens_precision="day", closes_precision="day"):
    exhibition = Exhibition(
        title="Sunflower Seeds",
        venue=TATE,
        opens_on=opens,
        opens_precision=opens_precision,
        closes_on=closes,
        closes_precision=closes_precision,
    )
    exhibition.fill_window()
    return exhibition


SEEDS = {"opens": date(2010, 10, 12), "closes": date(2011, 5, 2)}


@pytest.mark.parametrize(
    ("day", "state", "sentence"),
    [
        (date(2010, 10, 11), State.UPCOMING, "Opens 12 October 2010 at Tate Modern, London"),
        (date(2010, 10, 12), State.ON, "On view at Tate Modern, London, until 2 May 2011"),
        (date(2011, 5, 2), State.ON, "On view at Tate Modern, London, until 2 May 2011"),
        (date(2011, 5, 3), State.PAST, "Closed 2 May 2011"),
    ],
)
def test_the_days_around_a_show(day, state, sentence):
    """The day before it opens, its opening day, its closing day and the day after."""
    told = on_view.on_view(show(**SEEDS), day)
    assert (told.state, told.sentence) == (state, sentence)
    assert told.is_on == (state == State.ON)


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (date(2027, 4, 30), State.UPCOMING),
        (date(2027, 5, 1), State.ON),
        (date(2027, 6, 30), State.ON),
        (date(2027, 7, 1), State.PAST),
    ],
)
def test_month_precision_spans_whole_months(day, state):
    """'May 2027 – June 2027': on view from 1 May to 30 June."""
    exhibition = show(date(2027, 5, 20), date(2027, 6, 3), "month", "month")
    assert on_view.on_view(exhibition, day).state == state


def test_year_precision_reads_as_the_year():
    """A show known to close in 2011 is on view until 31 December 2011, then "Closed 2011"."""
    exhibition = show(date(2010, 3, 1), date(2011, 6, 1), "year", "year")
    assert on_view.on_view(exhibition, date(2011, 12, 31)).sentence == (
        "On view at Tate Modern, London, until 2011"
    )
    assert on_view.on_view(exhibition, date(2012, 1, 1)).sentence == "Closed 2011"
    assert on_view.on_view(exhibition, date(2009, 12, 31)).sentence == (
        "Opens 2010 at Tate Modern, London"
    )


def test_unknown_dates():
    """No opening: open already. No closing: open-ended. Neither: always on, no dates said."""
    assert on_view.on_view(show(), date(1900, 1, 1)).sentence == "On view at Tate Modern, London"
    no_end = show(opens=date(2010, 10, 12))
    assert on_view.on_view(no_end, date(2050, 1, 1)).sentence == "On view at Tate Modern, London"
    no_start = show(closes=date(2011, 5, 2))
    assert on_view.on_view(no_start, date(1900, 1, 1)).state == State.ON
    assert on_view.on_view(no_start, date(2011, 5, 3)).sentence == "Closed 2 May 2011"


def test_a_venue_whose_city_is_in_its_name():
    """The place is not said twice."""
    exhibition = show(**SEEDS)
    exhibition.venue = Venue(pk=2, name="Haus der Kunst München", city="München")
    assert on_view.on_view(exhibition, date(2011, 1, 1)).sentence == (
        "On view at Haus der Kunst München, until 2 May 2011"
    )


@pytest.mark.parametrize("zone", ["Pacific/Auckland", "America/Los_Angeles", "Europe/London"])
@pytest.mark.parametrize(
    ("local", "state"),
    [
        ((2011, 5, 2, 23, 59, 59), State.ON),  # the last second of the closing day
        ((2011, 5, 3, 0, 0, 0), State.PAST),  # midnight: closed
        ((2010, 10, 11, 23, 59, 59), State.UPCOMING),
        ((2010, 10, 12, 0, 0, 0), State.ON),
    ],
)
def test_today_is_the_sites_day_not_utcs(settings, zone, local, state):
    """At 23:59:59 and 00:00:00 local time (in Auckland or Los Angeles another UTC date), a show
    is where the site's calendar puts it."""
    settings.TIME_ZONE = zone
    moment = datetime(*local, tzinfo=ZoneInfo(zone))
    with time_machine.travel(moment, tick=False):
        assert on_view.today() == moment.date()
        assert on_view.on_view(show(**SEEDS)).state == state


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2010, 10, 11), State.UPCOMING),
        (date(2010, 10, 12), State.ON),
        (date(2011, 5, 2), State.ON),
        (date(2011, 5, 3), State.PAST),
    ],
)
def test_the_querysets_say_what_python_says(day, expected):
    """ExhibitionQuerySet's on_view/upcoming/past give the same answer as on_view.state()."""
    from tests.factories import ExhibitionFactory  # noqa: PLC0415

    exhibition = ExhibitionFactory(**{"opens_on": SEEDS["opens"], "closes_on": SEEDS["closes"]})
    found = {
        State.ON: Exhibition.objects.on_view(day),
        State.UPCOMING: Exhibition.objects.upcoming(day),
        State.PAST: Exhibition.objects.past(day),
    }
    assert {state for state, rows in found.items() if exhibition in rows} == {expected}
    assert on_view.state(exhibition.on_view_from, exhibition.on_view_until, day) == expected
