"""The search index: one document per article, artist and artwork.

On PostgreSQL the rows are written by the database alone: triggers (migrations 0002-0004)
rebuild a document whenever what it is made of changes, in the same transaction, and GIN indexes
cover its `vector` (full text) and its `names` (trigrams, for misspelt artist names). Django
never writes to this table (leave it out of dumpdata: `--exclude search`; loading the content
rebuilds it). On SQLite it exists but stays empty: SQLite's own index is a set of FTS5 tables
kept by SQLite triggers (search/sqlite_index.py).

Every article has a document, whatever its status: what the public may see is decided when
searching, by Article.objects.published(), so a scheduled article is found from its minute on.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        ARTIST = "artist", "Artist"
        ARTWORK = "artwork", "Artwork"

    kind = models.CharField(max_length=10, choices=Kind)
    # Deleting an article, artist or artwork deletes its document in the database: migration
    # 0003 adds these foreign keys with ON DELETE CASCADE on PostgreSQL. Django's collector never
    # looks here (DO_NOTHING; the database-level variants cannot be mixed with the content
    # apps' Python-level ones), so deleting costs no query for this table.
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    artist = models.OneToOneField(
        "artists.Artist",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    artwork = models.OneToOneField(
        "artworks.Artwork",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    # The names of the artists the document is about, lower case and without accents.
    names = models.TextField(blank=True)
    # Plain text (no tags) that snippets are cut from.
    text = models.TextField(blank=True)
    # Title A; standfirst and artist names B; body and tags C (see migration 0003).
    vector = SearchVectorField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="article", artist=None, artwork=None, article__isnull=False)
                | Q(kind="artist", article=None, artwork=None, artist__isnull=False)
                | Q(kind="artwork", article=None, artist=None, artwork__isnull=False),
                name="searchdocument_one_object_of_its_kind",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.article_id or self.artist_id or self.artwork_id}"


class NameWord(models.Model):
    """A word of an artist's names, lower case and without accents (as `names` holds them): the
    vocabulary a misspelt name is matched against, through a trigram index, before the
    documents are looked up by the words found (search/backends/postgres.py). On PostgreSQL the
    rows are written by the database alone: triggers on the documents (migration 0006) add the
    words of an artist's document and drop those no artist's document holds any more. Empty on
    SQLite, whose vocabulary is FTS5's own (search_names_terms, search/sqlite_index.py)."""

    word = models.TextField(primary_key=True)

    def __str__(self):
        return self.word


class WordRank(models.Model):
    """A word of a document and the document's rank for that word alone (ts_rank with the
    backend's normalisation, as searching would work it out), kept so that a query of one word
    found in most documents reads its best hits from an index in order (word, rank best first,
    then the results' own tie-breaks) instead of ranking every document that holds it
    (search/backends/postgres.py). One row per word of each document's vector; on PostgreSQL
    the rows are written by the database alone: triggers on the documents (migration 0007)
    write a new or changed document's words and ranks (or, for more than 200 documents at once,
    mark them stale: WordRankStale), and deleting a document deletes them. Empty on SQLite."""

    pk = models.CompositePrimaryKey("document", "word")
    document = models.ForeignKey(
        SearchDocument,
        # ON DELETE CASCADE in the database (migration 0007), as for the documents themselves.
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the primary key's index leads with it
        related_name="+",
    )
    word = models.TextField()
    kind = models.CharField(max_length=10, choices=SearchDocument.Kind)
    rank = models.FloatField()

    class Meta:
        indexes = [
            # The results' order (postgres.Hits) for one word, read from the index in order.
            models.Index(fields=["word", "-rank", "kind", "-document"], name="search_wordrank_best")
        ]

    def __str__(self):
        return f"{self.word} {self.document_id} {self.rank}"


class WordRankStale(models.Model):
    """A document whose WordRank rows may be out of date: a statement changed more than 200
    documents at once (an artist renamed who is in thousands), and writing all their words'
    ranks then would have made it ten times as long. Searching ranks these documents in full
    rather than trusting their rows; each later write of the documents takes up to 200 of them
    (migration 0007). Written by the database alone; empty on SQLite."""

    document = models.OneToOneField(
        SearchDocument,
        # ON DELETE CASCADE in the database (migration 0007).
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )

    def __str__(self):
        return str(self.document_id)
