"""{% artwork_grid %} (artworks/templatetags/artwork_cards.py) writes the bytes the includes it
replaced wrote, escaping every value."""

from django.template import Context, Template

from artworks.cards import ArtworkCard
from images.picture import Picture

HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27;"


def card(**fields) -> ArtworkCard:
    values = {
        "url": "/artworks/urn/",
        "title": "Urn",
        "date_display": "1995",
        "credits": (("", "Ai Weiwei", ""),),
        "picture": None,
        "alt": "",
    }
    return ArtworkCard(**(values | fields))


def render(source: str, **context) -> str:
    return Template("{% load artwork_cards %}" + source).render(Context(context))


# What the includes wrote for a text-only card, heading level 3.
TEXT_ONLY_GRID = "\n".join(
    [
        "",
        "",
        '<div class="card-grid card-grid--works">',
        "  ",
        "  ",
        '<article class="card card--artwork card--text-only">',
        "  ",
        '  <div class="card__body">',
        "    ",
        '    <p class="card__artists">Ai Weiwei</p>',
        "    ",
        "    ",
        '    <h3 class="card__title card__title--work"><a class="card__link" '
        'href="/artworks/urn/">Urn</a></h3>',
        "    ",
        '    <p class="card__meta meta">1995</p>',
        "  </div>",
        "</article>",
        "",
        "  ",
        "</div>",
        "",
        "",
    ]
)


def test_a_grid_writes_the_bytes_the_includes_wrote():
    assert render("{% artwork_grid cards level=3 %}", cards=[card()]) == TEXT_ONLY_GRID


def test_credits_read_as_the_include_wrote_them():
    credits = (("After", "Titian", ""), ("", "Reynolds", "and studio"), ("", "C", ""))

    html = render("{% artwork_grid cards %}", cards=[card(credits=credits)])

    assert '<p class="card__artists">After Titian, Reynolds and studio and C</p>' in html


def test_every_value_is_escaped():
    hostile = card(
        url='/artworks/x/"onmouseover="alert(1)',
        title=HOSTILE,
        date_display=HOSTILE,
        credits=((HOSTILE, HOSTILE, HOSTILE),),
        picture=Picture(src="/m/a.jpg", width=4, height=3),
        alt=HOSTILE,
    )

    html = render("{% artwork_grid cards %}", cards=[hostile])

    assert "<script>" not in html
    assert html.count(ESCAPED) == 6  # title, date, the credit's three parts, alt
    assert 'href="/artworks/x/&quot;onmouseover=&quot;alert(1)"' in html


def test_no_cards_is_the_sentence():
    assert render('{% artwork_grid cards empty="None <yet>" %}', cards=[]) == (
        '\n\n<p class="empty-state">None &lt;yet&gt;</p>\n\n'
    )
