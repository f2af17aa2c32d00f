"""The database keeps the search index current by itself (PostgreSQL's documents, SQLite's FTS5
rows): every change to what a document is made of rebuilds it in the same transaction, with no
signal, task or command. (SQLite's own tables: test_sqlite_index.py.)"""

import pytest
from django.db import connection
from taggit.models import Tag

from artists.models import Artist
from artworks.models import Artwork
from search.models import NameWord, SearchDocument
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
)
from tests.search.searching import found, postgres_only

pytestmark = pytest.mark.django_db


@postgres_only
def test_every_article_artist_and_artwork_has_a_document():
    """One document each, drafts included (visibility is decided when searching)."""
    ArticleFactory(draft=True)
    ArticleFactory()
    ArtistFactory()
    ArtworkFactory()

    assert SearchDocument.objects.filter(kind="article").count() == 2
    assert SearchDocument.objects.filter(kind="artist").count() == 1
    assert SearchDocument.objects.filter(kind="artwork").count() == 1


def test_renamed_artist_finds_the_articles_by_the_new_name(client):
    """Renaming an artist rebuilds the documents of the articles featuring them."""
    artist = ArtistFactory(name="Yoko Pennyworth")
    article = ArticleFactory(title="A retrospective")
    article.featured_artists.add(artist)
    assert article.get_absolute_url() in found(client, "Pennyworth")

    artist.name = "Yoko Farthingale"
    artist.save()

    assert article.get_absolute_url() in found(client, "Farthingale")
    assert article.get_absolute_url() not in found(client, "Pennyworth")


def test_renamed_artist_reaches_articles_through_artworks(client):
    """An article showing an artwork (as a figure or featured) follows its artist's name."""
    artwork = ArtworkFactory(title="Untitled")
    credit = ArtworkArtistFactory(artwork=artwork, artist__name="Ines Quillfeather")
    with_figure = ArticleFactory(title="Figure study")
    ArticleFigureFactory(article=with_figure, artwork=artwork)
    featuring = ArticleFactory(title="Feature study")
    featuring.featured_artworks.add(artwork)

    Artist.objects.filter(pk=credit.artist_id).update(name="Ines Copperleaf")  # no save()

    urls = set(found(client, "Copperleaf"))
    assert {with_figure.get_absolute_url(), featuring.get_absolute_url()} <= urls
    assert artwork.get_absolute_url() in urls


def test_edited_body_is_searched_at_once(client):
    """A word added to the body is found right after the save."""
    article = ArticleFactory(title="Essay", body="<p>Nothing yet.</p>")

    article.body = "<p>Now about <strong>aquatints</strong>.</p>"
    article.save()

    assert found(client, "aquatint") == [article.get_absolute_url()]


def test_tags_added_removed_and_renamed(client):
    """Tags follow their article, and a renamed tag renames it in every document."""
    article = ArticleFactory(title="Essay")
    artwork = ArtworkFactory(title="Plate", tags=["Mezzotint"])
    article.tags.add("Mezzotint")
    assert set(found(client, "mezzotint")) == {
        article.get_absolute_url(),
        artwork.get_absolute_url(),
    }

    Tag.objects.filter(name="Mezzotint").update(name="Drypoint")
    assert found(client, "mezzotint") == []
    assert len(found(client, "drypoint")) == 2

    article.tags.clear()
    assert found(client, "drypoint") == [artwork.get_absolute_url()]


def test_artwork_credits_are_searched(client):
    """An artwork is found by its artists' names, from the moment they are credited."""
    artwork = ArtworkFactory(title="Blue field")
    assert found(client, "Tamsin Vellacott") == []

    ArtworkArtistFactory(artwork=artwork, artist__name="Tamsin Vellacott")

    assert artwork.get_absolute_url() in found(client, "Tamsin Vellacott")


@postgres_only
def test_deleting_removes_the_document():
    """A deleted article, artist or artwork leaves no document behind."""
    article = ArticleFactory(tags=["Gone"])
    artist = ArtistFactory()
    artwork = ArtworkFactory()

    article.delete()
    Artist.objects.filter(pk=artist.pk).delete()
    Artwork.objects.filter(pk=artwork.pk).delete()

    assert not SearchDocument.objects.exists()


@postgres_only
def test_tags_added_in_bulk_are_indexed():
    """Tag rows inserted in one statement (taggit's bulk insert) reach every document."""
    articles = [ArticleFactory(title=f"Essay {n}") for n in range(3)]
    for article in articles:
        article.tags.add("Gouache", "Tempera")

    assert SearchDocument.objects.filter(vector="tempera").count() == 3


@postgres_only
def test_indexes_and_session_settings():
    """The GIN indexes exist (the words, the names' words, the names' vocabulary by trigrams),
    and searching leaves the session's trigram threshold alone. (Was: the trigram index over
    the documents' names and search_documents_named(), replaced by the vocabulary in 0006.)"""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes"
            " WHERE tablename IN ('search_searchdocument', 'search_nameword')"
        )
        definitions = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT count(*) FROM search_names_alike('weiwie')")
        cursor.execute("SHOW pg_trgm.similarity_threshold")
        threshold = cursor.fetchone()[0]

    assert "USING gin (vector)" in definitions
    assert "USING gin (search_name_words(names))" in definitions
    assert "USING gin (word gin_trgm_ops)" in definitions
    assert threshold == "0.3"


def vocabulary() -> set[str]:
    return set(NameWord.objects.values_list("word", flat=True))


@postgres_only
def test_the_names_vocabulary_follows_the_artists():
    """An artist's words (folded) join the vocabulary when they are added or renamed, and leave
    it when no artist's name holds them any more; the words of articles and artworks are not
    in it."""
    artist = ArtistFactory(name="Zoë Quillfeather", sort_name="Quillfeather, Zoë")
    other = ArtistFactory(name="Zoe Brightwater", sort_name="Brightwater, Zoe")
    ArticleFactory(title="Marrowbone")
    assert {"zoe", "quillfeather", "brightwater"} <= vocabulary()
    assert "marrowbone" not in vocabulary()

    artist.name, artist.sort_name = "Zoë Copperleaf", "Copperleaf, Zoë"
    artist.save()
    assert "copperleaf" in vocabulary()
    assert "quillfeather" not in vocabulary()
    assert "zoe" in vocabulary()  # Zoe Brightwater still has it

    Artist.objects.filter(pk=other.pk).delete()
    assert "brightwater" not in vocabulary()
    assert "zoe" in vocabulary()  # and Zoë Copperleaf


@postgres_only
def test_a_misspelt_name_finds_through_the_renamed_vocabulary(client):
    """The vocabulary is current in the same transaction: a renamed artist is found misspelt."""
    artist = ArtistFactory(name="Ines Quillfeather", sort_name="Quillfeather, Ines")
    artist.name, artist.sort_name = "Ines Copperleaf", "Copperleaf, Ines"
    artist.save()

    assert found(client, "Coperleaf") == [artist.get_absolute_url()]
    assert found(client, "Quillfeather") == []
