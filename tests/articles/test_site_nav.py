"""The header's section links ({% section_links %}, written in Python) print what base.html's
loop printed, byte for byte, on a section's page, elsewhere and where no URL resolved; names
and addresses escaped the same way."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template, engines

from articles.context_processors import NavSection

HOSTILE = "\"><script>alert('x')</script> '; DROP TABLE articles_section; -- & Ü"

# base.html's loop as it was, the reference.
OLD = """          {% for section in nav_sections %}
          <li><a href="{{ section.url }}"{% if match.url_name == 'section-detail' and match.kwargs.slug == section.slug %} aria-current="page"{% endif %}>{{ section.name }}</a></li>
          {% endfor %}
"""  # noqa: E501
NEW = """{% load site_nav %}          {% section_links nav_sections match %}
"""

SECTIONS = [
    NavSection("Painting", "painting", "/sections/painting/"),
    NavSection(HOSTILE, "émile-zola", "/sections/%C3%A9mile-zola/"),
    NavSection("Sculpture & <b>Form</b>", "sculpture", '/x/?a=1&b="2"'),
]


def render(text: str, **values) -> str:
    return Template(text, engine=engines["django"].engine).render(Context(values))


@pytest.mark.parametrize(
    "match",
    [
        SimpleNamespace(url_name="section-detail", kwargs={"slug": "émile-zola"}, app_name=""),
        SimpleNamespace(url_name="section-detail", kwargs={"slug": "painting"}, app_name=""),
        SimpleNamespace(url_name="article-detail", kwargs={"slug": "painting"}, app_name=""),
        SimpleNamespace(url_name="home", kwargs={}, app_name="articles"),
        None,
    ],
)
@pytest.mark.parametrize("sections", [SECTIONS, []])
def test_the_links_are_what_the_loop_printed(match, sections):
    expected = render(OLD, nav_sections=sections, match=match)

    assert render(NEW, nav_sections=sections, match=match) == expected
    assert "<script>" not in expected
    current = match and match.url_name == "section-detail" and sections
    assert ('aria-current="page"' in expected) is bool(current)


def test_without_a_match_in_the_context():
    assert render(NEW, nav_sections=SECTIONS) == render(OLD, nav_sections=SECTIONS)
