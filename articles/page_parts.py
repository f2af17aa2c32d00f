"""The article of the article page with its section, and its parts (byline, figures with their
pictures and captions' credits, tags, outbound links, featured artists) read with SQL written
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

Safe as SQL: the text is made of table and column names from the models' `_meta`, quoted by
the database's `quote_name`, and fixed keywords; every value (the article's id, the artworks'
ids, the slug) is a bound parameter. On PostgreSQL each read is a prepared statement, planned
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
from images.models import Image
from sqlreads import prepared


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
    """Fill `article`'s prefetch caches with everything its page shows: five queries."""
    db = article._state.db or Article.objects.db
    reads = _reads(db)
    connection = connections[db]
    pk = [article.pk]

    byline = []
    for credit, author in reads.byline.rows(connection, pk):
        ArticleAuthor._meta.get_field("author").set_cached_value(credit, author)
        byline.append(credit)
    _prefetched(article, "article_authors", byline)

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
    _prefetched(article, "figures", figures)
    for artwork in (f.artwork for f in figures if f.artwork is not None):
        # One instance per figure, as the prefetch gives; their images and credits by artwork.
        _prefetched(artwork, "images", list(artwork_images.get(artwork.pk, {}).values()))
        _prefetched(artwork, "artist_credits", list(artwork_credits.get(artwork.pk, {}).values()))

    _prefetched(article, "tags", [tag for (tag,) in reads.tags.rows(connection, pk)])
    _prefetched(article, "links", [link for (link,) in reads.links.rows(connection, pk)])
    featured = [artist for (artist,) in reads.featured.rows(connection, pk)]
    _prefetched(article, "featured_artists", featured)


def _prefetched(instance, name: str, objects: list) -> None:
    """What Django's prefetch leaves on an instance: the related manager's own queryset with
    its results filled in, under the manager's cache name."""
    manager = getattr(instance, name)
    queryset = manager.get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    # Many-to-many and tag managers name their cache; a reverse foreign key's is its field's.
    cache_name = getattr(manager, "prefetch_cache_name", None)
    cache_name = cache_name or manager.field.remote_field.cache_name
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[cache_name] = queryset


class _Columns:
    """One model's columns in a SELECT, under a table alias, and the instance made from them."""

    def __init__(self, model, alias: str, connection):
        self.model = model
        self.alias = alias
        fields = model._meta.concrete_fields
        self.attnames = [field.attname for field in fields]
        self.pk_index = fields.index(model._meta.pk)
        self.width = len(fields)
        quote = connection.ops.quote_name
        self.sql = ", ".join(f"{quote(alias)}.{quote(field.column)}" for field in fields)
        self.converters = []
        for index, field in enumerate(fields):
            column = field.get_col(alias)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if found:
                self.converters.append((index, column, found))

    def build(self, values, connection, db):
        if values[self.pk_index] is None:  # an outer join that found nothing
            return None
        values = list(values)
        for index, column, converters in self.converters:
            for converter in converters:
                values[index] = converter(values[index], column, connection)
        return self.model.from_db(db, self.attnames, values)


class _Read:
    """A SELECT of whole rows of one or more models (joined), by a list of ids."""

    def __init__(self, connection, columns: list[_Columns], rest: str, *, distinct=False):
        self.columns = columns
        self.db = connection.alias
        select = "SELECT DISTINCT" if distinct else "SELECT"
        self.head = f"{select} {', '.join(c.sql for c in columns)} {rest}"

    def rows(self, connection, ids: list[int]):
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            prepared.execute(cursor, self.head.replace("(IDS)", f"({placeholders})"), ids)
            found = cursor.fetchall()
        # A row that repeats the first model's row and another's (a figure's rows, one per
        # image and credit of its artwork) gives the same instance of it as the row before: one
        # instance per row of the first model, as the prefetch gives, each built once.
        before, made_before = None, []
        for row in found:
            made, start = [], 0
            for number, columns in enumerate(self.columns):
                values = row[start : start + columns.width]
                if before is not None and _same(before, row, self.columns[0], columns, start):
                    made.append(made_before[number])
                else:
                    made.append(columns.build(values, connection, self.db))
                start += columns.width
            before, made_before = row, made
            yield made


