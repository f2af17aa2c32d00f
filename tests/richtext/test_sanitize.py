import pytest

from articles.models import Article
from artists.models import Artist
from richtext.sanitize import sanitize_html, sanitize_url
from tests.factories import ArticleFactory, ArticleLinkFactory, ArtistFactory, ArtworkFactory

JAVASCRIPT_HREFS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    " javascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]

HOSTILE = (
    "<p>Intro</p>"
    "<script>alert(1)</script>"
    '<p onclick="alert(1)">Click</p>'
    "<img src=x onerror=alert(1)>"
    '<a href="javascript:alert(1)">link</a>'
)


@pytest.mark.parametrize(
    "html",
    [
        "<p>A paragraph</p>",
        "<h2>Two</h2>",
        "<h3>Three</h3>",
        "<h4>Four</h4>",
        "<p><strong>Bold</strong> and <em>italic</em></p>",
        "<ul><li>One</li><li>Two</li></ul>",
        "<ol><li>First</li></ol>",
        "<blockquote><p>Quoted</p></blockquote>",
        "<p>Line<br>break</p>",
    ],
)
def test_allowed_tags_are_kept(html):
    """The formatting the editor offers survives sanitizing unchanged."""
    assert sanitize_html(html) == html


@pytest.mark.parametrize(
    "href", ["https://example.com/a?b=1", "http://example.com/", "mailto:editor@example.com"]
)
def test_links_with_safe_schemes_are_kept(href):
    """http, https and mailto links keep their address, and do not pass on the referrer."""
    cleaned = sanitize_html(f'<p><a href="{href}">link</a></p>')

    assert f'href="{href.replace("&", "&amp;")}"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


@pytest.mark.parametrize("href", JAVASCRIPT_HREFS)
def test_script_links_lose_their_href(href):
    """javascript:, vbscript: and data: addresses are removed in every spelling."""
    cleaned = sanitize_html(f'<p><a href="{href}">link</a></p>')

    assert "href" not in cleaned
    assert "script" not in cleaned.lower()
    assert "link" in cleaned


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h1>Title</h1>", "Title"),
        ("<h5>Small</h5>", "Small"),
        ("<div><span>Text</span></div>", "Text"),
        ('<p style="color:red" class="big" id="x">Styled</p>', "<p>Styled</p>"),
        ('<p><a href="https://example.com" onclick="alert(1)">x</a></p>', None),
        ("<img src=x onerror=alert(1)>", ""),
        ('"><svg onload=alert(1)>', '"&gt;'),
        ('<iframe src="https://example.com">inside</iframe>', ""),
        ("<table><tr><td>Cell</td></tr></table>", "Cell"),
        ("<!-- a comment --><p>Text</p>", "<p>Text</p>"),
        ("<form><input name=x></form><p>Text</p>", "<p>Text</p>"),
    ],
)
def test_everything_else_is_stripped(html, expected):
    """Tags and attributes outside the allow-list go; their text stays (scripts excepted)."""
    cleaned = sanitize_html(html)

    if expected is not None:
        assert cleaned == expected
    assert "onclick" not in cleaned
    assert "onerror" not in cleaned
    assert "onload" not in cleaned
    assert "<img" not in cleaned
    assert "<svg" not in cleaned


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        '<script src="https://evil.example/x.js"></script>',
        "<style>body { display: none }</style>",
        "<template><p>alert(1)</p></template>",
    ],
)
def test_script_and_style_contents_are_dropped(html):
    """Scripts and styles vanish with their contents, not just their tags."""
    assert sanitize_html(f"<p>Before</p>{html}<p>After</p>") == "<p>Before</p><p>After</p>"


