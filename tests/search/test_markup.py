"""search/markup.py writes the bytes the include it replaced wrote for the same values
(templates/search/result.html, kept as tests/search/result_include.html), escaping every value;
the snippet is HTML already (highlight()), printed as it is."""

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from articles.cards import ArticleCard
from artists.cards import ArtistCard
from artworks.cards import ArtworkCard
from images.picture import Picture
from search.markup import result_html
from search.selectors import SearchResult
from search.snippets import START, STOP, highlight

HOSTILE = "<script>alert(\"x\")</script> & 'quoted' % ; DROP TABLE x; --"
ESCAPED = (
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27; % ; DROP TABLE"
    " x; --"
)

# The include as it was (the template search/markup.py replaced), rendered with stand-ins for
# the model instances it was given.
INCLUDE = (Path(__file__).parent / "result_include.html").read_text()


PICTURE = Picture(
    src='/media/a"b.jpg',
    width=640,
    height=480,
    webp_srcset="/media/a.webp 480w",
    fallback_srcset="/media/a.jpg 480w",
)


def include(kind, obj, thumbnail, snippet) -> str:
    result = SimpleNamespace(kind=kind, object=obj, thumbnail=thumbnail, snippet=snippet)
    return Template(INCLUDE).render(Context({"result": result}))


def article(**fields):
    values = {
        "url": "/articles/a/",
        "title": "Title",
        "standfirst": "Standfirst",
        "published_at": datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
        "section_name": "News",
        "authors": ("Ann", "Bob", "Cy"),
        "picture": PICTURE,
        "alt": "Alt",
    }
    card = ArticleCard(**(values | fields))
    obj = SimpleNamespace(
        section=SimpleNamespace(name=card.section_name),
        get_absolute_url=card.url,
        title=card.title,
        standfirst=card.standfirst,
        byline=[SimpleNamespace(name=name) for name in card.authors],
        published_at=card.published_at,
    )
    return card, obj


def artist(**fields):
    if "title" in fields:  # an artist's card is titled by the name
        fields["name"] = fields.pop("title")
    values = {
        "url": "/artists/a/",
        "name": "Ai Weiwei",
        "nationality": "Chinese",
        "life_dates": "born 1957",
        "picture": PICTURE,
        "alt": "Portrait",
    }
    card = ArtistCard(**(values | fields))
    obj = SimpleNamespace(
        get_absolute_url=card.url,
        name=card.name,
        nationality=card.nationality,
        life_dates=card.life_dates,
    )
    return card, obj


def artwork(**fields):
    values = {
        "url": "/artworks/a/",
        "title": "Urn",
        "date_display": "1995",
        "credits": (("After", "Ai Weiwei", ""), ("", "Bob", "and studio"), ("", "Cy", "")),
        "picture": PICTURE,
        "alt": "Urn",
    }
    card = ArtworkCard(**(values | fields))
    obj = SimpleNamespace(
        get_absolute_url=card.url,
        title=card.title,
        date_display=card.date_display,
        credited_artists=[
            SimpleNamespace(role_before=b, artist=SimpleNamespace(name=n), role_after=a)
            for b, n, a in card.credits
        ],
    )
    return card, obj


MARKED = highlight(f"before {START}{HOSTILE}{STOP} after")
VARIANTS = [
    {},
    {"picture": None},
    {"title": HOSTILE, "alt": HOSTILE, "url": '/x/?a="1"&b=<2>'},
]
KINDS = {
    "article": (
        article,
        [
            {"section_name": HOSTILE, "authors": (HOSTILE,), "standfirst": HOSTILE},
            {"authors": ("Ann", "Bob"), "published_at": None, "standfirst": ""},
            {"authors": ()},
        ],
    ),
    "artist": (
        artist,
        [
            {"name": HOSTILE, "nationality": HOSTILE, "life_dates": ""},
            {"nationality": ""},
            {"nationality": "", "life_dates": ""},
        ],
    ),
    "artwork": (
        artwork,
        [
            {"credits": ((HOSTILE, HOSTILE, HOSTILE),), "date_display": HOSTILE},
            {"credits": (), "date_display": ""},
            {"credits": (("", "Ann", ""), ("", "Bob", ""))},
        ],
    ),
}
CASES = [
    (kind, fields, snippet)
    for kind, (_, extra) in KINDS.items()
    for fields in VARIANTS + extra
    for snippet in (MARKED, SafeString(""))
]


@pytest.mark.parametrize(("kind", "fields", "snippet"), CASES)
def test_a_card_is_what_the_include_wrote(kind, fields, snippet):
    card, obj = KINDS[kind][0](**fields)
    thumbnail = (card.picture, card.alt) if card.picture else None
    written = result_html(SearchResult(kind, card, snippet))
    assert written == include(kind, obj, thumbnail, snippet)


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_values_are_escaped(kind):
    card, _ = KINDS[kind][0](title=HOSTILE, alt=HOSTILE)
    written = result_html(SearchResult(kind, card, MARKED))
    assert "<script>" not in written
    assert ESCAPED in written
    assert f"<mark>{ESCAPED}</mark>" in written


def test_the_publication_time_is_written_to_the_second():
    """A datetime attribute holds at most three digits of a second (the Nu HTML Checker)."""
    card, _ = article(published_at=datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC))
    written = result_html(SearchResult("article", card, ""))
    assert 'datetime="2024-05-06T08:08:09+01:00"' in written
