"""The artist page's object (with its portrait) and its movements read with SQL written once
per process (sqlreads/instances.py), into what `select_related("portrait")` and
`prefetch_related("tags")` leave (`artist.portrait`, `artist.tags.all()`), which
tests/artists/test_page_parts.py holds them to.

Why: a profile of cold artist pages showed most of the read's time in Django building those
querysets and compiling their SQL on each page, not in the database.

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by
the database's `quote_name`, and fixed keywords; every value (the slug, the artist's id) is a
bound parameter."""

from functools import cache

from django.db import connections
from taggit.models import Tag

from artists.models import Artist, TaggedArtist
from images.models import Image
from sqlreads.instances import Read, prefetched
from sqlreads.names import Names


def load_artist(slug: str) -> Artist | None:
    """The artist with this slug, its portrait and its movements (two queries), or None."""
    db = Artist.objects.db
    reads = _reads(db)
    connection = connections[db]
    found = list(reads.artist.rows(connection, params=[slug]))
    if not found:
        return None
    ((artist, portrait),) = found
    Artist._meta.get_field("portrait").set_cached_value(artist, portrait)
    prefetched(artist, "tags", [tag for (tag,) in reads.tags.rows(connection, [artist.pk])])
    return artist


class _Reads:
    def __init__(self, connection):
        names = Names(connection)
        q, table, col, cols = names.q, names.table, names.col, names.cols

        self.artist = Read(
            connection,
            cols((Artist, "ar"), (Image, "p")),
            f"FROM {table(Artist)} {q('ar')} "
            f"LEFT OUTER JOIN {table(Image)} {q('p')} "
            f"ON {col('ar', Artist, 'portrait')} = {col('p', Image, 'id')} "
            f"WHERE {col('ar', Artist, 'slug')} = %s",
        )
        # As taggit's prefetch asks (DISTINCT, no order): the same query, the same order.
        self.tags = Read(
            connection,
            cols((Tag, "t")),
            f"FROM {table(Tag)} {q('t')} "
            f"INNER JOIN {table(TaggedArtist)} {q('ta')} "
            f"ON {col('t', Tag, 'id')} = {col('ta', TaggedArtist, 'tag')} "
            f"WHERE {col('ta', TaggedArtist, 'content_object')} IN (IDS)",
            distinct=True,
        )


@cache
def _reads(db: str) -> _Reads:
    return _Reads(connections[db])
