"""Full-text search on SQLite, over the FTS5 index the database keeps current
(search/sqlite_index.py, migration 0005): as on PostgreSQL, as far as SQLite can.

Matching: every word of the query (backends/fts5_query.py), by Porter stem without accents
or case; or the artist names, misspelt or spaced differently: each word of the query like
(pg_trgm's trigram likeness, 0.4 at least, search/trigrams.py) a word of the names, looked up
in the names' vocabulary. Ranking: bm25 with PostgreSQL's weights (title 1, standfirst and
artist names 0.4, body and tags 0.2) mapped into 0..1 as ts_rank's normalisation 32 maps its
rank, plus the names' likeness (weighted as on PostgreSQL). What the public may see is decided
here, at query time, by Article.objects.published().
"""

# ruff: noqa: S608 (statements built from constants; input only as bound parameters: see Hits)
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from articles.models import Article
from search.backends.fts5_query import each_of, websearch
from search.models import SearchDocument
from search.params import SearchParams
from search.snippets import START, STOP, excerpt
from search.sqlite_index import KIND_CODES
from search.trigrams import similarity, trigrams, words

Kind = SearchDocument.Kind

# bm25's weights for the columns title, lead, body, text: PostgreSQL's A, B, C (ts_rank's
# defaults 1, 0.4, 0.2); text only shows snippets.
WEIGHTS = "10.0, 4.0, 2.0, 0.0"
SIMILARITY_THRESHOLD = 0.4  # pg_trgm.similarity_threshold in search_names_alike (0006)
ARTIST_NAME_WEIGHT = 1.0
NAME_WEIGHT = 0.5
SNIPPET_TOKENS = 32


def find(params: SearchParams) -> "Hits | QuerySet":
    words_match = websearch(params.terms.text)
    names_match, likeness = _names_match(params.terms.text)
    if not (words_match or names_match):
        return Article.objects.none().values()
    return Hits(params, words_match, names_match, likeness)


def count(hits: "Hits | QuerySet", cap: int) -> int:
    return hits.count(cap) if isinstance(hits, Hits) else hits.count()


def snippet(hit: dict, obj, params: SearchParams) -> str:
    return hit["snippet"]


