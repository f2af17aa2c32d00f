"""The artwork page's object and parts (its images with their pictures, its credits with their
artists, its subjects) read with SQL written once per process (sqlreads/instances.py), into the
prefetch caches the page reads (`artwork.images.all()`, `artwork.artist_credits.all()`,
`artwork.tags.all()`), instead of Django's `prefetch_related("images",
"artist_credits__artist", "tags")`, which tests/artworks/test_page_parts.py holds them to.

Why: a profile of cold artwork pages showed most of the read's time in Django building those
querysets and compiling their SQL on each page, not in the database; the credits and their
artists are also one query (a join) here, not two.

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by
the database's `quote_name`, and fixed keywords; every value (the slug, the artwork's id) is a
bound parameter."""

from functools import cache

from django.db import connections
from taggit.models import Tag

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage, TaggedArtwork
from images.models import Image
from sqlreads.instances import Read, prefetched
from sqlreads.names import Names


def load_artwork(slug: str) -> Artwork | None:
    """The artwork with this slug and everything its page shows (four queries), or None."""
    db = Artwork.objects.db
    reads = _reads(db)
    connection = connections[db]
    found = [artwork for (artwork,) in reads.artwork.rows(connection, params=[slug])]
    if not found:
        return None
    (artwork,) = found
    pk = [artwork.pk]
    images = []
    for shown, image in reads.images.rows(connection, pk):
        ArtworkImage._meta.get_field("image").set_cached_value(shown, image)
        images.append(shown)
    prefetched(artwork, "images", images)
    credits = []
    for credit, artist in reads.credits.rows(connection, pk):
        ArtworkArtist._meta.get_field("artist").set_cached_value(credit, artist)
        credits.append(credit)
    prefetched(artwork, "artist_credits", credits)
    prefetched(artwork, "tags", [tag for (tag,) in reads.tags.rows(connection, pk)])
    return artwork


class _Reads:
    def __init__(self, connection):
        names = Names(connection)
        q, table, col, cols = names.q, names.table, names.col, names.cols

        self.artwork = Read(
            connection,
            cols((Artwork, "a")),
            f"FROM {table(Artwork)} {q('a')} WHERE {col('a', Artwork, 'slug')} = %s",
        )
        # ArtworkImage's manager joins its picture; ArtworkImage's order.
        self.images = Read(
            connection,
            cols((ArtworkImage, "ai"), (Image, "im")),
            f"FROM {table(ArtworkImage)} {q('ai')} "
            f"INNER JOIN {table(Image)} {q('im')} "
            f"ON {col('ai', ArtworkImage, 'image')} = {col('im', Image, 'id')} "
            f"WHERE {col('ai', ArtworkImage, 'artwork')} IN (IDS) "
            f"ORDER BY {col('ai', ArtworkImage, 'position')}, {col('ai', ArtworkImage, 'id')}",
        )
        self.credits = Read(
            connection,
            cols((ArtworkArtist, "c"), (Artist, "ar")),
            f"FROM {table(ArtworkArtist)} {q('c')} "
            f"INNER JOIN {table(Artist)} {q('ar')} "
            f"ON {col('ar', Artist, 'id')} = {col('c', ArtworkArtist, 'artist')} "
            f"WHERE {col('c', ArtworkArtist, 'artwork')} IN (IDS) "
            f"ORDER BY {col('c', ArtworkArtist, 'position')}, {col('c', ArtworkArtist, 'id')}",
        )
        # As taggit's prefetch asks (DISTINCT, no order): the same query, the same order.
        self.tags = Read(
            connection,
            cols((Tag, "t")),
            f"FROM {table(Tag)} {q('t')} "
            f"INNER JOIN {table(TaggedArtwork)} {q('ta')} "
            f"ON {col('t', Tag, 'id')} = {col('ta', TaggedArtwork, 'tag')} "
            f"WHERE {col('ta', TaggedArtwork, 'content_object')} IN (IDS)",
            distinct=True,
        )


@cache
def _reads(db: str) -> _Reads:
    return _Reads(connections[db])
