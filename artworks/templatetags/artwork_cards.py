"""Artwork cards written in Python: `{% artwork_grid cards %}`, for the cards of
artworks/cards.py.

It replaces the includes `artwork_grid.html` > `artwork_card.html` > `picture.html` (an
include per card and per picture: a context pushed, every variable looked up), with the bytes
they wrote, whitespace and all, so that no page changed; every value is escaped where it is
written (tests/artworks/test_card_tags.py gives hostile titles, names and alt text)."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from artworks import card_reads
from artworks.cards import ArtworkCard, cards_of_rows
from artworks.models import Artwork
from images.markup import included_picture_html

register = template.Library()

SIZES = "(min-width: 60rem) 16rem, (min-width: 40rem) 33vw, 50vw"


@register.simple_tag
def works_by(artist, limit=48) -> list[ArtworkCard]:
    """The cards of an artist's works, earliest first: for the artist's page, which may not
    import artworks (it imports artists)."""
    return cards_of_rows(card_reads.by_artist(Artwork.objects.db, artist.pk, limit))


@register.simple_tag
def artwork_grid(cards, *, level=None, empty="") -> SafeString:
    """A grid of cards, or `empty` (a sentence) when there are none; `level` is the cards'
    heading level (default 2)."""
    if not cards:
        sentence = escape(empty or "No artworks yet.")
        # Safe: the one value is escaped.
        return mark_safe(f'\n\n<p class="empty-state">{sentence}</p>\n\n')  # noqa: S308
    h = escape(str(level or "2"))
    inner = "".join(f"\n  {_card(card, h)}\n  " for card in cards)
    # Safe: each card escapes what it prints (_card).
    return mark_safe(f'\n\n<div class="card-grid card-grid--works">\n  {inner}\n</div>\n\n')  # noqa: S308


def _card(card: ArtworkCard, h: str) -> str:
    media = ""
    if card.picture:
        picture = included_picture_html(card.picture, alt=card.alt, sizes=SIZES)
        media = f'\n  <div class="card__media">\n    {picture}\n  </div>\n  '
    artists = ""
    if card.credits:
        artists = f'\n    <p class="card__artists">{_credits(card.credits)}</p>\n    '
    when = (
        f'<p class="card__meta meta">{escape(card.date_display)}</p>' if card.date_display else ""
    )
    return (
        f'\n<article class="card card--artwork{"" if card.picture else " card--text-only"}">\n'
        f'  {media}\n  <div class="card__body">\n    {artists}\n    \n'
        f'    <h{h} class="card__title card__title--work"><a class="card__link" '
        f'href="{escape(card.url)}">{escape(card.title)}</a></h{h}>\n    \n'
        f"    {when}\n  </div>\n</article>\n"
    )


def _credits(credits) -> str:
    """'A', 'A and B', 'After A, B and C and studio', as the include wrote them."""
    said = [
        (f"{escape(before)} " if before else "")
        + escape(name)
        + (f" {escape(after)}" if after else "")
        for before, name, after in credits
    ]
    if len(said) == 1:
        return said[0]
    return ", ".join(said[:-1]) + " and " + said[-1]
