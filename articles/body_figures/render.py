"""The body as readers see it: its HTML as stored, each figure node written as the figure
markup of the ordered figures (`{% article_figure %}`: the picture with its srcset, the caption
composed from the artwork, so that it follows later changes of the record, the credit), lazy,
with the class of its size (`figure--inline`, `figure--wide`, `figure--full`; static/css/site.css).

A node whose row is missing (its artwork or image is gone, or was never this body's to show)
or whose picture cannot be shown is written as nothing. A body with no node is returned as it
is stored, byte for byte.
"""

from django.utils.safestring import SafeString, mark_safe

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
    parts = body_parts(body)
    if not any(isinstance(part, FigureNode) for part in parts):
        # The sanitizer's output (RichTextField cleans on every save): safe as stored.
        return mark_safe(body)  # noqa: S308
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
            # HTML between figure nodes of the sanitized body: as safe as the body itself.
            written.append(mark_safe(part))  # noqa: S308
    # Each piece is safe: the sanitized body's HTML, or figure_html's (format_html, escaped).
    return mark_safe("".join(written))  # noqa: S308


def _shows(figure: ArticleFigure, node: FigureNode) -> bool:
    """The row is the node's (a body changed around the field, by update(), is not trusted)."""
    if node.artwork:
        return figure.artwork_id == node.artwork
    return figure.image_id == node.image
