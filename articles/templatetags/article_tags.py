"""Template tags that let artist, artwork and exhibition pages list articles without importing
articles, and the article page print its figures and its body."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from articles import card_reads, selectors
from articles.body_figures.render import body_html, figure_html
from articles.cards import article_cards, cards_of_rows
from articles.link_notes import notes_of
from articles.models import Article
from slugs.reversing import slug_addresses

register = template.Library()

_TAG_ADDRESS = object()  # the render's tag address maker, in its render_context


@register.simple_tag
def articles_featuring(obj, limit=6):
    """The cards (articles/cards.py) of the published articles featuring an artist or an
    artwork, newest first: `selectors.articles_featuring(obj)[:limit]`, read with SQL written
    once per process (articles/card_reads.py)."""
    rows = card_reads.featuring(Article.objects.db, obj, limit, timezone.now())
    return cards_of_rows(rows)


@register.simple_tag
def articles_about(exhibition, limit=12):
    """The cards of the published articles featuring an exhibition, newest first: for the
    exhibition's page, which may not import articles."""
    return article_cards(selectors.articles_about_exhibition(exhibition)[:limit])


@register.simple_tag
def article_figure(figure, loading="", **more):
    """`{% article_figure figure loading=... class=... %}`: what templates/includes/figure.html
    prints (which calls this): the figure's picture with its caption lines and credit, or
    nothing when its artwork has lost its image. One tag per figure, no nested includes."""
    html = figure_html(figure, loading=loading, css_class=more.get("class"))
    if not html:
        return "\n\n"
    return format_html("\n\n\n{}\n\n\n", html)  # the line breaks the includes printed


@register.simple_tag
def article_body(article, figures=None):
    """`{% article_body article %}`: the body with its figures in place
    (articles/body_figures/render.py); the body as stored when it has no figure node."""
    return body_html(article, figures)


@register.simple_tag
def link_note(article, link):
    """`{% link_note article link %}`: what readers are told beside one of the article's
    further links (articles/link_notes.py: the archived copy of a dead link), or nothing.
    The article's notes are read once, with its body's."""
    note = notes_of(article).get(link.url)
    return note(link.title) if note is not None else ""


@register.simple_tag(takes_context=True)
def tag_address(context, tag):
    """`{% tag_address tag %}`: what `{% url 'articles:tag-detail' tag.slug %}` gives, the
    address reversed once per render of the list (slugs/reversing.py), not once per tag (some
    60 microseconds each on a busy machine, eight tags on an average article)."""
    address = context.render_context.get(_TAG_ADDRESS)
    if address is None:
        address = context.render_context[_TAG_ADDRESS] = slug_addresses("articles:tag-detail")
    return address(tag.slug)
