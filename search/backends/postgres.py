"""Full-text search on PostgreSQL, over the documents the database keeps current
(search/models.py, migrations 0002-0004, 0006).

Matching: the words of the query by English stem without accents (websearch_to_tsquery, so
any input is a valid query), or the artist names, misspelt or spaced differently, as on SQLite:
each word typed like (pg_trgm's similarity, 0.4 at least) a word of the artists' names, looked
up in the names' vocabulary (search_names_alike, migration 0006), then the documents holding one
of the words found for each word typed, through the index of their names' words. Ranking:
ts_rank over the weighted document, plus, for a document found by its names, how alike the
words were (the mean of each word's best likeness) times the names' weight. For a query of one
word alone that names no one and is found in more documents than the paginator counts (a common
word: "ecology" is in 63% of them at 100,000 articles), ts_rank for that word is kept per
document and word by the database (WordRank, migration 0007): the documents that can reach the
page are read from its index in order and ranked alone (Hits._best_by_word), not every document
that holds the word. What the public may see is decided here, at query time, by
Article.objects.published(): a scheduled article is found from its minute on.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from articles.models import Article
from search.models import SearchDocument, WordRank, WordRankStale
from search.params import SearchParams
from search.snippets import START, STOP

Kind = SearchDocument.Kind

CONFIG = "english_unaccent"
# ts_rank normalisation: 1 divides by 1 + log(length), so that a long article does not win on
# length alone; 32 maps the rank into 0..1, the scale of the name similarity added to it.
NORMALIZATION = 1 | 32
# How much the likeness of the artist names counts: most on the artist's own document, so that
# "Weiwie" puts Ai Weiwei before the articles and artworks that name him (as on SQLite).
ARTIST_NAME_WEIGHT = 1.0
NAME_WEIGHT = 0.5
# How deep a common word's hits within a section are read in the order of its kept ranks (Hits).
SECTION_DEPTH = 40


# Past this many documents with stale kept ranks (WordRankStale: a statement changed more than
# 200 documents at once), a common word's hits are all ranked, as before the ranks were kept,
# until later writes or `manage.py refresh_word_ranks` have brought them up to date.
STALE_CAP = 1000

# The query's one word (search_single_word, migration 0007), NULL unless it is one word alone,
# and how many documents have stale ranks (up to STALE_CAP + 1), on every row of the artist
# names' words like the words typed (search_names_alike, 0006). A constant statement (CONFIG is
# a constant of this module); the text typed is bound twice, the cap once.
_WORD_AND_NAMES = (
    f"SELECT search_single_word(websearch_to_tsquery('{CONFIG}', %s)),"  # noqa: S608
    " (SELECT count(*) FROM (SELECT FROM search_wordrankstale LIMIT %s) stale), alike, best"
    " FROM (SELECT) one LEFT JOIN search_names_alike(%s) ON true"
)

# The documents found by their names (a constant statement around Hits._named()'s conditions).
_IN_NAMED = (
    '"search_searchdocument"."id" IN'
    " (SELECT named.id FROM search_searchdocument named WHERE {named})"
)


def find(params: SearchParams) -> "Hits":
    return Hits(params)


def count(hits: "Hits", cap: int) -> int:
    return hits.count(cap)


class Hits:
    """The hits, best first, as the paginator reads them: count() and a slice.

    The vocabulary's words like each word typed are looked up first, once
    (search_names_alike): most queries name no one and search the words' index alone.
    Otherwise the documents holding one of the words found for every word typed are matched
    through the index of their names' words (a bitmap of each, with the words' own), and ranked
    by a set of them read once (a hashed subplan), not by working out a likeness per row.
    Visibility: an EXISTS per row when few rows are found (an index probe each), `IN (published
    articles)` hashed once when many."""

    def __init__(self, params: SearchParams):
        self.params = params
        self.text = params.terms.text
        self.query = SearchQuery(self.text, search_type="websearch", config=CONFIG)
        with connection.cursor() as cursor:
            # A constant statement, the reader's text a bound parameter: the query's one word
            # (NULL unless it is one word alone) on every row, with the names' words like each
            # word typed (a row each; none if nothing was typed but stop words).
            cursor.execute(_WORD_AND_NAMES, [self.text, STALE_CAP + 1, self.text])
            rows = cursor.fetchall()
        self.word, self.stale = rows[0][:2]
        alike = [(words, best) for _, _, words, best in rows if words is not None]
        # Every word typed must be like a word of the names (as on SQLite), else none is named.
        named = bool(alike) and all(words for words, _ in alike)
        self.named = [words for words, _ in alike] if named else []
        self.likeness = sum(best for _, best in alike) / len(alike) if named else 0.0
        self.counted = None

    def count(self, cap: int) -> int:
        """How many hits, up to cap: the first cap rows found, neither ranked nor cut into
        snippets."""
        found = self._found(few=True).order_by().values("pk")[:cap]
        self.counted = (found.count(), cap)
        return self.counted[0]

    def __getitem__(self, page: slice) -> list[dict]:
        few = self.counted is not None and self.counted[0] < self.counted[1]
        if self.counted is not None and not few and self._by_word(page):
            return list(self._ranked(self._found(few=True).filter(self._best_by_word(page)))[page])
        return list(self._ranked(self._found(few=few))[page])

    def _by_word(self, page: slice) -> bool:
        """Whether the page's hits are read in the order of the word's kept ranks: a query of
        one word that names no one, while few documents' kept ranks are stale (STALE_CAP), and
        within a section no deeper than SECTION_DEPTH (the walk probes every article of every
        section on its way: at 100,000 articles in twelve sections, 0.1 s for the 50th page,
        more than ranking the section's hits)."""
        if self.word is None or self.named or self.stale > STALE_CAP:
            return False
        return not self.params.section or page.stop <= SECTION_DEPTH

    def _best_by_word(self, page: slice) -> Q:
        """The documents that can be on the page or before it, for a query of one word alone
        that names no one: the first page.stop the public may see in the order of the word's
        kept ranks (its index read in order, each row's visibility probed until there are
        enough), and the documents whose kept ranks are stale (WordRankStale: left to later
        writes after a statement changed many at once). _ranked() ranks these alone as it
        would rank every hit: the kept ranks read are ts_rank of that word
        (tests/search/test_word_ranks.py), and any other hit has page.stop others before it, so
        it is not on the page. (A word like an artist's name adds the names' likeness to the
        rank of the documents found by their names, which can be most of them: those queries
        rank every hit.)"""
        ranks = WordRank.objects.filter(
            _visible(self.params, few=True, document="document__"), word=self.word
        )
        if self.stale:
            ranks = ranks.filter(
                ~Exists(WordRankStale.objects.filter(document=OuterRef("document")))
            )
        best = ranks.order_by("-rank", "kind", "-document").values("document")[: page.stop]
        if not self.stale:
            return Q(pk__in=best)
        # All the stale ones (there are no more than STALE_CAP here), said so to the planner:
        # it read the table's size from its pages, and hashed every hit against 80,000.
        stale = WordRankStale.objects.values("document")[:STALE_CAP]
        return Q(pk__in=best.union(stale))

    def _headline(self, text: str) -> SearchHeadline:
        return SearchHeadline(
            text,
            self.query,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_fragments=2,
            max_words=30,
            min_words=12,
            fragment_delimiter=" … ",
        )

    def _named(self, column: str) -> RawSQL:
        """`column`'s names hold one of the words found for each word typed. Raw SQL, safe: a
        constant condition per word typed, the words bound parameters (lists, sent as arrays);
        the expression is the index's (migration 0006)."""
        condition = " AND ".join([f"search_name_words({column}) && %s::text[]"] * len(self.named))
        return RawSQL(condition, self.named, output_field=BooleanField())  # noqa: S611

    def _found(self, *, few: bool) -> QuerySet:
        matching = Q(vector=self.query)
        if self.named:
            matching |= Q(self._named('"search_searchdocument"."names"'))
        return SearchDocument.objects.filter(_visible(self.params, few=few), matching)

    def _ranked(self, found: QuerySet) -> QuerySet:
        names = Value(0.0)
        if self.named:
            # The documents found by their names, read once through the names' index and
            # hashed (a hashed subplan), rather than a condition worked out for every row.
            named = self._named("named.names")
            # Raw SQL, safe: a constant statement around the conditions above.
            in_named = RawSQL(  # noqa: S611
                _IN_NAMED.format(named=named.sql), named.params, output_field=BooleanField()
            )
            names = Case(
                When(in_named, then=Value(self.likeness) * _name_weight()),
                default=Value(0.0),
                output_field=FloatField(),
            )
        return (
            found.annotate(
                rank=SearchRank(F("vector"), self.query, normalization=NORMALIZATION) + names,
                object_id=Coalesce("article_id", "artist_id", "artwork_id"),
                # Worked out for the page's rows only (PostgreSQL computes costly output
                # columns after the sort and the limit).
                snippet=self._headline("text"),
            )
            .order_by("-rank", "kind", "-pk")
            .values("kind", "object_id", "rank", "snippet")
        )


def snippet(hit: dict, obj, params: SearchParams) -> str:
    return hit["snippet"]


def _name_weight():
    return Case(When(kind=Kind.ARTIST, then=Value(ARTIST_NAME_WEIGHT)), default=Value(NAME_WEIGHT))


def _visible(params: SearchParams, *, few: bool, document: str = "") -> Q:
    """Documents of the kinds asked for that the public may see (published() decides), tested
    row by row when `few` rows are found. `document` is the path to the document from the
    model queried ("document__" from a WordRank)."""
    kinds = params.kinds
    visible = Q(kind__in=[kind for kind in kinds if kind != Kind.ARTICLE])
    if Kind.ARTICLE in kinds:
        articles = Article.objects.published()
        if params.section:
            articles = articles.filter(section__slug=params.section)
        if few:
            public = _PublicArticle(F(f"{document}article_id"), articles)
            visible |= Q(public, kind=Kind.ARTICLE)
        else:
            visible |= Q(kind=Kind.ARTICLE, **{f"{document}article__in": articles})
    return visible


class _PublicArticle(Func):
    """The article `article_id` names is among `articles` (published()), probed row by row.

    Raw SQL, safe: the SQL Django compiles for the articles (the section a bound parameter) and
    for the column (an alias Django relabels in a subquery) around a constant. OFFSET 0 keeps
    PostgreSQL from hashing every published article first (its plan for a plain EXISTS when it
    expects many rows): counting 1,001 hits of a common word took 0.1 s that way, 10 ms probing
    each."""

    output_field = BooleanField()

    def __init__(self, article_id: F, articles: QuerySet):
        super().__init__(article_id)
        self.articles = articles.values("pk").query.sql_with_params()

    def as_sql(self, compiler, connection, **extra_context):
        column, column_params = compiler.compile(self.get_source_expressions()[0])
        sql, params = self.articles
        return (
            f"EXISTS (SELECT 1 FROM ({sql}) public WHERE public.pk = {column} OFFSET 0)",  # noqa: S608
            [*params, *column_params],
        )
