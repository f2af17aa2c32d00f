"""The article of the article page with its section, and its parts (byline, figures with their
pictures and captions' credits, tags, outbound links, featured artists, featured exhibitions
with their venues) read with SQL written
once per process, instead of Django's querysets (the view's `published()` by slug with its
section, and the prefetches of `ArticleQuerySet.for_detail()`, which the preview still uses).

Why: a profile of cold article pages showed most of the read's time in Django building those
querysets and compiling their SQL, for each page, not in the database: 0.2-0.9 ms of Python per
query against 0.01-0.05 ms for the same SQL sent as text. The rows become the same model
instances (`Model.from_db`, the database's converters applied, `post_init` sent, so the page
cache records what the page shows), in the same order, in the prefetch caches the page reads
(`article.figures.all()`, `figure.artwork.images.all()`...), so the templates and every method
they call see what `for_detail()` gives; tests/articles/test_page_parts.py holds the two reads
to the same objects.

On PostgreSQL each statement is a round trip that cost 0.1-0.3 ms inside a cold page on a busy
machine, whatever the server's share (0.01-0.15 ms): the small reads by the article's id go
together (the byline, links, featured artists and featured exhibitions in one UNION ALL; the
artworks' credits with the figures), three statements for every part.

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by
the database's `quote_name`, the columns' types as Django's fields name them for CAST
(`cast_db_type`), and fixed keywords; every value (the article's id, the slug) is a bound
parameter. On PostgreSQL each read is a prepared statement, planned
once per connection (sqlreads/prepared.py).
"""

from functools import cache

from django.db import connections
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleFigure,
    ArticleLink,
    Author,
    Section,
    TaggedArticle,
)
from articles.querysets import is_live
from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from exhibitions.models import Exhibition, Venue
from images.models import Image
from sqlreads import prepared
from sqlreads.instances import Read, prefetched, typed_null
from sqlreads.names import Names


def public_article(slug: str) -> Article | None:
    """The article at `slug` with its section (as `select_related("section")` leaves it), or
    None unless the public may see it now: `is_live()`, the Python twin of `published()` that
    tests/articles/test_published.py holds to the same truth table. One query, no queryset
    built (the slug is unique)."""
    db = Article.objects.db
    connection = connections[db]
    for article, section in _reads(db).article.rows(connection, [slug]):
        if not is_live(article.status, article.published_at, timezone.now()):
            return None
        Article._meta.get_field("section").set_cached_value(article, section)
        return article
    return None


def load_parts(article: Article) -> None:
    """Fill `article`'s prefetch caches with everything its page shows: three queries."""
    db = article._state.db or Article.objects.db
    reads = _reads(db)
    connection = connections[db]
    pk = [article.pk]

    # The byline with its authors, the links, the featured artists and the featured
    # exhibitions with their venues: one statement.
    byline, links, featured, exhibitions = [], [], [], []
    for part, made in reads.lists.rows(connection, pk):
        if part == _BYLINE:
            credit, author = made
            ArticleAuthor._meta.get_field("author").set_cached_value(credit, author)
            byline.append(credit)
        elif part == _LINKS:
            links.append(made[0])
        elif part == _FEATURED:
            featured.append(made[0])
        else:
            exhibition, venue = made
            Exhibition._meta.get_field("venue").set_cached_value(exhibition, venue)
            exhibitions.append(exhibition)
    prefetched(article, "article_authors", byline)
    prefetched(article, "links", links)
    prefetched(article, "featured_artists", featured)
    prefetched(article, "featured_exhibitions", exhibitions)

    # One row per figure, image of its artwork and credit of its artwork (the artwork's images
    # and credits joined, in their orders).
    figures, seen, artwork_images, artwork_credits = [], set(), {}, {}
    for row in reads.figures.rows(connection, pk):
        figure, image, artwork, chosen, chosen_image, shown, shown_image, credit, artist = row
        if shown is not None:
            found = artwork_images.setdefault(shown.artwork_id, {})
            if shown.pk not in found:
                ArtworkImage._meta.get_field("image").set_cached_value(shown, shown_image)
                found[shown.pk] = shown
        if credit is not None:
            found = artwork_credits.setdefault(credit.artwork_id, {})
            if credit.pk not in found:
                ArtworkArtist._meta.get_field("artist").set_cached_value(credit, artist)
                found[credit.pk] = credit
        if figure.pk in seen:
            continue
        seen.add(figure.pk)
        figure_field = ArticleFigure._meta.get_field
        figure_field("image").set_cached_value(figure, image)
        figure_field("artwork").set_cached_value(figure, artwork)
        if chosen is not None:
            ArtworkImage._meta.get_field("image").set_cached_value(chosen, chosen_image)
        figure_field("artwork_image").set_cached_value(figure, chosen)
        figures.append(figure)
    prefetched(article, "figures", figures)
    for artwork in (f.artwork for f in figures if f.artwork is not None):
        # One instance per figure, as the prefetch gives; their images and credits by artwork.
        prefetched(artwork, "images", list(artwork_images.get(artwork.pk, {}).values()))
        prefetched(artwork, "artist_credits", list(artwork_credits.get(artwork.pk, {}).values()))

    prefetched(article, "tags", [tag for (tag,) in reads.tags.rows(connection, pk)])


