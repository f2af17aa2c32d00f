"""The article page's "On view" block: public shows only, by date, each linked, told as of
today, its dates as <time> elements; the same on the preview link and the live preview."""

from datetime import UTC, date, datetime

import html5lib
import pytest
import time_machine

from articles import previews
from exhibitions.templatetags.on_view import date_parts
from tests.factories import ArticleFactory, ExhibitionFactory, VenueFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off", "site_settings")]

HOSTILE = '<script>alert("x")</script> & "quoted" \u202e'
TODAY = date(2011, 4, 1)


@pytest.fixture
def article():
    tate = VenueFactory(name="Tate Modern", city="London")
    article = ArticleFactory(slug="ai", published_at=datetime(2010, 10, 20, tzinfo=UTC))
    article.featured_exhibitions.add(
        ExhibitionFactory(
            title="Sunflower Seeds",
            slug="sunflower-seeds",
            venue=tate,
            opens_on=date(2010, 10, 12),
            closes_on=date(2011, 5, 2),
        ),
        ExhibitionFactory(
            title="So Sorry",
            slug="so-sorry",
            venue=VenueFactory(name="Haus der Kunst", city="Munich"),
            opens_on=date(2009, 10, 12),
            closes_on=date(2010, 1, 17),
        ),
        ExhibitionFactory(title="Not Announced", is_public=False, venue=tate),
        ExhibitionFactory(
            title="Later",
            venue=tate,
            opens_on=date(2027, 5, 1),
            opens_precision="month",
            closes_on=date(2027, 1, 1),
            closes_precision="year",
        ),
    )
    return article


def block(html: str):
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return next(
        (s for s in document.iter("section") if "on-view" in s.get("class", "").split()), None
    )


def shows(section) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    return [
        (
            item.find("a").text,
            item.find("a").get("href"),
            item.find("p").text,
            [(t.get("datetime"), t.text) for t in item.iter("time")],
        )
        for item in section.iter("li")
    ]


def test_public_shows_by_date_linked_and_told_as_of_today(client, article):
    """The private show is left out; the others come by their first day, each linked to its
    page, with today's sentence and its dates machine-readable."""
    with time_machine.travel(TODAY, tick=False):
        response = client.get(article.get_absolute_url())
    section = block(response.content.decode())
    assert section.find("h2").text == "Exhibitions"
    assert section.get("aria-labelledby") == section.find("h2").get("id")
    assert shows(section) == [
        (
            "So Sorry",
            "/exhibitions/so-sorry/",
            "Closed 17 January 2010",
            [("2009-10-12", "12 October 2009"), ("2010-01-17", "17 January 2010")],
        ),
        (
            "Sunflower Seeds",
            "/exhibitions/sunflower-seeds/",
            "On view at Tate Modern, London, until 2 May 2011",
            [("2010-10-12", "12 October 2010"), ("2011-05-02", "2 May 2011")],
        ),
        (
            "Later",
            f"/exhibitions/{article.featured_exhibitions.get(title='Later').slug}/",
            "Opens May 2027 at Tate Modern, London",
            [("2027-05", "May 2027"), ("2027", "2027")],
        ),
    ]
    assert "Not Announced" not in response.content.decode()


def test_no_public_show_no_block(client):
    """An article featuring only a private show (or none) has no block at all."""
    article = ArticleFactory()
    article.featured_exhibitions.add(ExhibitionFactory(is_public=False))
    assert block(client.get(article.get_absolute_url()).content.decode()) is None


def test_hostile_titles_and_venues_are_escaped(client):
    """A title and a venue name full of markup come out as text."""
    article = ArticleFactory()
    article.featured_exhibitions.add(
        ExhibitionFactory(title=HOSTILE, venue=VenueFactory(name=HOSTILE, city=""))
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    section = block(html)
    title, _, sentence, _ = shows(section)[0]
    assert title == HOSTILE
    assert sentence.startswith(f"On view at {HOSTILE}")


def test_the_preview_link_shows_the_block_of_a_draft(client, article):
    """The preview of a draft shows the block as its page will."""
    article.status = "draft"
    article.save()
    url = previews.preview_path(article)
    with time_machine.travel(TODAY, tick=False):
        section = block(client.get(url).content.decode())
    assert [show[0] for show in shows(section)] == ["So Sorry", "Sunflower Seeds", "Later"]


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        ((date(2011, 1, 1), "year"), (date(2011, 1, 1), "year"), [("", "2011")]),
        ((date(2011, 5, 1), "month"), (None, "day"), [("from ", "May 2011")]),
        ((None, "day"), (date(2011, 5, 2), "day"), [("until ", "2 May 2011")]),
        ((None, "day"), (None, "day"), []),
    ],
)
def test_date_parts(opens, closes, expected):
    """The dates read as span() writes them, one <time> per date."""
    show = ExhibitionFactory.build(
        opens_on=opens[0], opens_precision=opens[1], closes_on=closes[0], closes_precision=closes[1]
    )
    assert [(part.lead, part.text) for part in date_parts(show)] == expected
