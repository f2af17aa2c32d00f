"""The instants at which a day begins in the site's time zone (TIME_ZONE): where a show's state
changes (exhibitions/on_view.py), and so where the page cache turns its pages over
(exhibitions/cached_pages.py).

"Midnight" is the first instant whose local date is the day. Where daylight saving time starts
at midnight (America/Santiago, America/Havana) the clock jumps from 23:59:59 to 01:00 and the
day begins at 01:00; where it ends at midnight, the day begins at the first of the two
midnights. zoneinfo's fold=0 gives exactly those instants (PEP 495: a time in a gap is read
with the offset before it, which lands on the transition; an ambiguous time is its first)."""

from datetime import UTC, date, datetime, time

from django.utils import timezone


def site_zone():
    return timezone.get_default_timezone()


def local_date(moment: datetime) -> date:
    """The day `moment` (aware) falls on in the site's time zone."""
    return moment.astimezone(site_zone()).date()


def midnight(day: date) -> datetime:
    """The first instant of `day` in the site's time zone, in UTC."""
    return datetime.combine(day, time.min, tzinfo=site_zone()).astimezone(UTC)
