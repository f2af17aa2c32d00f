"""A one-word query found in more documents than are counted is read from the words' kept ranks
(PostgreSQL: WordRank, migration 0007) in order: the same hits, ranks, order and snippets as
ranking every document that holds the word, and kept current by the database."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from articles.models import Section
from search.backends.postgres import NORMALIZATION, Hits
from search.models import SearchDocument, WordRank
from search.params import search_params
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkFactory,
    SectionFactory,
)
from tests.search.searching import found, postgres_only, search_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

CAP = 3  # the paginator's count cap in these tests: more than 3 hits is "many"
WORD_RANKS = 'FROM "search_wordrank"'  # the kept ranks read (not the stale documents' table)


def lanterns():
    """'lantern' in every part a document has, more or less often, in each kind, with ranks
    that tie and differ; and where the public may not see it."""
    reviews = SectionFactory(slug="reviews", name="Reviews")
    ArticleFactory(title="Lantern", section=reviews)
    ArticleFactory(title="The lantern makers of the old town by the harbour")
    ArticleFactory(title="Lantern", body="<p>A lantern, and another lantern.</p>")
    ArticleFactory(standfirst="On the lantern.", section=reviews)
    ArticleFactory(body="<p>" + "Words before the lantern. " * 30 + "</p>")
    ArticleFactory(tags=["lantern"])
    ArticleFactory(title="Lantern", draft=True)
    ArticleFactory(title="Lantern", scheduled=True)
    ArtistFactory(name="Ada Vale", nationality="Lantern Isles")
    ArtistFactory(name="Bo Lark", bio="<p>Paper lanterns, lantern light.</p>")
    ArtworkFactory(title="Lantern")
    ArtworkFactory(title="Lantern")
    ArtworkFactory(title="Night", medium="Oil and lantern soot on canvas")
    ArtworkFactory(title="Still life", credit_line="Gift of the Lantern Trust")


def hits_of(query: str) -> Hits:
    hits = Hits(search_params(QueryDict(query)))
    hits.count(CAP + 1)
    return hits


@postgres_only
@pytest.mark.parametrize(
    "query",
    [
        "q=lantern",
        "q=Lanterns",
        "q=lantern&kind=articles",
        "q=lantern&kind=artworks",
        "q=lantern&kind=artists",
        "q=lantern&section=reviews",
        "q=the+lantern",
    ],
)
def test_a_common_word_reads_the_same_pages_as_ranking_every_hit(query):
    """Every page, filtered or not: the same rows (kind, object, rank, snippet) in the same
    order as ranking all the documents that hold the word."""
    lanterns()
    hits = hits_of(query)
    assert hits.word == "lantern"
    ranked = list(hits._ranked(hits._found(few=False)))

    by_word = [
        row for start in range(0, 20, 2) for row in hits.__getitem__(slice(start, start + 2))
    ]

    assert by_word == ranked
    ranks = [row["rank"] for row in ranked]
    assert len(set(ranks)) > 1  # ranks that differ
    if query == "q=lantern":
        assert len(ranked) == 12  # drafts and scheduled articles left out
        assert len(set(ranks)) < len(ranks)  # and ties, broken as ranking breaks them


@postgres_only
def test_the_page_of_a_common_word_comes_from_the_kept_ranks(client, small_cap):
    """More hits than counted: the page reads the word's ranks; as many as counted or fewer,
    and for more than one word, it ranks them all."""
    lanterns()

    with CaptureQueriesContext(connection) as many:
        common = found(client, "lantern")
    with CaptureQueriesContext(connection) as two_words:
        found(client, "lantern soot")

    assert len(common) == CAP
    assert any(WORD_RANKS in query["sql"] for query in many.captured_queries)
    assert not any(WORD_RANKS in query["sql"] for query in two_words.captured_queries)


@postgres_only
def test_a_common_word_like_an_artist_name_ranks_every_hit(client, small_cap):
    """A word like an artist's name adds the names' likeness to the rank: ranked in full, and
    the artist first."""
    lanterns()
    artist = ArtistFactory(name="Lantern Collective")

    with CaptureQueriesContext(connection) as queries:
        results = found(client, "lantern")

    assert results[0] == artist.get_absolute_url()
    assert not any(WORD_RANKS in query["sql"] for query in queries.captured_queries)


@postgres_only
def test_the_stored_ranks_are_those_searching_works_out():
    """Each word's stored rank is ts_rank for that word with the backend's normalisation."""
    lanterns()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE word_rank.rank <> ts_rank(document.vector,"
            " websearch_to_tsquery('english_unaccent', word_rank.word), %s))"
            " FROM search_wordrank word_rank"
            " JOIN search_searchdocument document ON document.id = word_rank.document_id"
            " WHERE word_rank.word ~ '^[a-z]+$'",
            [NORMALIZATION],
        )
        rows, differing = cursor.fetchone()

    assert rows > 50
    assert differing == 0


def ranks(word: str) -> dict[int, float]:
    return dict(WordRank.objects.filter(word=word).values_list("document_id", "rank"))


@postgres_only
def test_the_kept_ranks_follow_every_change():
    """A new document's words, a changed document's words again (a word gone, a rank moved),
    an unchanged one left alone, and a deleted document's words gone."""
    article = ArticleFactory(title="Quince harvest", body="<p>Orchards.</p>")
    other = ArticleFactory(title="Quince jelly")
    document = SearchDocument.objects.get(article=article).pk
    words = set(WordRank.objects.filter(document=document).values_list("word", flat=True))
    assert {"quinc", "harvest", "orchard"} <= words
    before = ranks("quinc")

    article.title = "Quince"
    article.body = "<p>Orchards of quince.</p>"
    article.save()

    assert "harvest" not in set(
        WordRank.objects.filter(document=document).values_list("word", flat=True)
    )
    after = ranks("quinc")
    assert after[document] != before[document]
    assert (
        after[SearchDocument.objects.get(article=other).pk]
        == before[SearchDocument.objects.get(article=other).pk]
    )

    article.delete()

    assert not WordRank.objects.filter(document=document).exists()
    assert set(ranks("quinc")) == {SearchDocument.objects.get(article=other).pk}


