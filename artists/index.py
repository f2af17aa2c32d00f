"""The artists A-Z as plain rows: a page lists 120 artists, and building each as an Artist (with
its biography) and reversing its address cost most of the page. One read of what the list
prints; the page cache is told which artists it shows (`pagecache.record_shown`), as loading
them would (the list also depends on all artists: artists/cached_pages.py)."""

from dataclasses import dataclass
from functools import cache

from django.db import connections
from taggit.models import Tag

import pagecache
from artists.models import Artist, TaggedArtist, initial_of, life_dates
from slugs.reversing import slug_addresses
from sqlreads.names import Names
from sqlreads.rows import Select

COLUMNS = ("pk", "slug", "name", "sort_name", "sort_initial", "nationality")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    initial: str  # the letter it is filed under (Artist.initial)
    url: str
    name: str
    nationality: str
    life_dates: str


def index_entries(artists) -> list[IndexEntry]:
    """The entries of a queryset of artists (a page of one), in its order."""
    return _entries(list(artists.values_list(*COLUMNS, "birth_year", "death_year")))


def tagged_entries(slug: str, limit: int) -> list[IndexEntry]:
    """The entries of the first `limit` artists carrying the tag with this slug, in Artist's
    order: what `index_entries(Artist.objects.filter(tags__slug=slug)[:limit])` gives, read
    with SQL written once per process (a tag's page; building and compiling the queryset was
    most of the read's time). Safe as SQL: table and column names from the models' `_meta`,
    quoted, and keywords; the slug is a bound parameter, the limit an integer in the text."""
    return _entries(_tagged(Artist.objects.db).rows(params=[slug], limit=limit))


def _entries(rows) -> list[IndexEntry]:
    address = slug_addresses("artists:artist-detail")
    pagecache.record_shown(Artist, [row[0] for row in rows])
    return [
        IndexEntry(
            initial=sort_initial or initial_of(sort_name or name),
            url=address(slug),
            name=name,
            nationality=nationality,
            life_dates=life_dates(birth, death),
        )
        for _, slug, name, sort_name, sort_initial, nationality, birth, death in rows
    ]


@cache
def _tagged(db: str) -> Select:
    connection = connections[db]

    names = Names(connection)
    col, table = names.col, names.table

    return Select(
        connection,
        [("ar", Artist, name) for name in ("id", *COLUMNS[1:], "birth_year", "death_year")],
        f"FROM {table(Artist, 'ar')} "
        f"INNER JOIN {table(TaggedArtist, 'ta')} "
        f"ON {col('ar', Artist, 'id')} = {col('ta', TaggedArtist, 'content_object')} "
        f"INNER JOIN {table(Tag, 't')} ON {col('ta', TaggedArtist, 'tag')} = {col('t', Tag, 'id')} "
        f"WHERE {col('t', Tag, 'slug')} = %s "
        # Artist's order (Artist.Meta.ordering).
        f"ORDER BY {col('ar', Artist, 'sort_initial')} ASC, "
        f"LOWER({col('ar', Artist, 'sort_name')}) ASC, {col('ar', Artist, 'name')} ASC "
        "LIMIT (LIMIT)",
    )
