"""The header's section links, written in Python (base.html, on every public page): what the
loop over `nav_sections` printed, byte for byte; twelve sections through the template engine
were a tenth of a cold article page's template time."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# One iteration of the loop base.html had: its line breaks and indentation included.
_ITEM = '\n          <li><a href="{}"{}>{}</a></li>\n          '
_CURRENT = SafeString(' aria-current="page"')


@register.simple_tag
def section_links(sections, match):
    """`{% section_links nav_sections match %}`: a link to each section (a NavSection of
    articles/context_processors.py), marked current on that section's page (`match`, the
    request's resolver match, None on a page no URL resolved)."""
    current = None
    if getattr(match, "url_name", None) == "section-detail":
        current = (getattr(match, "kwargs", None) or {}).get("slug")
    # Safe: format_html escapes each address and name; the rest is fixed markup.
    return SafeString(
        "".join(
            format_html(
                _ITEM, section.url, _CURRENT if section.slug == current else "", section.name
            )
            for section in sections
        )
    )
