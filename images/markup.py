"""A picture's markup written in Python, for lists that show one per card (article and artwork
cards): the same bytes as `{% include "includes/picture.html" %}` (tests/images/test_markup.py
holds the two to each other), without an include's cost per card (a template, a context pushed,
every variable looked up)."""

from html import escape

from django.utils.safestring import SafeString, mark_safe

from images.picture import Picture


def picture_html(picture: Picture, *, alt: str, sizes: str, loading: str = "") -> SafeString:
    """`includes/picture.html` with `picture`, `alt`, `sizes` and `loading` (default lazy), as an
    include inserts it (the newline after the template's comment first)."""
    sizes = escape(sizes)
    source = (
        f'<source type="image/webp" srcset="{escape(picture.webp_srcset)}" sizes="{sizes}">'
        if picture.webp_srcset
        else ""
    )
    srcset = (
        f' srcset="{escape(picture.fallback_srcset)}" sizes="{sizes}"'
        if picture.fallback_srcset
        else ""
    )
    box = (
        f' width="{escape(str(picture.width))}" height="{escape(str(picture.height))}"'
        if picture.width and picture.height
        else ""
    )
    # Safe: every value from the picture and the caller is escaped above or here.
    return mark_safe(  # noqa: S308
        f"\n<picture>\n  {source}\n"
        f'  <img src="{escape(picture.src)}"{srcset}{box} alt="{escape(alt)}"'
        f' loading="{escape(loading or "lazy")}" decoding="async">\n</picture>\n'
    )
