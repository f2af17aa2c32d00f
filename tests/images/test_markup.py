"""picture_html() writes what `{% include "includes/picture.html" %}` writes, byte for byte,
escaping every value."""

import pytest
from django.template.loader import render_to_string

from images.markup import picture_html
from images.picture import Picture

HOSTILE = "\"><script>alert(1)</script>&'"

PICTURES = [
    Picture(src="/media/a.png", width=None, height=None),
    Picture(src="/media/a.png", width=640, height=None),
    Picture(src="/media/a.png", width=640, height=480),
    Picture(
        src="/media/r/w960.jpg",
        width=1600,
        height=1200,
        webp_srcset="/media/r/w480.webp 480w, /media/r/w960.webp 960w",
        fallback_srcset="/media/r/w480.jpg 480w, /media/r/w960.jpg 960w",
        has_renditions=True,
    ),
    Picture(src=HOSTILE, width=1, height=1, webp_srcset=HOSTILE, fallback_srcset=HOSTILE),
]


def included(picture, **values) -> str:
    """What the include writes (its leading comment and all), as a template including it."""
    return render_to_string("includes/picture.html", {"picture": picture, **values})


@pytest.mark.parametrize("picture", PICTURES)
@pytest.mark.parametrize("loading", ["", "eager"])
@pytest.mark.parametrize("alt", ["", "A <b>bold</b> & “curly” claim", HOSTILE])
def test_the_same_bytes_as_the_include(picture, loading, alt):
    sizes = "(min-width: 60rem) 22rem, 100vw" if alt else HOSTILE
    expected = included(picture, alt=alt, sizes=sizes, loading=loading)

    assert picture_html(picture, alt=alt, sizes=sizes, loading=loading) == expected


def test_hostile_values_stay_attribute_values():
    html = picture_html(PICTURES[-1], alt=HOSTILE, sizes=HOSTILE)

    assert "<script>" not in html
    assert html.count("&quot;&gt;&lt;script&gt;") == 6  # src, both srcsets, sizes twice, alt