_BYLINE, _LINKS, _FEATURED, _EXHIBITIONS = range(4)  # the parts of _Reads.lists


class _Union:
    """Several reads by the same ids in one statement, one round trip (UNION ALL): each part's
    rows carry its number, its models' columns in their places and NULLs of the same types in
    the other parts' (PostgreSQL types a union's columns from its first SELECT), then its own
    sort keys (NULL in the others' rows); sorted by part, then by the part's keys, the order
    each read had alone. A part is (its models' columns, FROM ... WHERE ... IN (IDS), its
    sort keys as (SQL, the field whose type it has))."""

    def __init__(self, connection, parts):
        self.db = connection.alias
        self.parts = len(parts)
        groups = [columns for models, _, _ in parts for columns in models]
        keys = [key for _, _, order in parts for key in order]
        selects = []
        for number, (models, rest, order) in enumerate(parts):
            values = [str(number)]
            values += [c.sql if c in models else c.nulls(connection) for c in groups]
            values += [sql if (sql, f) in order else typed_null(f, connection) for sql, f in keys]
            selects.append(f"SELECT {', '.join(values)} {rest}")
        self.places = []  # (part, [(columns, start)])
        start = 1
        for models, _, _ in parts:
            placed = []
            for columns in models:
                placed.append((columns, start))
                start += columns.width
            self.places.append(placed)
        order_by = ", ".join(str(start + 1 + index) for index in range(len(keys)))
        self.sql = f"{' UNION ALL '.join(selects)} ORDER BY 1, {order_by}"

    def rows(self, connection, ids: list[int]):
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            sql = self.sql.replace("(IDS)", f"({placeholders})")
            prepared.execute(cursor, sql, list(ids) * self.parts)
            found = cursor.fetchall()
        for row in found:
            part = row[0]
            yield (
                part,
                [
                    columns.build(row[start : start + columns.width], connection, self.db)
                    for columns, start in self.places[part]
                ],
            )


