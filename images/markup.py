"""The HTML of a picture (`<picture>` with its sources) and of a captioned picture (`<figure>`),
written in Python: a page with many figures would otherwise render three nested template
includes per figure. templates/includes/picture.html and picture_figure.html call these, so
every page prints the same markup; tests/images/test_markup.py holds them to the templates
they replaced, byte for byte. Every value is escaped (format_html, or escape() where marked
safe): text from editors (alt text, captions, credits) and addresses alike. The cards of
lists (articles/, artworks/ templatetags) call included_picture_html()."""

from collections.abc import Iterable

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from images.picture import Picture

ARTICLE_COLUMN = "(min-width: 56rem) 56rem, 100vw"


def picture_html(picture: Picture, *, alt, sizes, loading=None) -> SafeString:
    """`<picture>`: a WebP source when there are renditions, and the `<img>` (the original's
    width and height, so nothing shifts while it loads); lazy unless `loading` says otherwise.
    Written with f-strings rather than format_html: a list page draws dozens."""
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
    # Safe: every value from the picture and the caller is escaped above or here
    # (tests/images/test_markup.py: hostile alt text, sizes and addresses).
    return mark_safe(  # noqa: S308
        f"<picture>\n  {source}\n"
        f'  <img src="{escape(picture.src)}"{srcset}{box} alt="{escape(alt)}"'
        f' loading="{escape(loading or "lazy")}" decoding="async">\n</picture>'
    )


def included_picture_html(picture: Picture, *, alt, sizes, loading=None) -> SafeString:
    """picture_html() with the line breaks `{% include "includes/picture.html" %}` prints
    around it (the newline after the template's comment, and the last line's)."""
    # Safe: picture_html() escaped every value.
    return mark_safe(f"\n{picture_html(picture, alt=alt, sizes=sizes, loading=loading)}\n")  # noqa: S308


def captioned_html(
    picture: Picture, *, alt, lines: Iterable[str], credit, sizes=None, loading=None, css_class=None
) -> SafeString:
    """`<figure>`: the picture (the article column's width unless `sizes` says otherwise), and
    a caption of the non-empty `lines`, printed as given, and the credit."""
    media = picture_html(picture, alt=alt, sizes=sizes or ARTICLE_COLUMN, loading=loading)
    caption = ""
    if lines or credit:
        line_html = '\n    <span class="figure__line">{}</span>\n    '
        shown = format_html_join("", line_html, ((line,) for line in lines if line))
        small = format_html('<small class="figure__credit">{}</small>', credit) if credit else ""
        caption = format_html(
            '\n  <figcaption class="figure__caption">\n    {}\n    {}\n  </figcaption>\n  ',
            shown,
            small,
        )
    extra = format_html(" {}", css_class) if css_class else ""
    return format_html(
        '<figure class="figure{}">\n  <div class="figure__media">\n    \n{}\n\n  </div>\n  {}\n'
        "</figure>",
        extra,
        media,
        caption,
    )