def _same(before, row, first: _Columns, columns: _Columns, start: int) -> bool:
    """Whether `row` repeats the row before's first model and the model at `start`."""
    key, end = first.pk_index, start + columns.width
    return before[key] == row[key] and before[start:end] == row[start:end]


class _Reads:
    def __init__(self, connection):
        def q(name):
            return connection.ops.quote_name(name)

        def table(model):
            return q(model._meta.db_table)

        def col(alias, model, name):
            return f"{q(alias)}.{q(model._meta.get_field(name).column)}"

        def cols(*specs):
            return [_Columns(model, alias, connection) for model, alias in specs]

        self.article = _Read(
            connection,
            cols((Article, "a"), (Section, "s")),
            f"FROM {table(Article)} {q('a')} "
            f"INNER JOIN {table(Section)} {q('s')} "
            f"ON {col('s', Section, 'id')} = {col('a', Article, 'section')} "
            f"WHERE {col('a', Article, 'slug')} IN (IDS)",
        )
        self.byline = _Read(
            connection,
            cols((ArticleAuthor, "aa"), (Author, "au")),
            f"FROM {table(ArticleAuthor)} {q('aa')} "
            f"INNER JOIN {table(Author)} {q('au')} "
            f"ON {col('au', Author, 'id')} = {col('aa', ArticleAuthor, 'author')} "
            f"WHERE {col('aa', ArticleAuthor, 'article')} IN (IDS) "
            f"ORDER BY {col('aa', ArticleAuthor, 'position')}, {col('aa', ArticleAuthor, 'id')}",
        )
        self.figures = _Read(
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
            f"ORDER BY {col('f', ArticleFigure, 'position')}, {col('f', ArticleFigure, 'id')}, "
            f"{col('xi', ArtworkImage, 'position')}, {col('xi', ArtworkImage, 'id')}, "
            f"{col('c', ArtworkArtist, 'position')}, {col('c', ArtworkArtist, 'id')}",
        )
        # As taggit's prefetch asks (DISTINCT, no order): the same query, the same order.
        self.tags = _Read(
            connection,
            cols((Tag, "t")),
            f"FROM {table(Tag)} {q('t')} "
            f"INNER JOIN {table(TaggedArticle)} {q('ta')} "
            f"ON {col('t', Tag, 'id')} = {col('ta', TaggedArticle, 'tag')} "
            f"WHERE {col('ta', TaggedArticle, 'content_object')} IN (IDS)",
            distinct=True,
        )
        self.links = _Read(
            connection,
            cols((ArticleLink, "l")),
            f"FROM {table(ArticleLink)} {q('l')} "
            f"WHERE {col('l', ArticleLink, 'article')} IN (IDS) "
            f"ORDER BY {col('l', ArticleLink, 'position')}, {col('l', ArticleLink, 'id')}",
        )
        featured = Article.featured_artists.through
        self.featured = _Read(
            connection,
            cols((Artist, "ar")),
            f"FROM {table(Artist)} {q('ar')} "
            f"INNER JOIN {table(featured)} {q('fa')} "
            f"ON {col('ar', Artist, 'id')} = {col('fa', featured, 'artist')} "
            f"WHERE {col('fa', featured, 'article')} IN (IDS) "
            # Artist's ordering: sort_initial, Lower(sort_name), name.
            f"ORDER BY {col('ar', Artist, 'sort_initial')}, "
            f"LOWER({col('ar', Artist, 'sort_name')}), {col('ar', Artist, 'name')}",
        )


@cache
def _reads(db: str) -> _Reads:
    return _Reads(connections[db])
