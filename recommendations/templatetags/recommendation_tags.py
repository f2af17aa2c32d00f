"""The "You may also like" block's template tag, so that the articles app's templates can show
it while the articles app's Python never imports recommendations."""

from django import template

from recommendations.selectors import related_articles_for

register = template.Library()


@register.simple_tag
def related_articles(article):
    """`{% related_articles article as links %}`: the links to show under the article."""
    return related_articles_for(article)
