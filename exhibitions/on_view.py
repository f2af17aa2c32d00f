"""Whether a show is on, and what the article's "On view" block says of it, for a given day in
the site's time zone (`today()`). Written once here, for the block, the exhibition's page, the
index's three lists (`ExhibitionQuerySet.on_view()` and its siblings say the same in SQL) and
the JSON-LD.

The window (exhibitions/dates.py) is inclusive at both ends: a show closing on 2 May 2011 is on
view all of that day, and closed from midnight at the start of 3 May in the site's time zone.
The page cache turns pages over at those midnights (exhibitions/cached_pages.py)."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils import timezone

from exhibitions import dates


class State(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    ON = "on", "On now"
    PAST = "past", "Past"


def today() -> date:
    """The day it is now in the site's time zone (TIME_ZONE)."""
    return timezone.localdate()


def state(on_view_from: date | None, on_view_until: date | None, day: date) -> State:
    if on_view_from is not None and day < on_view_from:
        return State.UPCOMING
    if on_view_until is not None and day > on_view_until:
        return State.PAST
    return State.ON


@dataclass(frozen=True, slots=True)
class OnView:
    state: State
    sentence: str  # "On view at Tate Modern, London, until 2 May 2011"

    @property
    def is_on(self) -> bool:
        return self.state == State.ON


def on_view(exhibition, day: date | None = None) -> OnView:
    """What a reader is told on `day` (today by default): 'On view at Tate Modern, London,
    until 2 May 2011', 'Closed 2 May 2011', 'Opens 12 October 2010 at Tate Modern, London'."""
    day = today() if day is None else day
    now = state(exhibition.on_view_from, exhibition.on_view_until, day)
    place = exhibition.venue.place if exhibition.venue_id else ""
    at = f" at {place}" if place else ""
    opens = dates.written(exhibition.opens_on, exhibition.opens_precision)
    closes = dates.written(exhibition.closes_on, exhibition.closes_precision)
    if now == State.UPCOMING:
        return OnView(now, f"Opens {opens}{at}")
    if now == State.PAST:
        return OnView(now, f"Closed {closes}")
    if closes:
        return OnView(now, f"On view{at}, until {closes}" if at else f"On view until {closes}")
    return OnView(now, f"On view{at}")
