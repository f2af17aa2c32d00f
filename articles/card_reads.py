"""The two reads behind every list of article cards (articles/cards.py): the bylines, and the
figures with the pictures they may show; SQL written once per process from the models' `_meta`,
as articles/page_parts.py does for the article page.

Why: on every list page (home, all articles, deep pages, sections, tags, the articles featuring
an artist or an artwork) Django built and compiled these two querysets anew, the second a
seven-table join of twenty-five columns: more Python than reading their rows. Written by hand,
the figures' read also goes from a figure to its artwork's images directly, without joining the
artwork itself (one join fewer for PostgreSQL to plan on each page).

The rows are what the querysets' `values_list()` gave, in the same order, with the database's
and the fields' converters applied (a publication time on SQLite, a JSON field's renditions).

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by the
database's `quote_name`, and fixed keywords (and live_at()'s own compiled condition); every
value (the articles' ids, one `%s` per id; an artist's or an artwork's id; the time) is a bound
parameter, but a limit, an integer written into the text as Django writes it."""

from functools import cache

from django.db import connections

from articles.models import Article, ArticleAuthor, ArticleFigure, Author, Section
from articles.querysets import live_condition
from artists.models import Artist
from artworks.models import ArtworkArtist, ArtworkImage
from images.models import Image
from sqlreads.names import Names
from sqlreads.rows import Select

# The article's columns of a card (cards.py CARD_COLUMNS, but the section's name), in this order.
CARD_FIELDS = ("id", "slug", "title", "standfirst", "published_at")

# How many columns of a card's article cards_and_figures() gives before the figure's.
ARTICLE_WIDTH = 6

# The columns of a picture, in this order (cards.py unpacks them so).
IMAGE_COLUMNS = ("id", "file", "width", "height", "renditions")


def bylines(db: str, ids: list[int]) -> list[tuple]:
    """(article id, author id, author's name) of each credit, in byline order."""
    return _reads(db).bylines.rows(ids)


def figures(db: str, ids: list[int]) -> list[tuple]:
    """One row per figure of these articles and image of its artwork, by article, figure
    position and id, then the artwork's images' position and id: (article id, figure id, alt
    text, decorative, artwork id, the upload's IMAGE_COLUMNS, the chosen artwork image's
    IMAGE_COLUMNS with its alt text and decorative, the artwork's image's the same)."""
    return _reads(db).figures.rows(ids)


def cards_and_figures(db: str, ids: list[int]) -> tuple[list[tuple], list[tuple]]:
    """In one statement, the cards' own columns of these articles (id, slug, title,
    standfirst, publication time, section's name: cards.CARD_COLUMNS), in no order, and what
    figures() gives for them: each article joined to its figures."""
    articles, figures, seen = [], [], set()
    for row in _reads(db).cards_and_figures.rows(ids):
        if row[0] not in seen:
            seen.add(row[0])
            articles.append(row[:ARTICLE_WIDTH])
        if row[ARTICLE_WIDTH + 1] is not None:  # a figure (none: the article alone)
            figures.append(row[ARTICLE_WIDTH:])
    return articles, figures


def featuring(db: str, obj, limit: int, when) -> list[tuple]:
    """The card columns (cards.py CARD_COLUMNS) of the first `limit` articles live at `when`
    (live_at(), articles/querysets.py) that feature an artist or an artwork, newest first:
    what `selectors.articles_featuring(obj)[:limit]` gives, the same statement (a UNION of one
    indexed lookup per way of featuring: selectors.py says why)."""
    connection = connections[db]
    live, values = live_condition(connection, when)
    if isinstance(obj, Artist):
        read = _featuring(db, live, artist=True)
        return read.rows(params=[*values, obj.pk, obj.pk, obj.pk], limit=limit)
    return _featuring(db, live, artist=False).rows(params=[*values, obj.pk, obj.pk], limit=limit)


