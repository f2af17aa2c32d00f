"""images/markup.py writes the picture and captioned-picture markup the templates wrote before
it, byte for byte, for any text an editor may type: the templates it replaced are kept here and
rendered beside the includes (which now call it) and the tags."""

from pathlib import Path

import pytest
from django.template import Context, Engine, Template
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from images.markup import included_picture_html
from images.picture import Picture
from tests.hostile.strategies import hostile_text

pytestmark = pytest.mark.django_db

# The include files as they were before images/markup.py (templates/includes/), in replaced/.
OLD = Engine(dirs=[Path(__file__).parent])

pictures = st.builds(
    Picture,
    src=hostile_text(max_size=40),
    width=st.none() | st.integers(0, 5000),
    height=st.none() | st.integers(0, 5000),
    webp_srcset=st.sampled_from(["", "a.webp 480w, b.webp 960w"]) | hostile_text(max_size=30),
    fallback_srcset=st.sampled_from(["", "a.jpg 480w"]) | hostile_text(max_size=30),
)
words = hostile_text(max_size=60)
maybe = st.sampled_from(["", "eager", "figure--lead"]) | words


def old(name, **context) -> str:
    return OLD.get_template(f"replaced/{name}").render(Context(context))


@given(picture=pictures, alt=words, sizes=maybe, loading=maybe)
def test_a_picture_is_printed_as_before(picture, alt, sizes, loading):
    context = {"picture": picture, "alt": alt, "sizes": sizes, "loading": loading}
    expected = old("picture.html", **context)
    assert render_to_string("includes/picture.html", context) == expected
    tag = Template("{% load pictures %}{% picture picture alt=alt sizes=sizes loading=loading %}")
    assert tag.render(Context(context)) == expected


@given(
    picture=pictures,
    alt=words,
    lines=st.lists(words, max_size=3) | st.tuples(words, words),
    credit=st.sampled_from([""]) | words,
    sizes=maybe,
    loading=maybe,
    css_class=maybe,
)
def test_a_captioned_picture_is_printed_as_before(
    picture, alt, lines, credit, sizes, loading, css_class
):
    context = {
        "picture": picture,
        "alt": alt,
        "lines": lines,
        "credit": credit,
        "sizes": sizes,
        "loading": loading,
        "class": css_class,
    }
    assert render_to_string("includes/picture_figure.html", context) == old(
        "picture_figure.html", **context
    )


def test_hostile_text_is_escaped_everywhere():
    """Alt text, caption lines, credit, class and addresses come out escaped."""
    evil = '"><script>alert(1)</script>'
    picture = Picture(src=evil, width=1, height=1, webp_srcset=evil, fallback_srcset=evil)
    context = {"picture": picture, "alt": evil, "lines": [evil], "credit": evil, "class": evil}
    context.update(sizes=evil, loading=evil)
    html = render_to_string("includes/picture_figure.html", context)
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 10  # src, 2 srcsets, sizes twice, 5 texts


# The cards' pictures: included_picture_html() as the include prints it, line breaks and all.

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

    assert included_picture_html(picture, alt=alt, sizes=sizes, loading=loading) == expected


def test_hostile_values_stay_attribute_values():
    html = included_picture_html(PICTURES[-1], alt=HOSTILE, sizes=HOSTILE)

    assert "<script>" not in html
    assert html.count("&quot;&gt;&lt;script&gt;") == 6  # src, both srcsets, sizes twice, alt
