"""Exhibition cards written in Python (`{% exhibition_grid exhibitions %}`), and the tag that
lets an artist's or an artwork's page list its exhibitions without importing exhibitions
(`{% exhibitions_of artist as shows %}`).

Every value is escaped where it is written (tests/exhibitions/test_cards.py gives hostile
titles, places, names and alt text)."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from artists.models import Artist
from exhibitions import selectors
from exhibitions.on_view import state, today
from images.markup import included_picture_html
from slugs.reversing import slug_addresses

register = template.Library()

SIZES = "(min-width: 60rem) 22rem, (min-width: 40rem) 50vw, 100vw"


@register.simple_tag
def exhibitions_of(obj) -> list:
    """The public exhibitions that showed an artist (by name or with a work of theirs) or an
    artwork: on now and upcoming first, then past ones (exhibitions/selectors.py)."""
    if isinstance(obj, Artist):
        return selectors.of_artist(obj, today())
    return selectors.of_artwork(obj.pk, today())


HEADING_LEVELS = range(2, 7)


def _heading_level(level) -> int:
    """The cards' heading level as a number from 2 to 6 (it goes into the tag's name, where
    escaping would not help): anything else is the template's mistake, said at once."""
    number = int(level or 2)
    if number not in HEADING_LEVELS:
        raise template.TemplateSyntaxError(f"exhibition_grid: level {level!r} is not 2 to 6.")
    return number


@register.simple_tag
def exhibition_grid(
    exhibitions, *, level=None, empty="", with_state=False, with_artists=False
) -> SafeString:
    """A grid of cards, or `empty` (a sentence) when there are none. `level` is the cards'
    heading level (default 2); `with_state` says "On now", "Upcoming" or "Past" on each card (a
    list of all three); `with_artists` names the artists (prefetched: selectors.with_artists)."""
    if not exhibitions:
        sentence = escape(empty or "No exhibitions yet.")
        # Safe: the one value is escaped.
        return mark_safe(f'\n<p class="empty-state">{sentence}</p>\n')  # noqa: S308
    h = _heading_level(level)
    day = today()
    address = slug_addresses("exhibitions:exhibition-detail")
    cards = "".join(
        _card(exhibition, address(exhibition.slug), h, day if with_state else None, with_artists)
        for exhibition in exhibitions
    )
    # Safe: each card escapes what it prints (_card).
    return mark_safe(f'\n<div class="card-grid card-grid--exhibitions">{cards}\n</div>\n')  # noqa: S308


def _card(exhibition, url: str, h: str, day, with_artists: bool) -> str:
    picture = exhibition.image_picture()
    media = ""
    if picture is not None:
        html = included_picture_html(picture, alt=exhibition.image_alt_text, sizes=SIZES)
        media = f'\n    <div class="card__media">{html}</div>'
    label = ""
    if day is not None:
        now = state(exhibition.on_view_from, exhibition.on_view_until, day)
        label = (
            f'<span class="exhibition-state exhibition-state--{now}">{escape(now.label)}</span> '
        )
    when = exhibition.dates_text
    dates = f'\n      <p class="card__meta meta">{label}{escape(when)}</p>' if when or label else ""
    artists = ""
    if with_artists:
        names = [artist.name for artist in exhibition.artists.all()]
        if names:
            artists = f'\n      <p class="card__artists">{escape(_and(names))}</p>'
    text_only = "" if picture is not None else " card--text-only"
    return (
        f'\n  <article class="card card--exhibition{text_only}">{media}\n'
        f'    <div class="card__body">\n'
        f'      <h{h} class="card__title"><a class="card__link" '
        f'href="{escape(url)}">{escape(exhibition.title)}</a></h{h}>'
        f'\n      <p class="card__place">{escape(exhibition.venue.place)}</p>{dates}{artists}\n'
        f"    </div>\n  </article>"
    )


def _and(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
