"""Exhibition cards escape every value they print."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from exhibitions.selectors import with_artists
from tests.factories import ArtistFactory, ExhibitionFactory, ImageFactory, VenueFactory

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;'


def render(exhibitions, **options) -> str:
    template = Template(
        "{% load exhibition_tags %}"
        "{% exhibition_grid shows level=level with_state=True with_artists=True empty=empty %}"
    )
    return template.render(Context({"shows": exhibitions, "level": 3, **options}))


def test_hostile_values_are_text():
    exhibition = ExhibitionFactory(
        title=HOSTILE,
        venue=VenueFactory(name=HOSTILE, city=HOSTILE),
        artists=[ArtistFactory(name=HOSTILE)],
        image=ImageFactory(),
        image_alt_text=HOSTILE,
    )
    with_artists([exhibition])

    html = render([exhibition], empty="")

    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&amp;amp;" in html  # the title's own "&amp;" shown as typed
    assert html.count("&lt;script&gt;") == 4  # title, place (the city is in its name), artist, alt
    assert 'alt="&quot;&gt;&lt;script&gt;' in html


def test_no_exhibitions_is_the_empty_sentence_escaped():
    html = render([], empty="<b>None</b>")

    assert '<p class="empty-state">&lt;b&gt;None&lt;/b&gt;</p>' in html


@pytest.mark.parametrize("level", ["2 onclick=alert(1)", "7", "1", "h2"])
def test_a_heading_level_other_than_2_to_6_is_refused(level):
    """The level goes into the tag's name (`<h3>`): a value that is not a level never gets
    there, where escaping would not stop an attribute."""
    with pytest.raises((TemplateSyntaxError, ValueError)):
        render([ExhibitionFactory()], empty="", level=level)


def render_level(level):
    template = Template("{% load exhibition_tags %}{% exhibition_grid shows level=level %}")
    return template.render(Context({"shows": [ExhibitionFactory()], "level": level}))


def test_the_cards_take_the_level_asked():
    assert '<h4 class="card__title">' in render_level(4)
