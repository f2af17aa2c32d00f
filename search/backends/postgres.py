"""Full-text search on PostgreSQL, over the documents the database keeps current
(search/models.py, migrations 0002-0004).

Matching: the words of the query by English stem without accents (websearch_to_tsquery, so
any input is a valid query), or the artist names by trigram similarity (search_documents_named,
migration 0003), each through its GIN index. Ranking: ts_rank over the weighted document, plus
the similarity of the artist names where the words did not match. What the public may see is
decided here, at query time, by Article.objects.published(): a scheduled article is found from
its minute on.
"""

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramStrictWordSimilarity,
)
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from articles.models import Article
from search.models import SearchDocument
from search.params import SearchParams
from search.snippets import START, STOP

Kind = SearchDocument.Kind

CONFIG = "english_unaccent"
# ts_rank normalisation: 1 divides by 1 + log(length), so that a long article does not win on
# length alone; 32 maps the rank into 0..1, the scale of the name similarity added to it.
NORMALIZATION = 1 | 32
# How much the likeness of the artist names counts: most on the artist's own document, so that
# "Weiwie" puts Ai Weiwei before the articles and artworks that name him.
ARTIST_NAME_WEIGHT = 1.0
NAME_WEIGHT = 0.5


def find(params: SearchParams) -> "Hits":
    return Hits(params)


def count(hits: "Hits", cap: int) -> int:
    return hits.count(cap)


class Hits:
    """The hits, best first, as the paginator reads them: count() and a slice.

    The documents named like the query are looked up first, once (search_documents_named, its
    trigram index): the count and the page then read them as a list of ids, and most queries,
    which name no one, search the words' index alone. Visibility: an EXISTS per row when few
    rows are found (an index probe each), `IN (published articles)` hashed once when many."""

    def __init__(self, params: SearchParams):
        self.params = params
        self.text = params.terms.text
        self.query = SearchQuery(self.text, search_type="websearch", config=CONFIG)
        with connection.cursor() as cursor:
            # A constant statement, the reader's text a bound parameter.
            cursor.execute("SELECT ARRAY(SELECT search_documents_named(%s))", [self.text])
            self.named = cursor.fetchone()[0]
        self.counted = None

    def count(self, cap: int) -> int:
        """How many hits, up to cap: the first cap rows found, neither ranked nor cut into
        snippets."""
        found = self._found(few=True).order_by().values("pk")[:cap]
        self.counted = (found.count(), cap)
        return self.counted[0]

    def __getitem__(self, page: slice) -> list[dict]:
        few = self.counted is not None and self.counted[0] < self.counted[1]
        return list(self._ranked(self._found(few=few))[page])

    def _found(self, *, few: bool) -> QuerySet:
        matching = Q(vector=self.query)
        if self.named:
            matching |= Q(
                RawSQL(
                    '"search_searchdocument"."id" = ANY (%s)',
                    [self.named],
                    output_field=BooleanField(),
                )
            )
        return SearchDocument.objects.filter(_visible(self.params, few=few), matching)

    def _ranked(self, found: QuerySet) -> QuerySet:
        folded = Func(Value(self.text), function="search_fold", output_field=TextField())
        names = Value(0.0)
        if self.named:
            # The names' likeness counts for the documents their words did not find (found by
            # their names alone): worked out for every row a common word finds, it cost most
            # of the search (0.5 s of 0.6 s at 100,000 articles).
            names = Case(
                When(vector=self.query, then=Value(0.0)),
                default=TrigramStrictWordSimilarity(folded, "names") * _name_weight(),
            )
        return (
            found.annotate(
                rank=SearchRank(F("vector"), self.query, normalization=NORMALIZATION) + names,
                object_id=Coalesce("article_id", "artist_id", "artwork_id"),
                # Worked out for the page's rows only (PostgreSQL computes costly output
                # columns after the sort and the limit).
                snippet=SearchHeadline(
                    "text",
                    self.query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_fragments=2,
                    max_words=30,
                    min_words=12,
                    fragment_delimiter=" … ",
                ),
            )
            .order_by("-rank", "kind", "-pk")
            .values("kind", "object_id", "rank", "snippet")
        )


def snippet(hit: dict, obj, params: SearchParams) -> str:
    return hit["snippet"]


def _name_weight():
    return Case(When(kind=Kind.ARTIST, then=Value(ARTIST_NAME_WEIGHT)), default=Value(NAME_WEIGHT))


def _visible(params: SearchParams, *, few: bool) -> Q:
    """Documents of the kinds asked for that the public may see (published() decides), tested
    row by row when `few` rows are found."""
    kinds = params.kinds
    visible = Q(kind__in=[kind for kind in kinds if kind != Kind.ARTICLE])
    if Kind.ARTICLE in kinds:
        articles = Article.objects.published()
        if params.section:
            articles = articles.filter(section__slug=params.section)
        if few:
            # Raw SQL, safe: the SQL Django compiles for published() (the section a bound
            # parameter) around a constant. OFFSET 0 keeps PostgreSQL from hashing every
            # published article first (its plan for a plain EXISTS when it expects many rows):
            # counting 1,001 hits of a common word took 0.1 s that way, 10 ms probing each.
            sql, values = articles.values("pk").query.sql_with_params()
            public = RawSQL(  # noqa: S611 (see above)
                f"EXISTS (SELECT 1 FROM ({sql}) public"  # noqa: S608
                ' WHERE public.pk = "search_searchdocument"."article_id" OFFSET 0)',
                values,
                output_field=BooleanField(),
            )
            visible |= Q(public, kind=Kind.ARTICLE)
        else:
            visible |= Q(kind=Kind.ARTICLE, article__in=articles)
    return visible
