"""`{% series_navigation article as nav %}`: the article's place among its series' public parts
(articles/series_parts.py), or None; read once per article, however often it is asked."""

from django import template

from articles.series_parts import navigation

register = template.Library()


@register.simple_tag
def series_navigation(article):
    return navigation(article)
