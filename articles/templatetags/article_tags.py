"""Template tags that let artist and artwork pages list articles without importing articles."""

from django import template

from articles.selectors import articles_featuring as select_articles_featuring

register = template.Library()


@register.simple_tag
def articles_featuring(obj, limit=6):
    """Published articles featuring an artist or artwork, newest first."""
    return select_articles_featuring(obj)[:limit]
