"""The first instant of a day in the site's time zone, on daylight-saving days too."""

from datetime import UTC, date, datetime, timedelta

import pytest

from exhibitions import midnights

ONE = timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("zone", "day", "utc"),
    [
        ("Europe/London", date(2025, 3, 30), datetime(2025, 3, 30, 0, 0, tzinfo=UTC)),
        ("Europe/London", date(2025, 3, 31), datetime(2025, 3, 30, 23, 0, tzinfo=UTC)),
        ("Europe/London", date(2025, 10, 26), datetime(2025, 10, 25, 23, 0, tzinfo=UTC)),
        ("Pacific/Auckland", date(2011, 5, 3), datetime(2011, 5, 2, 12, 0, tzinfo=UTC)),
        ("America/Los_Angeles", date(2011, 5, 3), datetime(2011, 5, 3, 7, 0, tzinfo=UTC)),
        # Santiago: clocks jump from 24:00 to 01:00 on 7 September 2024; the day begins at 01:00.
        ("America/Santiago", date(2024, 9, 8), datetime(2024, 9, 8, 4, 0, tzinfo=UTC)),
        # ... and go back from 24:00 to 23:00 on 6 April 2024: one midnight, after both 23:00s.
        ("America/Santiago", date(2024, 4, 7), datetime(2024, 4, 7, 4, 0, tzinfo=UTC)),
        # Havana: 00:00 becomes 01:00 on 10 March 2024, and 01:00 goes back to 00:00 on
        # 3 November 2024: the day begins at the first of its two midnights.
        ("America/Havana", date(2024, 3, 10), datetime(2024, 3, 10, 5, 0, tzinfo=UTC)),
        ("America/Havana", date(2024, 11, 3), datetime(2024, 11, 3, 4, 0, tzinfo=UTC)),
    ],
)
def test_midnight_is_the_first_instant_of_the_local_day(settings, zone, day, utc):
    """The instant is the day's first: a microsecond before it is still the day before."""
    settings.TIME_ZONE = zone
    found = midnights.midnight(day)
    assert found == utc
    assert midnights.local_date(found) == day
    assert midnights.local_date(found - ONE) == day - timedelta(days=1)
