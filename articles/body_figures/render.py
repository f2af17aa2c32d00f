"""The body as readers see it: its HTML as stored, each figure node written as the figure
markup of the ordered figures (`{% article_figure %}`: the picture with its srcset, the caption
composed from the artwork, so that it follows later changes of the record, the credit), lazy,
with the class of its size (`figure--inline`, `figure--wide`, `figure--full`; static/css/site.css).

A node whose row is missing (its artwork or image is gone, or was never this body's to show)
or whose picture cannot be shown is written as nothing. A body with no node is returned as it
is stored, byte for byte.

Each link the apps have a note for (articles/link_notes.py: the archived copy of a dead link)
is followed by its note; with no note the body is as stored, byte for byte, too.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.link_notes import Notes, notes_of
from articles.models import Article, ArticleFigure
from images.markup import captioned_html
from richtext.figures import FigureNode, body_parts


def figure_html(figure: ArticleFigure, *, loading: str = "", css_class: str | None = None):
    """One figure's markup, or '' when it has no picture to show (as `{% article_figure %}`)."""
    shown = figure.shown_image()
    if shown is None:
        return ""
    return captioned_html(
        shown.picture,
        alt=shown.alt,
        lines=figure.caption_lines(),
        credit=shown.credit,
        loading=loading,
        css_class=css_class,
    )


def body_html(article: Article, figures: list[ArticleFigure] | None = None) -> SafeString:
    """The article's body with its figures in place. `figures`: its in-body figures (by
    default `article.body_figures()`, from the prefetch cache the page's read filled)."""
    body = article.body or ""
    notes = notes_of(article) if "<a " in body else Notes()
    parts = body_parts(body)
    if not any(isinstance(part, FigureNode) for part in parts):
        # The sanitizer's output (RichTextField cleans on every save): safe as stored; the
        # notes are safe HTML (link_notes.Note, format_html) put after a whole link (hostile
        # link text and addresses: tests/links/test_readers_markup.py).
        return mark_safe(with_notes(body, notes))  # noqa: S308
    if figures is None:
        figures = article.body_figures()
    by_position = {figure.position: figure for figure in figures}
    written, position = [], 0
    for part in parts:
        if isinstance(part, FigureNode):
            figure = by_position.get(position)
            position += 1
            if figure is not None and _shows(figure, part):
                written.append(figure_html(figure, css_class=f"figure--{part.size}"))
        else:
            # HTML between figure nodes of the sanitized body: as safe as the body itself
            # (and the notes after its links, safe HTML).
            written.append(mark_safe(with_notes(part, notes)))  # noqa: S308
    # Each piece is safe: the sanitized body's HTML, or figure_html's (format_html, escaped).
    return mark_safe("".join(written))  # noqa: S308


# A link of the sanitized body: nh3 writes every attribute in double quotes with `"` escaped,
# and links do not nest, so a link is its start tag, its content and the first `</a>`.
_LINK = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def with_notes(html_text: str, notes: Notes) -> str:
    """The HTML with each link that has a note followed by it (the text as it was without)."""
    if not notes:
        return html_text

    def add(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        note = notes.get(url) or notes.get(url.strip())
        if note is None:
            return match.group(0)
        return match.group(0) + note(html.unescape(strip_tags(match.group(2))).strip())

    return _LINK.sub(add, html_text)


def _shows(figure: ArticleFigure, node: FigureNode) -> bool:
    """The row is the node's (a body changed around the field, by update(), is not trusted)."""
    if node.artwork:
        return figure.artwork_id == node.artwork
    return figure.image_id == node.image
