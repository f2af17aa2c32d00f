"""Template tags for the head of a page: JSON-LD of an article, artist or artwork, and
`{% capture %}`, which renders once what several tags repeat (the canonical URL in
<link rel="canonical"> and og:url, a title in og:title and twitter:title)."""

from django import template

from sitesettings.models import SiteSettings
from structured_data.builders import article_data, artist_data, artwork_data
from structured_data.script import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    site = context.get("site") or SiteSettings.current()
    absolute = context["request"].build_absolute_uri
    data = article_data(article, absolute=absolute, publisher_name=site.publisher_name)
    return json_ld_script(data, context.get("csp_nonce"))


@register.simple_tag(takes_context=True)
def artist_json_ld(context, artist):
    data = artist_data(artist, absolute=context["request"].build_absolute_uri)
    return json_ld_script(data, context.get("csp_nonce"))


@register.simple_tag(takes_context=True)
def artwork_json_ld(context, artwork):
    data = artwork_data(artwork, absolute=context["request"].build_absolute_uri)
    return json_ld_script(data, context.get("csp_nonce"))


@register.tag
def capture(parser, token):
    """`{% capture as name %}...{% endcapture %}`: renders its contents (blocks inside may be
    overridden as usual) into the variable `name` for the rest of the template, printing
    nothing. Outside any block, so that every block after it sees the variable."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}...{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist  # child_nodelists: {% extends %} finds the blocks in it
        self.name = name

    def render(self, context):
        context[self.name] = self.nodelist.render(context)  # already escaped: a SafeString
        return ""
