"""Article cards written in Python: `{% article_grid cards %}` and `{% article_card card %}`, for
the cards of articles/cards.py.

They replace the includes `article_grid.html` > `article_card.html` > `picture.html` and
`byline.html`, which cost more than the rest of a list page (an include per card and per
picture: a context pushed and every variable looked up). The bytes are those the includes made,
whitespace and all, so that no page changed; every value is escaped where it is written (the
tests in tests/articles/test_card_tags.py give hostile titles, names and alt text)."""

from html import escape

from django import template
from django.utils.dateformat import DateFormat
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from articles.cards import ArticleCard
from images.markup import included_picture_html

register = template.Library()

LEAD_SIZES = "(min-width: 60rem) 50rem, 100vw"
GRID_SIZES = "(min-width: 60rem) 22rem, (min-width: 40rem) 50vw, 100vw"


@register.simple_tag
def article_grid(cards, *, level=None, hide_section=False, empty="") -> SafeString:
    """A grid of cards, or `empty` (a sentence) when there are none. `level` is the cards'
    heading level (default 2); `hide_section` on a section's own page."""
    if not cards:
        sentence = escape(empty or "No articles yet.")
        # Safe: the one value is escaped.
        return mark_safe(f'\n\n<p class="empty-state">{sentence}</p>\n\n')  # noqa: S308
    inner = "".join(
        f"\n  {_card(card, level=level, lead=False, hide_section=hide_section)}\n  "
        for card in cards
    )
    # Safe: each card escapes what it prints (_card).
    return mark_safe(f'\n\n<div class="card-grid">\n  {inner}\n</div>\n\n')  # noqa: S308


@register.simple_tag
def article_card(card: ArticleCard, *, level=None, lead=False, hide_section=False) -> SafeString:
    """One card: `lead` for the large first one of the home page."""
    # Safe: _card escapes every value it prints.
    return mark_safe(_card(card, level=level, lead=lead, hide_section=hide_section))  # noqa: S308


def _card(card: ArticleCard, *, level, lead: bool, hide_section: bool) -> str:
    h = escape(str(level or "2"))
    modifiers = (" card--lead" if lead else "") + ("" if card.picture else " card--text-only")
    media = ""
    if card.picture:
        picture = included_picture_html(
            card.picture,
            alt=card.alt,
            sizes=LEAD_SIZES if lead else GRID_SIZES,
            loading="eager" if lead else "",
        )
        media = f'\n  <div class="card__media">\n    {picture}\n  </div>\n  '
    kicker = (
        "" if hide_section else f'<p class="kicker card__kicker">{escape(card.section_name)}</p>'
    )
    standfirst = (
        f'<p class="card__standfirst">{escape(card.standfirst)}</p>' if card.standfirst else ""
    )
    byline = f'<span class="byline">By {_names(card.authors)}\n</span>' if card.authors else ""
    when = ""
    if card.published_at:
        machine, shown = card_dates(template_localtime(card.published_at))
        when = f'<time datetime="{escape(machine)}">{escape(shown)}</time>'
    return (
        f'\n\n<article class="card card--article{modifiers}">\n  {media}\n'
        f'  <div class="card__body">\n    {kicker}\n    \n'
        f'    <h{h} class="card__title"><a class="card__link" href="{escape(card.url)}">'
        f"{escape(card.title)}</a></h{h}>\n    \n    {standfirst}\n"
        f'    <p class="card__meta meta">\n      {byline}\n      {when}\n'
        "    </p>\n  </div>\n</article>\n\n"
    )


def card_dates(local) -> tuple[str, str]:
    """What `|date:"Y-m-d\\TH:i:sO"` and `|date:"j F Y"` write of a local time, from the same
    DateFormat methods (the same month names in the active language, the same offset, none
    for an ambiguous or imaginary time), without the filter's format lookups and parsing:
    the two filters were a third of a card's time (tests/articles/test_card_tags.py)."""
    f = DateFormat(local)
    year = f.Y()
    return (
        f"{year}-{f.m()}-{f.d()}T{f.H()}:{f.i()}:{f.s()}{f.O()}",
        f"{f.j()} {f.F()} {year}",
    )


def _names(names) -> str:
    """'A', 'A and B', 'A, B and C', each in its span (as includes/byline.html writes them)."""
    spans = [f'<span class="byline__name">{escape(name)}</span>' for name in names]
    if len(spans) == 1:
        return spans[0]
    return ", ".join(spans[:-1]) + " and " + spans[-1]
