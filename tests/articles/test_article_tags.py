"""{% article_figure %} (articles/templatetags/article_tags.py), which includes/figure.html
calls, prints what that include printed before, for every kind of figure."""

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from tests.factories import (
    ArticleFigureFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
)
from tests.images.test_markup import old

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kind", ["artwork", "chosen image", "override", "upload", "decorative", "lost image"]
)
def test_an_article_figure_is_printed_as_before(kind):
    """includes/figure.html and {% article_figure %} print what the old include printed, for
    every kind of figure (articles/templatetags/article_tags.py)."""
    artwork = ArtworkFactory(title='Tide <&> "Moon"')
    ArtworkArtistFactory(artwork=artwork)
    first = ArtworkImageFactory(artwork=artwork, alt_text="First <b>", credit="© Them & Co")
    second = ArtworkImageFactory(artwork=artwork, alt_text="Second", position=1)
    fields = {"artwork": artwork}
    if kind == "chosen image":
        fields.update(artwork_image=second, credit="Ours <i>")
    elif kind == "override":
        fields.update(caption="Line <one>\n\n  Line two & three  ", alt_text='Said "so"')
    elif kind == "upload":
        fields = {"artwork": None, "image": ImageFactory(), "alt_text": "An upload <x>"}
    elif kind == "decorative":
        fields.update(decorative=True)
    figure = ArticleFigureFactory(**fields)
    if kind == "lost image":
        first.delete()
        second.delete()
    figure = type(figure).objects.get(pk=figure.pk)

    for loading, css_class in [("", ""), ("eager", "figure--lead")]:
        context = {"figure": figure, "loading": loading, "class": css_class}
        expected = old("figure.html", **context)
        assert render_to_string("includes/figure.html", context) == expected
        tag = Template(
            "{% load article_tags %}{% article_figure figure loading=loading class=class %}"
        )
        assert tag.render(Context(context)) == expected
    assert ("<figure" in expected) == (kind != "lost image")
