"""The card tags (articles/templatetags/article_cards.py) write a card's markup, escaping every
value, with the bytes the includes they replaced wrote."""

import datetime

import pytest
from django.template import Context, Template
from django.template.defaultfilters import date
from django.utils import timezone, translation

from articles.cards import ArticleCard
from articles.templatetags.article_cards import card_dates
from images.picture import Picture

HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27;"


def card(**fields) -> ArticleCard:
    values = {
        "url": "/articles/a-story/",
        "title": "A story",
        "standfirst": "In short.",
        "published_at": datetime.datetime(2026, 3, 4, 9, 30, tzinfo=datetime.UTC),
        "section_name": "Reviews",
        "authors": ("Ann",),
        "picture": None,
        "alt": "",
    }
    return ArticleCard(**(values | fields))


def render(source: str, **context) -> str:
    return Template("{% load article_cards %}" + source).render(Context(context))


# What the includes wrote for a text-only card in a grid, heading level 3 (Europe/London in
# March is UTC).
TEXT_ONLY_GRID = "\n".join(
    [
        "",
        "",
        '<div class="card-grid">',
        "  ",
        "  ",
        "",
        '<article class="card card--article card--text-only">',
        "  ",
        '  <div class="card__body">',
        '    <p class="kicker card__kicker">Reviews</p>',
        "    ",
        '    <h3 class="card__title"><a class="card__link" href="/articles/a-story/">'
        "A story</a></h3>",
        "    ",
        '    <p class="card__standfirst">In short.</p>',
        '    <p class="card__meta meta">',
        '      <span class="byline">By <span class="byline__name">Ann</span>',
        "</span>",
        '      <time datetime="2026-03-04T09:30:00+0000">4 March 2026</time>',
        "    </p>",
        "  </div>",
        "</article>",
        "",
        "",
        "  ",
        "</div>",
        "",
        "",
    ]
)


@pytest.fixture(autouse=True)
def london(settings):
    settings.TIME_ZONE = "Europe/London"
    with timezone.override("Europe/London"):
        yield


def test_a_grid_writes_the_bytes_the_includes_wrote():
    assert render("{% article_grid cards level=3 %}", cards=[card()]) == TEXT_ONLY_GRID


def test_every_value_is_escaped():
    hostile = card(
        url='/articles/x/"onmouseover="alert(1)',
        title=HOSTILE,
        standfirst=HOSTILE,
        section_name=HOSTILE,
        authors=(HOSTILE, "B"),
        picture=Picture(src='/m/a.jpg" onerror="alert(1)', width=4, height=3),
        alt=HOSTILE,
    )

    html = render("{% article_card c lead=True level=2 %}", c=hostile)

    assert "<script>" not in html
    assert html.count(ESCAPED) == 5  # title, standfirst, section, author, alt
    assert 'href="/articles/x/&quot;onmouseover=&quot;alert(1)"' in html
    assert 'src="/m/a.jpg&quot; onerror=&quot;alert(1)"' in html


def test_a_lead_card_with_a_picture():
    picture = Picture(src="/m/a.jpg", width=800, height=600, webp_srcset="/m/a.webp 480w")

    html = render("{% article_card c lead=True level=2 %}", c=card(picture=picture, alt="A"))

    assert '<article class="card card--article card--lead">' in html
    assert 'loading="eager"' in html
    assert 'sizes="(min-width: 60rem) 50rem, 100vw"' in html
    assert "<h2 " in html


def test_bylines_join_names_as_the_include_did():
    html = render("{% article_grid cards %}", cards=[card(authors=("A", "B", "C"))])

    names = '<span class="byline__name">A</span>, <span class="byline__name">B</span> and '
    assert names + '<span class="byline__name">C</span>\n</span>' in html


def test_no_cards_is_the_sentence():
    assert render('{% article_grid cards empty="None <yet>" %}', cards=[]) == (
        '\n\n<p class="empty-state">None &lt;yet&gt;</p>\n\n'
    )
    assert "No articles yet." in render("{% article_grid cards %}", cards=[])


UTC = datetime.UTC


@pytest.mark.parametrize(
    "zone", ["Europe/London", "UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"]
)
@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 3, 4, 9, 30, 5, tzinfo=UTC),
        datetime.datetime(2025, 10, 26, 1, 30, tzinfo=UTC),  # 01:30 twice in London: ambiguous
        datetime.datetime(2025, 3, 30, 0, 59, 59, tzinfo=UTC),  # before the clocks go forward
        datetime.datetime(999, 1, 1, 0, 0, tzinfo=UTC),
        datetime.datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC),
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_card_dates_are_what_the_date_filter_writes(zone, moment, language):
    """card_dates() gives what `|date:"Y-m-d\\TH:i:sO"` and `|date:"j F Y"` gave (the bytes
    the includes wrote), in any time zone and language, ambiguous local times included."""
    with timezone.override(zone), translation.override(language):
        local = timezone.template_localtime(moment)
        assert card_dates(local) == (date(local, "Y-m-d\\TH:i:sO"), date(local, "j F Y"))
