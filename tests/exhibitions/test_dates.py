"""Fuzzy dates: stored as their precision has them, the window they give, and how they read."""

from datetime import date

import pytest

from exhibitions import dates
from exhibitions.dates import Precision

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


@pytest.mark.parametrize(
    ("precision", "normalized", "start", "end", "written", "machine"),
    [
        (DAY, date(2011, 5, 2), date(2011, 5, 2), date(2011, 5, 2), "2 May 2011", "2011-05-02"),
        (MONTH, date(2011, 5, 1), date(2011, 5, 1), date(2011, 5, 31), "May 2011", "2011-05"),
        (YEAR, date(2011, 1, 1), date(2011, 1, 1), date(2011, 12, 31), "2011", "2011"),
    ],
)
def test_a_date_by_its_precision(precision, normalized, start, end, written, machine):
    """A date known to the day, month or year is stored, spans, reads and machine-reads so."""
    day = date(2011, 5, 2)
    assert dates.normalized(day, precision) == normalized
    assert dates.period_start(day, precision) == start
    assert dates.period_end(day, precision) == end
    assert dates.written(day, precision) == written
    assert dates.machine(day, precision) == machine


def test_february_of_a_leap_year_ends_on_the_29th():
    """A month's last day is the calendar's."""
    assert dates.period_end(date(2024, 2, 10), MONTH) == date(2024, 2, 29)
    assert dates.period_end(date(2023, 2, 10), MONTH) == date(2023, 2, 28)


def test_no_date_is_nothing_everywhere():
    """An unknown date has no period, no words and no machine value."""
    assert dates.normalized(None, DAY) is None
    assert dates.period_end(None, YEAR) is None
    assert dates.written(None, MONTH) == ""
    assert dates.machine(None, DAY) == ""


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        ((date(2010, 10, 12), DAY), (date(2011, 5, 2), DAY), "12 October 2010 – 2 May 2011"),
        ((date(2027, 5, 1), MONTH), (None, DAY), "from May 2027"),
        ((None, DAY), (date(2011, 1, 1), YEAR), "until 2011"),
        ((date(2011, 1, 1), YEAR), (date(2011, 1, 1), YEAR), "2011"),
        ((None, DAY), (None, DAY), ""),
    ],
)
def test_span(opens, closes, expected):
    """The dates read as one phrase, whichever are known."""
    assert dates.span(*opens, *closes) == expected


def test_the_day_after():
    """The day a window's end turns into "closed"."""
