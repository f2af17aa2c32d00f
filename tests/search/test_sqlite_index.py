"""SQLite's FTS5 index (search/sqlite_index.py): a row for every article, artist and artwork,
built by triggers from whatever writes, filled from existing content by its migration, and its
triggers back after a migration remakes a table. (What it finds: test_ranking.py, test_index.py.)"""

import pytest
from django.db import connection

from artists.models import Artist
from artworks.models import Artwork
from search import sqlite_functions, sqlite_index
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtistFactory, ArtworkFactory
from tests.search.searching import found

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index"),
]


def rows(table="search_fts") -> dict[tuple[str, int], tuple]:
    """The index's rows by (kind, object id)."""
    kinds = {code: kind for kind, code in sqlite_index.KIND_CODES.items()}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, * FROM {table}")  # noqa: S608 (a constant table name)
        return {(kinds[rowid & 3], rowid >> 2): rest for rowid, *rest in cursor.fetchall()}


def test_every_article_artist_and_artwork_has_a_row():
    """One row each, drafts included (visibility is decided when searching)."""
    draft = ArticleFactory(draft=True)
    article = ArticleFactory()
    artist = ArtistFactory()
    artwork = ArtworkFactory()

    assert set(rows()) == {
        ("article", draft.pk),
        ("article", article.pk),
        ("artist", artist.pk),
        ("artwork", artwork.pk),
    }
    assert set(rows("search_names")) == set(rows())
    assert set(rows("search_artist_names")) == {("artist", artist.pk)}  # the names' vocabulary


def test_rows_hold_text_without_markup_or_markers():
    """The body's text, tags stripped and entities read, the highlight markers dropped."""
    article = ArticleFactory(
        title="Kiln \ue000notes\ue001",
        standfirst="On clay.",
        body="<p>Fired <strong>twice</strong> &amp; glazed.\ue000</p>",
        tags=["Stoneware"],
    )

    title, lead, body, text = rows()[("article", article.pk)]

    assert title == "Kiln notes"
    assert text == "On clay. Fired twice & glazed."
    assert "Stoneware" in body and "<" not in body


def test_deleting_removes_the_rows():
    article = ArticleFactory(tags=["Gone"])
    artist = ArtistFactory()
    artwork = ArtworkFactory()

    article.delete()
    Artist.objects.filter(pk=artist.pk).delete()
    Artwork.objects.filter(pk=artwork.pk).delete()

    assert rows() == {}
    assert rows("search_names") == {}
    assert rows("search_artist_names") == {}


def test_bulk_writes_are_indexed(client):
    """bulk_create and update() send no signal (the Tate import, the bench corpus): found."""
    Artist.objects.bulk_create(
        [Artist(name="Odile Brackenbury", sort_name="Brackenbury, Odile", slug="odile")]
    )
    artist = Artist.objects.get(slug="odile")
    assert found(client, "Brackenbury") == [artist.get_absolute_url()]

    Artist.objects.filter(pk=artist.pk).update(name="Odile Fernsby")

    assert found(client, "Fernsby") == [artist.get_absolute_url()]


def test_the_migration_fills_the_index_from_existing_content(client):
    """Content written before the index existed is found once the migration has run."""
    article = ArticleFactory(title="Quillwork revival")
    with connection.cursor() as cursor:
        sqlite_index.drop(cursor)
        sqlite_index.create(cursor)

    assert found(client, "quillwork") == [article.get_absolute_url()]


def test_triggers_a_remade_table_lost_come_back_after_migrate(client):
    """SQLite drops a table's triggers when the schema editor remakes it: migrate's end puts
    them back and rebuilds the rows, so edits made while they were missing are searched, and
    later edits too."""
    article = ArticleFactory(title="Essay")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER search_fts_article_update")
    article.title = "Essay on intarsia"  # as a data migration would, with the trigger gone
    article.save()
    assert found(client, "intarsia") == []

    sqlite_functions._ensure_triggers(using="default")
    assert found(client, "intarsia") == [article.get_absolute_url()]

    article.title = "Essay on marquetry"
    article.save()
    assert found(client, "marquetry") == [article.get_absolute_url()]
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert set(sqlite_index.TRIGGERS) <= {name for (name,) in cursor.fetchall()}
        assert sqlite_index.ensure_triggers(cursor) is False  # none missing: nothing rebuilt


def test_triggers_of_an_earlier_version_are_replaced_after_migrate(client):
    """A trigger defined otherwise than now (an earlier version of the index) is made again and
    the rows rebuilt by it; one this version no longer has is dropped."""
    article = ArticleFactory(title="Essay")
    ArticleFigureFactory(article=article, artwork__title="Tollemarsh Weir")
    with connection.cursor() as cursor:
        # Constant statements: an earlier version's triggers, as a database may hold them.
        cursor.execute("DROP TRIGGER search_fts_artwork_caption")
        cursor.execute("DROP TRIGGER search_fts_article_update")
        cursor.execute(
            "CREATE TRIGGER search_fts_article_update AFTER UPDATE ON articles_article"
            " BEGIN SELECT 1; END"
        )
        cursor.execute(
            "CREATE TRIGGER search_fts_retired AFTER UPDATE ON articles_article BEGIN SELECT 1; END"
        )
        cursor.execute("DELETE FROM search_fts")  # rows an earlier version built otherwise
    assert rows() == {}

    sqlite_functions._ensure_triggers(using="default")

    assert article.get_absolute_url() in found(client, "Tollemarsh")
    article.title = "Essay on sluices"
    article.save()
    assert found(client, "sluices") == [article.get_absolute_url()]
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {name for (name,) in cursor.fetchall()}
        assert set(sqlite_index.TRIGGERS) <= names
        assert "search_fts_retired" not in names
        assert sqlite_index.ensure_triggers(cursor) is False
