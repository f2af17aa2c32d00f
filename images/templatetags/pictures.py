"""`{% picture %}` and `{% captioned_picture %}`: what templates/includes/picture.html and
picture_figure.html print, written by images/markup.py; the includes call these, and a template
that shows many pictures may call them directly (one tag instead of nested includes)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from images.markup import captioned_html, picture_html
from images.picture import Picture

register = template.Library()

NO_PICTURE = Picture(src="", width=None, height=None)


@register.simple_tag
def picture(shown, alt="", sizes="", loading=""):
    """`{% picture picture alt=... sizes=... loading=... %}`, as includes/picture.html."""
    return _as_included(picture_html(shown or NO_PICTURE, alt=alt, sizes=sizes, loading=loading))


@register.simple_tag
def captioned_picture(shown, alt="", lines=(), credit="", sizes="", loading="", **more):
    """`{% captioned_picture picture alt=... lines=... credit=... class=... %}` (optional
    `sizes`, `loading`), as includes/picture_figure.html."""
    html = captioned_html(
        shown or NO_PICTURE,
        alt=alt,
        lines=lines or (),
        credit=credit,
        sizes=sizes,
        loading=loading,
        css_class=more.get("class"),
    )
    return _as_included(html)


def _as_included(html: SafeString) -> SafeString:
    """With the line breaks the include printed around it."""
    return format_html("\n{}\n", html)
