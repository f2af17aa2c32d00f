"""The HTML of a picture (`<picture>` with its sources) and of a captioned picture (`<figure>`),
written in Python: a page with many figures would otherwise render three nested template
includes per figure. templates/includes/picture.html and picture_figure.html call these, so
every page prints the same markup; tests/images/test_markup.py holds them to the templates
they replaced, byte for byte. Every value is escaped (format_html; no mark_safe): text
from editors (alt text, captions, credits) and addresses alike."""

from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from images.picture import Picture

ARTICLE_COLUMN = "(min-width: 56rem) 56rem, 100vw"


def picture_html(picture: Picture, *, alt, sizes, loading=None) -> SafeString:
    """`<picture>`: a WebP source when there are renditions, and the `<img>` (the original's
    width and height, so nothing shifts while it loads); lazy unless `loading` says otherwise."""
    webp = ""
    if picture.webp_srcset:
        webp = format_html(
            '<source type="image/webp" srcset="{}" sizes="{}">', picture.webp_srcset, sizes
        )
    fallback = ""
    if picture.fallback_srcset:
        fallback = format_html(' srcset="{}" sizes="{}"', picture.fallback_srcset, sizes)
    box = ""
    if picture.width and picture.height:
        box = format_html(' width="{}" height="{}"', picture.width, picture.height)
    return format_html(
        '<picture>\n  {}\n  <img src="{}"{}{} alt="{}" loading="{}" decoding="async">\n</picture>',
        webp,
        picture.src,
        fallback,
        box,
        alt,
        loading or "lazy",
    )


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