@dataclass
class Hits:
    """The hits, best first, as the paginator reads them: count() and a slice.

    Raw SQL, safe: the statement is built from constants only (the weights, the kinds' codes,
    the SQL Django compiles for published()); the reader's words reach it as bound parameters,
    each quoted as an FTS5 string (fts5_query.py), so no input is SQL or FTS5 syntax
    (tests/search/test_hostile.py)."""

    params: SearchParams
    words_match: str
    names_match: str
    likeness: float

    def _hits(self, *, ranked: bool) -> tuple[str, list]:
        """A WITH clause whose `hits` are the visible rows found, with their bm25 score
        (negative, lower is better; 0 unless `ranked`) and whether their names matched."""
        sources, values = [], []
        # The words in the weighted columns (text only shows snippets: not a match on its own,
        # as on PostgreSQL). MATERIALIZED: bm25() only works in the FTS5 table's own query.
        if self.words_match:
            score = f"bm25(search_fts, {WEIGHTS})" if ranked else "0.0"
            sources.append(
                f"SELECT rowid, {score} AS score, 0 AS named"
                " FROM search_fts WHERE search_fts MATCH %s"
            )
            values.append(f"{{title lead body}} : ({self.words_match})")
        if self.names_match:
            sources.append(
                "SELECT rowid, 0.0 AS score, 1 AS named"
                " FROM search_names WHERE search_names MATCH %s"
            )
            values.append(self.names_match)
        found = ", ".join(
            f"found_{number} AS MATERIALIZED ({source})" for number, source in enumerate(sources)
        )
        union = " UNION ALL ".join(
            f"SELECT * FROM found_{number}" for number in range(len(sources))
        )
        visible, visible_values = self._visible()
        if len(sources) == 1:
            hits = f"SELECT rowid, score, named FROM found_0 WHERE {visible}"
        else:
            hits = (
                "SELECT rowid, min(score) AS score, max(named) AS named"
                f" FROM ({union}) GROUP BY rowid HAVING {visible}"
            )
        sql = f"WITH {found}, hits AS ({hits})"
        return sql, values + visible_values

    def _visible(self) -> tuple[str, list]:
        kinds = self.params.kinds
        codes = ", ".join(str(KIND_CODES[kind]) for kind in kinds)
        visible = f"(rowid & 3) IN ({codes})" if len(kinds) < len(KIND_CODES) else "1"
        if Kind.ARTICLE not in kinds:
            return visible, []
        articles = Article.objects.published()
        if self.params.section:
            articles = articles.filter(section__slug=self.params.section)
        sql, values = articles.order_by().values("pk").query.sql_with_params()
        code = KIND_CODES[Kind.ARTICLE]
        return f"{visible} AND ((rowid & 3) != {code} OR (rowid >> 2) IN ({sql}))", list(values)

    def count(self, cap: int = -1) -> int:
        """How many hits (up to cap, if given)."""
        sql, values = self._hits(ranked=False)
        with connection.cursor() as cursor:
            cursor.execute(
                f"{sql} SELECT count(*) FROM (SELECT 1 FROM hits LIMIT %s)", [*values, cap]
            )
            return cursor.fetchone()[0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[dict]:
        if not isinstance(page, slice) or page.step is not None:
            raise TypeError("Hits are read a page at a time (a slice).")
        start = page.start or 0
        limit = -1 if page.stop is None else max(page.stop - start, 0)
        sql, values = self._hits(ranked=True)
        kind = (
            "CASE rowid & 3 "
            + " ".join(f"WHEN {code} THEN '{kind}'" for kind, code in KIND_CODES.items())
            + " END"
        )
        name_weight = (
            f"CASE rowid & 3 WHEN {KIND_CODES[Kind.ARTIST]} THEN {ARTIST_NAME_WEIGHT}"
            f" ELSE {NAME_WEIGHT} END"
        )
        ranked = (
            f"SELECT rowid, {kind} AS kind, rowid >> 2 AS object_id,"
            f" -score / (1.0 - score) + named * %s * {name_weight} AS rank"
            " FROM hits ORDER BY rank DESC, kind, object_id DESC LIMIT %s OFFSET %s"
        )
        # Snippets for the page's rows only, each through the index's own rowid lookup.
        if self.words_match:
            marked = (
                f"(SELECT snippet(search_fts, 3, %s, %s, '…', {SNIPPET_TOKENS}) FROM search_fts"
                " WHERE search_fts MATCH %s AND rowid = page.rowid)"
            )
            marked_values = [START, STOP, self.words_match]
        else:
            marked, marked_values = "NULL", []
        values = [*values, *marked_values, self.likeness, limit, start]  # in the text's order
        with connection.cursor() as cursor:
            cursor.execute(
                f"{sql} SELECT page.kind, page.object_id, page.rank, {marked},"
                " (SELECT substr(text, 1, 400) FROM search_fts WHERE rowid = page.rowid)"
                f" FROM ({ranked}) page ORDER BY page.rank DESC, page.kind, page.object_id DESC",
                values,
            )
            rows = cursor.fetchall()
        return [
            {"kind": kind, "object_id": object_id, "rank": rank, "snippet": _shown(marked, text)}
            for kind, object_id, rank, marked, text in rows
        ]


def _shown(marked: str | None, text: str | None) -> str:
    """FTS5's snippet with its ellipses spaced as PostgreSQL's; the start of the text for a row
    found by its names alone."""
    if marked is None:
        return excerpt(text or "", [])
    if marked.startswith("…"):
        marked = "… " + marked[1:].lstrip()
    if marked.endswith("…"):
        marked = marked[:-1].rstrip() + " …"
    return marked


def _names_match(text: str) -> tuple[str, float]:
    """An FTS5 query for the names with a word like each word of text, and how alike they are
    (the mean of each word's best likeness); ("", 0) when a word is like no name."""
    typed = list(dict.fromkeys(words(text)))[:12]
    if not typed:
        return "", 0.0
    conditions, values = [], []
    for word in typed:
        pieces = {word[i : i + 3] for i in range(len(word) - 2)} or {word}
        conditions += ["instr(term, %s) > 0"] * len(pieces)
        values += sorted(pieces)
        conditions += ["substr(term, 1, 2) = %s", "substr(term, -2) = %s"]
        values += [word[:2], word[-2:]]
    # Raw SQL, safe: constant conditions, the words as bound parameters.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term FROM search_names_terms WHERE {' OR '.join(conditions)}", values
        )
        candidates = {term: trigrams(term) for (term,) in cursor.fetchall()}
    groups, best = [], []
    for word in typed:
        wanted = trigrams(word)
        alike = {term: similarity(wanted, grams) for term, grams in candidates.items()}
        alike = {term: score for term, score in alike.items() if score >= SIMILARITY_THRESHOLD}
        if not alike:
            return "", 0.0
        groups.append(sorted(alike, key=alike.get, reverse=True)[:20])
        best.append(max(alike.values()))
    return each_of(groups), sum(best) / len(best)