@pytest.mark.parametrize("html", [None, "", "<p></p>", "  <p></p>  "])
def test_empty_input_becomes_empty_string(html):
    """Nothing, or the editor's empty paragraph, is stored as an empty string."""
    assert sanitize_html(html) == ""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Shift\x0b+Enter, form\x0cfeed, NUL\x00, escape\x1b, NEL\x85</p>",
         "<p>Shift+Enter, formfeed, NUL, escape, NEL</p>"),
        ("<p>by reference: &#11;&#x0C;&#x1b;&#xFFFE;&#xFFFF;&#x81;.</p>", "<p>by reference: .</p>"),
        ("<p>\ud800lone\udfff surrogates\ufdd0</p>", "<p>lone surrogates</p>"),
        ("<p>one\r\ntwo&#13;</p>", "<p>one\ntwo\n</p>"),
        ("<p>\x0b</p>", ""),
    ],
)  # fmt: skip
def test_the_characters_plain_text_drops_are_dropped(html, expected):
    """The body and bio drop what titles and names drop, typed or as character references."""
    assert sanitize_html(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Cafe\u0301 and Cafe&#x301;</p>", "<p>Café and Café</p>"),
        ('<p><a href="https://example.com/Cafe\u0301">Cafe\u0301</a></p>',
         '<p><a href="https://example.com/Café" rel="noopener noreferrer">Café</a></p>'),
        ("<p>\u200fשלום\u200f \u202bالفن\u202c</p>", "<p>\u200fשלום\u200f \u202bالفن\u202c</p>"),
    ],
)  # fmt: skip
def test_text_is_composed_and_format_characters_stay(html, expected):
    """Accents are composed (NFC); right-to-left marks, which Arabic and Hebrew need, stay."""
    assert sanitize_html(html) == expected


@pytest.mark.parametrize("html", ["<p>\u0338after a tag</p>", "<p><em>x</em>\u0338</p>"])
def test_composing_never_joins_text_to_a_tag(html):
    """NFC composes ">" and a following U+0338 into "≯": only text is composed, tags stay."""
    cleaned = sanitize_html(html)

    assert cleaned == html
    assert sanitize_html(cleaned) == cleaned


@pytest.mark.django_db
def test_article_body_is_sanitized_on_save():
    """Saving an article outside any form still stores the cleaned body."""
    article = ArticleFactory(body=HOSTILE)

    stored = Article.objects.get(pk=article.pk).body
    assert stored == sanitize_html(HOSTILE)
    assert stored == '<p>Intro</p><p>Click</p><a rel="noopener noreferrer">link</a>'


@pytest.mark.django_db
def test_artist_bio_is_sanitized_on_save():
    """Saving an artist outside any form still stores the cleaned bio."""
    artist = ArtistFactory(bio=HOSTILE)

    stored = Artist.objects.get(pk=artist.pk).bio
    assert stored == '<p>Intro</p><p>Click</p><a rel="noopener noreferrer">link</a>'


@pytest.mark.django_db
def test_update_through_save_is_sanitized_too():
    """Editing a saved body in code and saving again cleans the new HTML."""
    article = ArticleFactory(body="<p>Fine</p>")
    article.body = "<p>Fine</p><script>alert(1)</script>"
    article.save()

    article.refresh_from_db()
    assert article.body == "<p>Fine</p>"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?b=1&c=2",
        "http://example.com/",
        "HTTPS://EXAMPLE.COM/",
        "mailto:editor@example.com",
        "/relative/path",
        "www.example.com",
        "",
    ],
)
def test_sanitize_url_keeps_safe_addresses(url):
    """Web and mail addresses, and addresses without a scheme, are kept as they are."""
    assert sanitize_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/file",
    ],
)
def test_sanitize_url_drops_other_schemes(url):
    """Addresses a browser would run as script, in any spelling, become empty."""
    assert sanitize_url(url) == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "field"),
    [(ArticleLinkFactory, "url"), (ArtistFactory, "website"), (ArtworkFactory, "source_url")],
)
def test_url_fields_are_sanitized_on_save(factory, field):
    """A javascript: address saved outside any form is not stored."""
    obj = factory(**{field: "JaVaScRiPt:alert(1)"})

    obj.refresh_from_db()
    assert getattr(obj, field) == ""


@pytest.mark.django_db
def test_safe_url_survives_save():
    """An ordinary web address is stored unchanged."""
    link = ArticleLinkFactory(url="https://example.com/interview?part=2")

    link.refresh_from_db()
    assert link.url == "https://example.com/interview?part=2"
