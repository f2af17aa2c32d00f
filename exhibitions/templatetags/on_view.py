"""`{% on_view_block exhibitions %}`: the article page's "On view" block, for the exhibitions
the article features (the article's prefetched `featured_exhibitions`, each with its venue: no
query here). Public shows only, by the first day they are on view (unknown first), each with
its title linking to its page, what a reader is told today in the site's time zone
(exhibitions/on_view.py) and its dates as `<time>` elements. The page cache turns the page over
at the midnight where that sentence changes (exhibitions/cached_pages.py)."""

from dataclasses import dataclass
from datetime import date

from django import template

from exhibitions import dates, on_view

register = template.Library()


@dataclass(frozen=True, slots=True)
class DatePart:
    lead: str  # "", " – ", "from ", "until "
    text: str  # "2 May 2011", "May 2011", "2011"
    machine: str  # "2011-05-02", "2011-05", "2011"


@dataclass(frozen=True, slots=True)
class Shown:
    title: str
    url: str
    state: str
    sentence: str
    dates: tuple[DatePart, ...]


@register.inclusion_tag("exhibitions/on_view_block.html")
def on_view_block(exhibitions, day: date | None = None):
    day = on_view.today() if day is None else day
    public = sorted(
        (exhibition for exhibition in exhibitions if exhibition.is_public), key=_by_first_day
    )
    return {"shows": [_shown(exhibition, day) for exhibition in public]}


def _by_first_day(exhibition):
    first = exhibition.on_view_from
    return (first is not None, first or date.min, exhibition.title, exhibition.pk or 0)


def _shown(exhibition, day: date) -> Shown:
    told = on_view.on_view(exhibition, day)
    return Shown(
        title=exhibition.title,
        url=exhibition.get_absolute_url(),
        state=told.state.value,
        sentence=told.sentence,
        dates=date_parts(exhibition),
    )


def date_parts(exhibition) -> tuple[DatePart, ...]:
    """The dates as exhibitions/dates.py span() writes them, each date a part of its own."""
    opens = _part(exhibition.opens_on, exhibition.opens_precision)
    closes = _part(exhibition.closes_on, exhibition.closes_precision)
    if opens and closes:
        if opens.machine == closes.machine:
            return (opens,)
        return (opens, DatePart(" – ", closes.text, closes.machine))
    if opens:
        return (DatePart("from ", opens.text, opens.machine),)
    if closes:
        return (DatePart("until ", closes.text, closes.machine),)
    return ()


def _part(day, precision) -> DatePart | None:
    if day is None:
        return None
    return DatePart("", dates.written(day, precision), dates.machine(day, precision))
