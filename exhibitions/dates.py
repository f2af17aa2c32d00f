"""An exhibition's dates, which may be known to the day, the month or only the year (as an
artwork's dates may be fuzzy), and the window in which it is on view.

A date is stored with its precision: "October 2010" is kept as 1 October 2010 with the precision
"month". The window is the widest the dates allow: from the first day the show may open to the
last day it may close. "Opens May 2027" is on view from 1 May; "until 2011" until 31 December
2011. An unknown opening is taken as "already open", an unknown closing as "open-ended" (a
collection display), so a show with neither is always on view and says no dates.

The window is stored on the row (`on_view_from`, `on_view_until`, both days inclusive) when it is
saved, so that lists filter it in SQL and the page cache can ask when the next show opens or
closes (exhibitions/cached_pages.py)."""

import calendar
from datetime import date

from django.db import models
from django.utils import formats


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def normalized(day: date | None, precision: str) -> date | None:
    """The date as stored for its precision: the first day of its month or year."""
    if day is None:
        return None
    if precision == Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return day.replace(day=1)
    return day


def period_start(day: date | None, precision: str) -> date | None:
    return normalized(day, precision)


def period_end(day: date | None, precision: str) -> date | None:
    """The last day the date may mean: the day itself, the month's last or the year's last."""
    if day is None:
        return None
    if precision == Precision.YEAR:
        return day.replace(month=12, day=31)
    if precision == Precision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def written(day: date | None, precision: str) -> str:
    """'2 May 2011', 'May 2011' or '2011' in the site's language ('' for no date)."""
    if day is None:
        return ""
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return formats.date_format(day, "F Y")
    return formats.date_format(day, "j F Y")


def machine(day: date | None, precision: str) -> str:
    """The date as a `<time datetime>` value says it: '2011-05-02', '2011-05' or '2011'."""
    if day is None:
        return ""
    if precision == Precision.YEAR:
        return f"{day.year:04d}"
    if precision == Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def span(opens: date | None, opens_precision: str, closes: date | None, closes_precision: str):
    """'12 October 2010 – 2 May 2011', 'from May 2027', 'until 2011' or ''."""
    start, end = written(opens, opens_precision), written(closes, closes_precision)
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""
