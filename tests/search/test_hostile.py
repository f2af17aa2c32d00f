"""Whatever is typed or sent, the search page answers at once with a normal page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search.terms import MAX_LENGTH
from tests.factories import ArticleFactory, ArtistFactory
from tests.search.searching import found, search_page

pytestmark = pytest.mark.django_db

HOSTILE = [
    "'; DROP TABLE articles_article; --",
    "' OR 1=1 --",
    '" OR ""="',
    "&|!():*",
    "a & b | !c <-> d:*",
    "!!!",
    "(((((",
    "-",
    '"',
    "\\",
    "%_%",
    "a\x00b",
    "\x00",
    "\u202eevil\u202c",
    "\u200b\u200d\ufeff",
    "🎨🖼️👩‍🎨",
    "Z\u0351\u0352\u0357\u0308\u030c" * 50,
    "\ue000mark\ue001",
    "\ufffd",
    "日本の美術",
    "فن معاصر",
    "x" * 2048,
    # FTS5 query syntax (SQLite): operators, column filters, prefixes, open strings.
    "NEAR(evil ordinary, 2)",
    "title: evil",
    "{title lead}: evil",
    "evil*",
    "^evil",
    'evil" OR "',
    "AND OR NOT",
    "- evil",
    "evil + ordinary",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_get_a_normal_page(client, q):
    """SQL, tsquery operators, control and invisible characters, emoji, scripts: a page."""
    ArticleFactory(title="Ordinary evil")

    content = search_page(client, q).content.decode()

    assert 'id="search-q"' in content
    assert "</html>" in content


@pytest.mark.parametrize("q", ["NEAR(ordinary falcon)", "title: falcon", "falc*", "{title}: evil"])
def test_query_syntax_is_words(client, q):
    """What a query language would read as an operator, a filter or a prefix is a word: no
    more is found than those words find."""
    ordinary = ArticleFactory(title="Ordinary evil")
    ArticleFactory(title="Falcon")

    assert found(client, q) in ([], [ordinary.get_absolute_url()])


def test_lone_surrogates_in_the_address(client):
    """Bytes that are not UTF-8 (a lone surrogate's encoding) are a normal page too."""
    response = client.get(reverse("search:search") + "?q=%ED%A0%80abc%FF&kind=%C0&section=%ED")

    assert response.status_code == 200


@pytest.mark.parametrize("section", ["\x00", "<script>", "a" * 500, "../../etc", "é?", "🎨"])
def test_hostile_filters_are_ignored(client, section):
    """A section that cannot be a slug is no filter."""
    article = ArticleFactory(title="Kestrel")

    assert found(client, "kestrel", section=section) == [article.get_absolute_url()]


def test_a_huge_query_is_cut_and_says_so(client):
    """100,000 characters: cut to MAX_LENGTH before any database sees it, and the reader told."""
    ArticleFactory(title="Gannet colony")
    huge = "gannet " + "x" * 100_000

    with CaptureQueriesContext(connection) as queries:
        response = search_page(client, huge)

    content = response.content.decode()
    assert f"only its first {MAX_LENGTH} characters were searched" in content
    longest = max(len(query["sql"]) for query in queries.captured_queries)
    assert "x" * (MAX_LENGTH + 1) not in "".join(q["sql"] for q in queries.captured_queries)
    assert longest < 10_000
    assert len(content) < 100_000  # the query is not echoed whole, in links or anywhere


def test_the_cut_query_still_searches(client):
    """The first words of a long query still find what they match (no half word at the end)."""
    article = ArticleFactory(title="Gannet colony")

    assert found(client, "gannet colony " * 10_000) == [article.get_absolute_url()]


def test_private_use_markers_cannot_forge_highlights(client):
    """The characters snippets mark matches with, stored in a body, mark nothing."""
    ArticleFactory(title="Osprey", body="<p>\ue000forged\ue001 and osprey</p>")

    content = search_page(client, "osprey").content.decode()

    assert "<mark>forged</mark>" not in content
    assert "\ue000" not in content


@pytest.mark.parametrize(
    "q",
    [
        "'; Ordinery --",
        "Ordinery %_%",
        "&|!():* Ordinery",
        '"Ordinery"',
        "(Ordinery)",
        "Ordinery\\",
    ],
)
def test_hostile_characters_around_a_misspelt_name(client, q):
    """Around a misspelt artist's name, SQL and query syntax are nothing: the name's words are
    looked up as bound parameters, and the artist is found."""
    artist = ArtistFactory(name="Ordinary Evilhanded", sort_name="Evilhanded, Ordinary")

    assert found(client, q) == [artist.get_absolute_url()]


@pytest.mark.parametrize("q", ["the of and", "Ordinery " * 300, "ordinery evilhanded " * 20])
def test_stop_words_and_long_names(client, q):
    """Only stop words find nothing; a name typed over and over is cut and still found."""
    artist = ArtistFactory(name="Ordinary Evilhanded", sort_name="Evilhanded, Ordinary")

    expected = [] if q.startswith("the") else [artist.get_absolute_url()]
    assert found(client, q) == expected
