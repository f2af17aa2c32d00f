"""A search result's card (`<li>`), written in Python from the plain rows of search/selectors.py:
it replaces the include `search/result.html` > `includes/picture.html` and `byline.html`, with
the bytes they wrote, whitespace and all, so that no page changed. Every value is escaped where
it is written; the snippet is already HTML (search/snippets.py highlight(): escaped, then
marked). tests/search/test_markup.py gives hostile titles, names, alt text and snippets."""

from html import escape

from django.template.defaultfilters import date
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from images.markup import included_picture_html
from search.models import SearchDocument
from search.selectors import SearchResult

Kind = SearchDocument.Kind

SIZES = "(min-width: 40rem) 10rem, 6.5rem"


def result_html(result: SearchResult) -> SafeString:
    card = result.card
    media = ""
    if card.picture:
        picture = included_picture_html(card.picture, alt=card.alt, sizes=SIZES)
        media = f'\n  <div class="card__media search-result__media">\n    {picture}\n  </div>\n  '
    if result.kind == Kind.ARTICLE:
        body = _article(card, result.snippet)
    elif result.kind == Kind.ARTIST:
        body = _artist(card, result.snippet)
    else:
        body = _artwork(card, result.snippet)
    text_only = "" if card.picture else " search-result--text-only"
    # Safe: the kind is one of SearchDocument.Kind's values; every other value is escaped
    # here or in the helpers, and the snippet is highlight()'s escaped HTML.
    return mark_safe(  # noqa: S308
        f'\n\n<li class="card search-result search-result--{escape(result.kind)}{text_only}">\n'
        f'  {media}\n  <div class="search-result__body">\n    {body}\n  </div>\n</li>\n\n'
    )


def _title(url: str, title: str, extra: str = "") -> str:
    return (
        f'<h2 class="card__title{extra} search-result__title"><a class="card__link"'
        f' href="{escape(url)}">{escape(title)}</a></h2>'
    )


def _snippet(snippet: SafeString) -> str:
    return f'<p class="search-result__snippet">{snippet}</p>'


def _article(card, snippet: SafeString) -> str:
    if snippet:
        shown = _snippet(snippet)
    elif card.standfirst:
        shown = f'<p class="search-result__snippet">{escape(card.standfirst)}</p>'
    else:
        shown = ""
    byline = ""
    if card.authors:
        names = [f'<span class="byline__name">{escape(name)}</span>' for name in card.authors]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        byline = f'<span class="byline">By {joined}\n</span>'
    when = ""
    if card.published_at:
        local = template_localtime(card.published_at)
        # ISO 8601 to the second (|date:"c" writes the microseconds, which a datetime
        # attribute may not hold past three digits: the Nu HTML Checker refused them).
        machine = local.replace(microsecond=0).isoformat()
        when = f'<time datetime="{escape(machine)}">{escape(date(local, "j F Y"))}</time>'
    return (
        f'\n    <p class="kicker card__kicker">{escape(card.section_name)}</p>\n'
        f"    {_title(card.url, card.title)}\n    {shown}\n"
        f'    <p class="card__meta meta">\n      {byline}\n      {when}\n    </p>\n    '
    )


def _artist(card, snippet: SafeString) -> str:
    meta = ""
    if card.nationality or card.life_dates:
        comma = ", " if card.nationality and card.life_dates else ""
        meta = (
            f'<p class="card__meta meta">{escape(card.nationality)}{comma}'
            f"{escape(card.life_dates)}</p>"
        )
    shown = _snippet(snippet) if snippet else ""
    return (
        '\n    <p class="kicker card__kicker">Artist</p>\n'
        f"    {_title(card.url, card.name)}\n    {meta}\n    {shown}\n    "
    )


def _artwork(card, snippet: SafeString) -> str:
    credits = ""
    if card.credits:
        last = len(card.credits) - 1
        parts = []
        for number, (before, name, after) in enumerate(card.credits):
            if number:
                parts.append(" and " if number == last else ", ")
            parts.append(f"{escape(before)} " if before else "")
            parts.append(escape(name))
            parts.append(f" {escape(after)}" if after else "")
        credits = f'\n    <p class="card__artists">{"".join(parts)}</p>\n    '
    if snippet:
        shown = _snippet(snippet)
    elif card.date_display:
        shown = f'<p class="card__meta meta">{escape(card.date_display)}</p>'
    else:
        shown = ""
    return (
        f'\n    <p class="kicker card__kicker">Artwork</p>\n    {credits}\n'
        f"    {_title(card.url, card.title, ' card__title--work')}\n    {shown}\n    "
    )
