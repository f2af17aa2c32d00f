"""Template tags that let artist and artwork pages list articles without importing articles."""

from django import template

from articles.cards import article_cards
from articles.selectors import articles_featuring as select_articles_featuring

register = template.Library()


@register.simple_tag
def articles_featuring(obj, limit=6):
    """The cards (articles/cards.py) of the published articles featuring an artist or an
    artwork, newest first."""
    return article_cards(select_articles_featuring(obj)[:limit])
