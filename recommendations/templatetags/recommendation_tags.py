"""The "You may also like" block's template tag, so that the articles app's templates can show
it while the articles app's Python never imports recommendations."""

from django import template

from recommendations.cards import related_cards as cards_under

register = template.Library()


@register.simple_tag
def related_cards(article):
    """`{% related_cards article as cards %}`: the HTML of the block's cards, in order
    (templates/recommendations/related_block.html)."""
    return cards_under(article)
