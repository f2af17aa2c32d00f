"""Template tags for the head of a page: JSON-LD of an article, artist, artwork or exhibition,
`{% capture %}`, which renders once what several tags repeat (the canonical URL in
<link rel="canonical"> and og:url, a title in og:title and twitter:title), and the link-preview
image's tags (`og_image`, `og_image_of`)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sitesettings.models import SiteSettings
from structured_data.builders import (
    article_data,
    artist_data,
    artwork_data,
    exhibition_data,
    series_data,
)
from structured_data.script import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, part_of=None):
    site = context.get("site") or SiteSettings.current()
    absolute = context["request"].build_absolute_uri
    data = article_data(
        article, absolute=absolute, publisher_name=site.publisher_name, part_of=part_of
    )
    return json_ld_script(data, context.get("csp_nonce"))


@register.simple_tag(takes_context=True)
def series_json_ld(context, series):
    site = context.get("site") or SiteSettings.current()
    absolute = context["request"].build_absolute_uri
    data = series_data(series, absolute=absolute, publisher_name=site.publisher_name)
    return json_ld_script(data, context.get("csp_nonce"))


@register.simple_tag(takes_context=True)
def artist_json_ld(context, artist):
    data = artist_data(artist, absolute=context["request"].build_absolute_uri)
    return json_ld_script(data, context.get("csp_nonce"))


@register.simple_tag(takes_context=True)
def artwork_json_ld(context, artwork):
    data = artwork_data(artwork, absolute=context["request"].build_absolute_uri)
    return json_ld_script(data, context.get("csp_nonce"))


@register.simple_tag(takes_context=True)
def exhibition_json_ld(context, exhibition, artworks=()):
    absolute = context["request"].build_absolute_uri
    data = exhibition_data(exhibition, absolute=absolute, artworks=artworks)
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


@register.simple_tag(takes_context=True)
def og_image(context, url, width=None, height=None, alt=""):
    """`{% og_image url width height alt %}`: what templates/includes/og_image.html printed as
    an include with those values, line for line: a link-preview image (Open Graph and Twitter
    card); `url` may already be absolute (a CDN). Written in Python: the include, its capture
    and its filters were a tenth of a cold article page's template time."""
    if str(url)[:4] == "http":
        image_url = format_html("{}", url)
    else:
        request = context.get("request")
        scheme, host = (request.scheme, request.get_host()) if request else ("", "")
        image_url = format_html("{}://{}{}", scheme, host, url)
    # Safe: format_html escapes every value (the address, the sizes, the alt text); the rest
    # is fixed markup. tests/structured_data/test_og_image.py renders hostile values both ways.
    sizes = ""
    if width and height:
        sizes = format_html(
            '<meta property="og:image:width" content="{}">\n'
            '<meta property="og:image:height" content="{}">',
            width,
            height,
        )
    og_alt = format_html('<meta property="og:image:alt" content="{}">', alt) if alt else ""
    twitter_alt = format_html('<meta name="twitter:image:alt" content="{}">', alt) if alt else ""
    return format_html(
        '\n\n<meta property="og:image" content="{}">\n{}\n{}\n'
        '<meta name="twitter:card" content="summary_large_image">\n'
        '<meta name="twitter:image" content="{}">\n{}\n',
        image_url,
        sizes,
        og_alt,
        image_url,
        twitter_alt,
    )


@register.simple_tag(takes_context=True)
def og_image_of(context, image, alt):
    """`{% og_image_of image alt %}`: what templates/includes/og_image_of.html printed, the
    link-preview image of an images.Image: its social crop once renditions are made, else the
    original."""
    picture = image.picture()
    original = image.file.url  # read first, as the include's filters did
    html = og_image(
        context,
        picture.social_url or original,
        picture.social_width or image.width,
        picture.social_height or image.height,
        alt,
    )
    return SafeString(html + "\n")  # Safe: og_image()'s markup, escaped there
