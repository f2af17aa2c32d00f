"""The "You may also like" block's template tag, so that the articles app's templates can show
it while the articles app's Python never imports recommendations."""

from django import template

from recommendations.cards import related_block as block_under

register = template.Library()


@register.simple_tag
def related_block(article):
    """`{% related_block article as block %}`: the block's cards' HTML in slot order and the
    token of its slots (templates/recommendations/related_block.html)."""
    return block_under(article)
