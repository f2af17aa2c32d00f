"""The tag page's reads, written once per process: the tag by its slug, and the card columns
(cards.py CARD_COLUMNS) of its first pages of articles, for PublicListPaginator's first pages
(articles/pagination.py; deeper pages are read from the list's marks, through the ORM).

Why: a profile of cold tag pages (s2k, 60 pages) put 0.17 s of 0.64 s in Django building the
queryset of get_object_or_404(Tag) and the tag's list and compiling them, not in the database.
Each statement is the one the queryset compiled to (the same joins, order, limit and offset),
with live_at()'s own condition (articles/querysets.py:live_condition), so `published()` stays
the one rule of what is public; tests/articles/test_tag_reads.py holds them to the querysets.

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by
the database's `quote_name`, fixed keywords and live_at()'s compiled condition; every value
(the slug, the tag's id, the time) is a bound parameter, but the limit and the offset,
integers written into the text as Django writes them (sqlreads/rows.py)."""

from functools import cache

from django.db import connections
from taggit.models import Tag

from articles.card_reads import CARD_FIELDS
from articles.models import Article, Section, TaggedArticle
from articles.querysets import live_condition
from sqlreads.instances import Columns, Read
from sqlreads.names import Names
from sqlreads.rows import Select


def load_tag(slug: str) -> Tag | None:
    """The tag with this slug (a Tag, so the page cache records it), or None."""
    db = Tag.objects.db
    connection = connections[db]
    found = [tag for (tag,) in _tag(db).rows(connection, params=[slug])]
    return found[0] if found else None


def first_rows(tag: Tag, offset: int, limit: int, when) -> list[tuple]:
    """The card columns of the articles live at `when` carrying the tag, newest first, from
    `offset` on, at most `limit`: what `Article.objects.published().filter(pk__in=<the tag's
    rows>).newest_first()[offset:offset + limit]` gives (articles/views.py TagDetailView)."""
    db = Article.objects.db
    live, values = live_condition(connections[db], when)
    return _articles(db, live).rows(params=[*values, tag.pk], limit=limit, offset=offset)


@cache
def _tag(db: str) -> Read:
    connection = connections[db]
    quote = connection.ops.quote_name
    slug = f"{quote('t')}.{quote(Tag._meta.get_field('slug').column)}"
    return Read(
        connection,
        [Columns(Tag, "t", connection)],
        f"FROM {quote(Tag._meta.db_table)} {quote('t')} WHERE {slug} = %s",
    )


@cache
def _articles(db: str, live: str) -> Select:
    """The read of one database (`live`: its live_at() SQL, fixed per database)."""
    connection = connections[db]
    quote = connection.ops.quote_name

    col = Names(connection).col

    # The article and section tables under their own names: live_at()'s SQL names them so.
    a, s = Article._meta.db_table, Section._meta.db_table
    tagged = (
        f"SELECT {col('U0', TaggedArticle, 'content_object')} "  # noqa: S608 (the docstring)
        f"FROM {quote(TaggedArticle._meta.db_table)} {quote('U0')} "
        f"WHERE {col('U0', TaggedArticle, 'tag')} = %s"
    )
    return Select(
        connection,
        [*((a, Article, name) for name in CARD_FIELDS), (s, Section, "name")],
        f"FROM {quote(a)} INNER JOIN {quote(s)} "
        f"ON {col(a, Article, 'section')} = {col(s, Section, 'id')} "
        f"WHERE ({live} AND {col(a, Article, 'id')} IN ({tagged})) "
        # newest_first()
        f"ORDER BY {col(a, Article, 'published_at')} DESC, {col(a, Article, 'id')} DESC "
        "LIMIT (LIMIT) OFFSET (OFFSET)",
    )