@postgres_only
def test_every_word_of_every_document_has_its_rank():
    lanterns()
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(length(vector)) FROM search_searchdocument")  # constant SQL
        lexemes = cursor.fetchone()[0]

    assert WordRank.objects.count() == lexemes


def test_an_edit_shows_on_the_next_page_of_a_common_word(client, small_cap):
    """Both databases: a common word's first page follows an edit at once."""
    for number in range(CAP + 2):
        ArticleFactory(title=f"Notes {number}", body="<p>A medlar, said once.</p>")
    late = ArticleFactory(title="Elsewhere", body="<p>Nothing.</p>")
    assert late.get_absolute_url() not in found(client, "medlar")

    late.title = "Medlar"
    late.save()

    assert found(client, "medlar")[0] == late.get_absolute_url()

    late.delete()

    assert late.get_absolute_url() not in found(client, "medlar")
    assert len(found(client, "medlar")) == CAP


HOSTILE_WORDS = [
    "o'brien",
    "a\\b",
    "x&y",
    "x:*",
    "it's",
    "'; DROP",
    "l'atelier",
    "\\'",
    "a@b.com",
    "3.14",
    "naïve",
]


@postgres_only
@pytest.mark.parametrize("word", ["o'brien", "a\\b", "x&y", "x:*", "!a", "a | b", "'", "\\", "''"])
def test_a_word_is_quoted_as_one_lexeme(word):
    """Whatever a word holds, its query is that one lexeme, read back as it was."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(search_word_query(%s)), search_single_word(search_word_query(%s))",
            [word, word],
        )
        assert cursor.fetchone() == (1, word)


@postgres_only
@pytest.mark.parametrize("typed", HOSTILE_WORDS)
def test_hostile_words_are_one_word_or_none(client, small_cap, typed):
    """Quotes, backslashes and query syntax in what is typed: the query's one word read back
    exactly (or no one word), and the page the same as ranking every hit."""
    for _ in range(CAP + 1):
        ArticleFactory(title=f"On {typed}", body=f"<p>{typed}</p>")
    hits = hits_of(urlencode({"q": typed}))
    if hits.word is not None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_word_query(%s) = websearch_to_tsquery('english_unaccent', %s)",
                [hits.word, typed],
            )
            assert cursor.fetchone()[0]
        assert list(hits.__getitem__(slice(0, 20))) == list(
            hits._ranked(hits._found(few=False))[0:20]
        )
    assert search_page(client, typed).status_code == 200


@postgres_only
@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("ecology", "ecolog"),
        ("The Ecology", "ecolog"),
        ("ecology design", None),
        ('"ecology design"', None),
        ("-ecology", None),
        ("ecology or design", None),
        ("the", None),
        ("'", None),
    ],
)
def test_only_a_query_of_one_word_alone_is_one_word(typed, word):
    assert hits_of(urlencode({"q": typed})).word == word


@postgres_only
def test_within_a_section_only_the_first_pages_are_read_by_the_word(monkeypatch):
    """Within a section the walk probes every article on its way: past SECTION_DEPTH the
    section's hits are all ranked; the pages are the same either way."""
    monkeypatch.setattr("search.backends.postgres.SECTION_DEPTH", 2)
    lanterns()
    for title in ["Lanterns at dusk", "A lantern", "Lantern, lantern"]:
        ArticleFactory(title=title, section=Section.objects.get(slug="reviews"))
    hits = hits_of("q=lantern&section=reviews")
    ranked = list(hits._ranked(hits._found(few=False)))

    with CaptureQueriesContext(connection) as first:
        first_page = hits[0:2]
    with CaptureQueriesContext(connection) as second:
        second_page = hits[2:4]

    assert first_page + second_page == ranked[:4]
    assert WORD_RANKS in first.captured_queries[0]["sql"]
    assert WORD_RANKS not in second.captured_queries[0]["sql"]


@postgres_only
def test_reading_by_the_word_costs_no_more_queries(client, small_cap, monkeypatch):
    """The same page either way, with as many search queries: the query's word and the names
    like it, the count, the page of hits."""
    lanterns()
    with CaptureQueriesContext(connection) as by_word:
        first = found(client, "lantern")
    monkeypatch.setattr(Hits, "_by_word", lambda hits, page: False)
    with CaptureQueriesContext(connection) as ranked_in_full:
        second = found(client, "lantern")

    def searching(queries):
        return [query["sql"] for query in queries.captured_queries if "search_" in query["sql"]]

    assert first == second
    assert WORD_RANKS in searching(by_word)[2]
    assert WORD_RANKS not in searching(ranked_in_full)[2]
    assert len(searching(by_word)) == len(searching(ranked_in_full)) == 3
