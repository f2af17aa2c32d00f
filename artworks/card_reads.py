"""The reads behind artwork cards (artworks/cards.py) and the lists of them that the artist,
artwork and tag pages show: SQL written once per process from the models' `_meta`
(sqlreads/rows.py), as articles/card_reads.py does for article cards.

Why: a profile of cold artist, artwork and tag pages showed most of their time in Django
building and compiling these querysets on each page (0.2-0.5 ms of Python each), not in the
database. Each statement is the one the queryset compiled to (the same joins, DISTINCT and
order), so the database answers with the same rows in the same order, ties included.

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by the
database's `quote_name`, and fixed keywords; every value (ids, a tag's slug) is a bound
parameter, but the limits, integers written into the text as Django writes them."""

from functools import cache

from django.db import connections
from taggit.models import Tag

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage, TaggedArtwork
from images.models import Image
from sqlreads.names import Names
from sqlreads.rows import Select


def credits(db: str, ids) -> list[tuple]:
    """(artwork id, artist id, role, role text, the artist's name) of each credit of these
    artworks, by artwork, then in Artwork.credited_artists()'s order."""
    return _reads(db).credits.rows(ids)


def images(db: str, ids) -> list[tuple]:
    """(artwork id, alt text, decorative, image id, file, width, height, renditions) of each
    image of these artworks, by artwork, each artwork's first (Artwork.primary_image) first."""
    return _reads(db).images.rows(ids)


def by_artist(db: str, artist_id: int, limit: int) -> list[tuple]:
    """The card columns (artworks/cards.py CARD_COLUMNS) of the first `limit` works credited
    to an artist, earliest first, then by title."""
    return [row[:4] for row in _reads(db).by_artist.rows(params=[artist_id], limit=limit)]


def by_artists_except(db: str, artist_ids, artwork_id: int, limit: int) -> list[tuple]:
    """The same of the works credited to any of these artists but one artwork."""
    rows = _reads(db).by_artists.rows(artist_ids, [artwork_id], limit=limit)
    return [row[:4] for row in rows]


def tagged(db: str, slug: str, limit: int) -> list[tuple]:
    """The card columns of the first `limit` artworks carrying the tag with this slug, by
    title (Artwork's order)."""
    return _reads(db).tagged.rows(params=[slug], limit=limit)


class _Reads:
    def __init__(self, connection):

        names = Names(connection)
        table, col = names.table, names.col

        self.credits = Select(
            connection,
            [
                ("c", ArtworkArtist, "artwork"),
                ("c", ArtworkArtist, "artist"),
                ("c", ArtworkArtist, "role"),
                ("c", ArtworkArtist, "role_text"),
                ("ar", Artist, "name"),
            ],
            f"FROM {table(ArtworkArtist, 'c')} "
            f"INNER JOIN {table(Artist, 'ar')} "
            f"ON {col('c', ArtworkArtist, 'artist')} = {col('ar', Artist, 'id')} "
            f"WHERE {col('c', ArtworkArtist, 'artwork')} IN (IDS) "
            f"ORDER BY {col('c', ArtworkArtist, 'artwork')}, "
            f"{col('c', ArtworkArtist, 'position')}, {col('c', ArtworkArtist, 'id')}",
        )
        self.images = Select(
            connection,
            [
                ("ai", ArtworkImage, "artwork"),
                ("ai", ArtworkImage, "alt_text"),
                ("ai", ArtworkImage, "decorative"),
                ("ai", ArtworkImage, "image"),
                ("im", Image, "file"),
                ("im", Image, "width"),
                ("im", Image, "height"),
                ("im", Image, "renditions"),
            ],
            f"FROM {table(ArtworkImage, 'ai')} "
            f"INNER JOIN {table(Image, 'im')} "
            f"ON {col('ai', ArtworkImage, 'image')} = {col('im', Image, 'id')} "
            f"WHERE {col('ai', ArtworkImage, 'artwork')} IN (IDS) "
            f"ORDER BY {col('ai', ArtworkImage, 'artwork')}, "
            f"{col('ai', ArtworkImage, 'position')}, {col('ai', ArtworkImage, 'id')}",
        )
        # The card's columns, and the first of the order (DISTINCT selects what it orders by).
        card = [("a", Artwork, name) for name in ("id", "slug", "title", "date_display")]
        credited = (
            f"FROM {table(Artwork, 'a')} "
            f"INNER JOIN {table(ArtworkArtist, 'c')} "
            f"ON {col('a', Artwork, 'id')} = {col('c', ArtworkArtist, 'artwork')} "
        )
        earliest_first = (
            f"ORDER BY {col('a', Artwork, 'earliest_year')} ASC, {col('a', Artwork, 'title')} ASC "
            "LIMIT (LIMIT)"
        )
        self.by_artist = Select(
            connection,
            [*card, ("a", Artwork, "earliest_year")],
            f"{credited}WHERE {col('c', ArtworkArtist, 'artist')} = %s {earliest_first}",
            distinct=True,
        )
        self.by_artists = Select(
            connection,
            [*card, ("a", Artwork, "earliest_year")],
            f"{credited}WHERE ({col('c', ArtworkArtist, 'artist')} IN (IDS) "
            f"AND NOT ({col('a', Artwork, 'id')} = %s)) {earliest_first}",
            distinct=True,
        )
        self.tagged = Select(
            connection,
            card,
            f"FROM {table(Artwork, 'a')} "
            f"INNER JOIN {table(TaggedArtwork, 'ta')} "
            f"ON {col('a', Artwork, 'id')} = {col('ta', TaggedArtwork, 'content_object')} "
            f"INNER JOIN {table(Tag, 't')} "
            f"ON {col('ta', TaggedArtwork, 'tag')} = {col('t', Tag, 'id')} "
            f"WHERE {col('t', Tag, 'slug')} = %s "
            f"ORDER BY {col('a', Artwork, 'title')} ASC LIMIT (LIMIT)",
        )


@cache
def _reads(db: str) -> _Reads:
    return _Reads(connections[db])
