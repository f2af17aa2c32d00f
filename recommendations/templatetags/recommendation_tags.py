"""The "You may also like" block's template tag, so that the articles app's templates can show
it while the articles app's Python never imports recommendations."""

from django import template

from recommendations.cards import related_block as block_under

register = template.Library()

# What the articles app's two previews put in the page's context: the preview link's page
# (`preview`, which also shows its banner) and the admin's live preview (`live_preview`).
PREVIEW_FLAGS = ("preview", "live_preview")


@register.simple_tag(takes_context=True)
def related_block(context, article):
    """`{% related_block article as block %}`: the block's cards' HTML in slot order and the
    token of its slots (templates/recommendations/related_block.html). In a preview nobody is
    a reader: the cards link straight to their articles and there is no token to count."""
    previewing = any(context.get(flag) for flag in PREVIEW_FLAGS)
    return block_under(article, counted=not previewing)