class _Reads:
    def __init__(self, connection):

        names = Names(connection)
        table, col = names.table, names.col

        def picture(alias, extra=()):
            return [(alias, Image, name) for name in IMAGE_COLUMNS] + list(extra)

        self.bylines = Select(
            connection,
            [
                ("aa", ArticleAuthor, "article"),
                ("aa", ArticleAuthor, "author"),
                ("au", Author, "name"),
            ],
            f"FROM {table(ArticleAuthor, 'aa')} "
            f"INNER JOIN {table(Author, 'au')} "
            f"ON {col('au', Author, 'id')} = {col('aa', ArticleAuthor, 'author')} "
            f"WHERE {col('aa', ArticleAuthor, 'article')} IN (IDS) "
            # Article.byline()'s order.
            f"ORDER BY {col('aa', ArticleAuthor, 'position')}, {col('aa', ArticleAuthor, 'id')}",
        )
        chosen = [("ai", ArtworkImage, "alt_text"), ("ai", ArtworkImage, "decorative")]
        first = [("xi", ArtworkImage, "alt_text"), ("xi", ArtworkImage, "decorative")]
        figure_columns = [
            ("f", ArticleFigure, "article"),
            ("f", ArticleFigure, "id"),
            ("f", ArticleFigure, "alt_text"),
            ("f", ArticleFigure, "decorative"),
            ("f", ArticleFigure, "artwork"),
            *picture("fi"),
            *picture("aii", chosen),
            *picture("xii", first),
        ]
        # A figure's upload, its chosen image and its artwork's images (Artwork.primary_image
        # is the first), without the artwork.
        pictures = (
            f"LEFT OUTER JOIN {table(Image, 'fi')} "
            f"ON {col('fi', Image, 'id')} = {col('f', ArticleFigure, 'image')} "
            f"LEFT OUTER JOIN {table(ArtworkImage, 'ai')} "
            f"ON {col('ai', ArtworkImage, 'id')} = {col('f', ArticleFigure, 'artwork_image')} "
            f"LEFT OUTER JOIN {table(Image, 'aii')} "
            f"ON {col('aii', Image, 'id')} = {col('ai', ArtworkImage, 'image')} "
            f"LEFT OUTER JOIN {table(ArtworkImage, 'xi')} "
            f"ON {col('xi', ArtworkImage, 'artwork')} = {col('f', ArticleFigure, 'artwork')} "
            f"LEFT OUTER JOIN {table(Image, 'xii')} "
            f"ON {col('xii', Image, 'id')} = {col('xi', ArtworkImage, 'image')} "
        )
        # Article.all_figures()'s order (the ordered figures, then the body's: lead_image()),
        # then Artwork.primary_image's.
        figure_order = (
            f"{col('f', ArticleFigure, 'in_body')}, "
            f"{col('f', ArticleFigure, 'position')}, {col('f', ArticleFigure, 'id')}, "
            f"{col('xi', ArtworkImage, 'position')}, {col('xi', ArtworkImage, 'id')}"
        )
        self.figures = Select(
            connection,
            figure_columns,
            f"FROM {table(ArticleFigure, 'f')} {pictures}"
            f"WHERE {col('f', ArticleFigure, 'article')} IN (IDS) "
            f"ORDER BY {col('f', ArticleFigure, 'article')}, {figure_order}",
        )
        self.cards_and_figures = Select(
            connection,
            [
                ("a", Article, "id"),
                ("a", Article, "slug"),
                ("a", Article, "title"),
                ("a", Article, "standfirst"),
                ("a", Article, "published_at"),
                ("s", Section, "name"),
                *figure_columns,
            ],
            f"FROM {table(Article, 'a')} "
            f"INNER JOIN {table(Section, 's')} "
            f"ON {col('s', Section, 'id')} = {col('a', Article, 'section')} "
            f"LEFT OUTER JOIN {table(ArticleFigure, 'f')} "
            f"ON {col('f', ArticleFigure, 'article')} = {col('a', Article, 'id')} "
            f"{pictures}"
            f"WHERE {col('a', Article, 'id')} IN (IDS) "
            f"ORDER BY {col('a', Article, 'id')}, {figure_order}",
        )


@cache
def _reads(db: str) -> _Reads:
    return _Reads(connections[db])


@cache
def _featuring(db: str, live: str, *, artist: bool) -> Select:
    """The featuring read of one database (`live`: its live_at() SQL, fixed per database)."""
    connection = connections[db]
    quote = connection.ops.quote_name

    names = Names(connection)
    col, table = names.col, names.table

    # The article and section tables under their own names: live_at()'s SQL names them so.
    a, s = Article._meta.db_table, Section._meta.db_table
    artists = Article.featured_artists.through
    artworks = Article.featured_artworks.through
    if artist:
        # Safe: names from the models' _meta, quoted; the values are bound (the docstring).
        works = (
            f"SELECT {col('U0', ArtworkArtist, 'artwork')} "  # noqa: S608
            f"FROM {table(ArtworkArtist, 'U0')} "
            f"WHERE {col('U0', ArtworkArtist, 'artist')} = %s"
        )
        ids = (
            f"SELECT {col('U0', artists, 'article')} FROM {table(artists, 'U0')} "  # noqa: S608
            f"WHERE {col('U0', artists, 'artist')} = %s "
            f"UNION SELECT {col('V0', ArticleFigure, 'article')} "
            f"FROM {table(ArticleFigure, 'V0')} "
            f"WHERE {col('V0', ArticleFigure, 'artwork')} IN ({works}) "
            f"UNION SELECT {col('V0', artworks, 'article')} FROM {table(artworks, 'V0')} "
            f"WHERE {col('V0', artworks, 'artwork')} IN ({works})"
        )
    else:
        ids = (
            f"SELECT {col('U0', artworks, 'article')} FROM {table(artworks, 'U0')} "  # noqa: S608
            f"WHERE {col('U0', artworks, 'artwork')} = %s "
            f"UNION SELECT {col('U0', ArticleFigure, 'article')} "
            f"FROM {table(ArticleFigure, 'U0')} "
            f"WHERE {col('U0', ArticleFigure, 'artwork')} = %s"
        )
    return Select(
        connection,
        [
            *((a, Article, name) for name in CARD_FIELDS),
            (s, Section, "name"),
        ],
        f"FROM {quote(a)} INNER JOIN {quote(s)} "
        f"ON {col(a, Article, 'section')} = {col(s, Section, 'id')} "
        f"WHERE ({live} AND {col(a, Article, 'id')} IN ({ids})) "
        # newest_first()
        f"ORDER BY {col(a, Article, 'published_at')} DESC, {col(a, Article, 'id')} DESC "
        "LIMIT (LIMIT)",
    )