class _Reads:
    def __init__(self, connection):
        names = Names(connection)
        q, table, col, cols = names.q, names.table, names.col, names.cols

        def key(alias, model, name, shape="{}"):
            field = model._meta.get_field(name)
            return shape.format(col(alias, model, name)), field

        self.article = Read(
            connection,
            cols((Article, "a"), (Section, "s")),
            f"FROM {table(Article)} {q('a')} "
            f"INNER JOIN {table(Section)} {q('s')} "
            f"ON {col('s', Section, 'id')} = {col('a', Article, 'section')} "
            f"WHERE {col('a', Article, 'slug')} IN (IDS)",
        )
        self.figures = Read(
            connection,
            cols(
                (ArticleFigure, "f"),
                (Image, "fi"),
                (Artwork, "aw"),
                (ArtworkImage, "ai"),
                (Image, "aii"),
                (ArtworkImage, "xi"),
                (Image, "xii"),
                (ArtworkArtist, "c"),
                (Artist, "ar"),
            ),
            f"FROM {table(ArticleFigure)} {q('f')} "
            f"LEFT OUTER JOIN {table(Image)} {q('fi')} "
            f"ON {col('fi', Image, 'id')} = {col('f', ArticleFigure, 'image')} "
            f"LEFT OUTER JOIN {table(Artwork)} {q('aw')} "
            f"ON {col('aw', Artwork, 'id')} = {col('f', ArticleFigure, 'artwork')} "
            f"LEFT OUTER JOIN {table(ArtworkImage)} {q('ai')} "
            f"ON {col('ai', ArtworkImage, 'id')} = {col('f', ArticleFigure, 'artwork_image')} "
            f"LEFT OUTER JOIN {table(Image)} {q('aii')} "
            f"ON {col('aii', Image, 'id')} = {col('ai', ArtworkImage, 'image')} "
            # The artwork's images, in ArtworkImage's order (what `artwork.images.all()` gives).
            f"LEFT OUTER JOIN {table(ArtworkImage)} {q('xi')} "
            f"ON {col('xi', ArtworkImage, 'artwork')} = {col('f', ArticleFigure, 'artwork')} "
            f"LEFT OUTER JOIN {table(Image)} {q('xii')} "
            f"ON {col('xii', Image, 'id')} = {col('xi', ArtworkImage, 'image')} "
            # The artwork's credits with their artists, in ArtworkArtist's order (the caption's).
            f"LEFT OUTER JOIN {table(ArtworkArtist)} {q('c')} "
            f"ON {col('c', ArtworkArtist, 'artwork')} = {col('f', ArticleFigure, 'artwork')} "
            f"LEFT OUTER JOIN {table(Artist)} {q('ar')} "
            f"ON {col('ar', Artist, 'id')} = {col('c', ArtworkArtist, 'artist')} "
            f"WHERE {col('f', ArticleFigure, 'article')} IN (IDS) "
            # ArticleFigure's ordering: the ordered figures, then the body's.
            f"ORDER BY {col('f', ArticleFigure, 'in_body')}, "
            f"{col('f', ArticleFigure, 'position')}, {col('f', ArticleFigure, 'id')}, "
            f"{col('xi', ArtworkImage, 'position')}, {col('xi', ArtworkImage, 'id')}, "
            f"{col('c', ArtworkArtist, 'position')}, {col('c', ArtworkArtist, 'id')}",
        )
        # As taggit's prefetch asks (DISTINCT, no order): the same query, the same order.
        self.tags = Read(
            connection,
            cols((Tag, "t")),
            f"FROM {table(Tag)} {q('t')} "
            f"INNER JOIN {table(TaggedArticle)} {q('ta')} "
            f"ON {col('t', Tag, 'id')} = {col('ta', TaggedArticle, 'tag')} "
            f"WHERE {col('ta', TaggedArticle, 'content_object')} IN (IDS)",
            distinct=True,
        )
        featured = Article.featured_artists.through
        shows = Article.featured_exhibitions.through
        self.lists = _Union(
            connection,
            [
                (  # _BYLINE
                    cols((ArticleAuthor, "aa"), (Author, "au")),
                    f"FROM {table(ArticleAuthor)} {q('aa')} "
                    f"INNER JOIN {table(Author)} {q('au')} "
                    f"ON {col('au', Author, 'id')} = {col('aa', ArticleAuthor, 'author')} "
                    f"WHERE {col('aa', ArticleAuthor, 'article')} IN (IDS)",
                    # Article.byline()'s order.
                    [key("aa", ArticleAuthor, "position"), key("aa", ArticleAuthor, "id")],
                ),
                (  # _LINKS
                    cols((ArticleLink, "l")),
                    f"FROM {table(ArticleLink)} {q('l')} "
                    f"WHERE {col('l', ArticleLink, 'article')} IN (IDS)",
                    [key("l", ArticleLink, "position"), key("l", ArticleLink, "id")],
                ),
                (  # _FEATURED
                    cols((Artist, "ar")),
                    f"FROM {table(Artist)} {q('ar')} "
                    f"INNER JOIN {table(featured)} {q('fa')} "
                    f"ON {col('ar', Artist, 'id')} = {col('fa', featured, 'artist')} "
                    f"WHERE {col('fa', featured, 'article')} IN (IDS)",
                    # Artist's ordering: sort_initial, Lower(sort_name), name.
                    [
                        key("ar", Artist, "sort_initial"),
                        key("ar", Artist, "sort_name", "LOWER({})"),
                        key("ar", Artist, "name"),
                    ],
                ),
                (  # _EXHIBITIONS, all of them: the page's block shows the public ones
                    cols((Exhibition, "ex"), (Venue, "ve")),
                    f"FROM {table(Exhibition)} {q('ex')} "
                    f"INNER JOIN {table(shows)} {q('fe')} "
                    f"ON {col('ex', Exhibition, 'id')} = {col('fe', shows, 'exhibition')} "
                    f"INNER JOIN {table(Venue)} {q('ve')} "
                    f"ON {col('ve', Venue, 'id')} = {col('ex', Exhibition, 'venue')} "
                    f"WHERE {col('fe', shows, 'article')} IN (IDS)",
                    # for_detail()'s order (the block orders them by date itself).
                    [key("ex", Exhibition, "id")],
                ),
            ],
        )


@cache
def _reads(db: str) -> _Reads:
    return _Reads(connections[db])
