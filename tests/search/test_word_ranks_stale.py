"""Kept word ranks left stale by a statement that changed many documents: never trusted,
written by later writes, the command and the task an import queues (search/word_ranks.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artworks.models import Artwork
from search.backends.postgres import NORMALIZATION
from search.models import WordRank, WordRankStale
from tests.factories import (
    ArticleFactory,
)
from tests.search.searching import postgres_only
from tests.search.test_word_ranks import (
    WORD_RANKS,
    hits_of,
    lanterns,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def many_artworks(count: int, title: str) -> None:
    """count artworks written by one statement (as an import writes them)."""
    Artwork.objects.bulk_create(
        Artwork(title=title, slug=f"bulk-{number}") for number in range(count)
    )


@postgres_only
def test_a_statement_changing_many_documents_leaves_their_ranks_stale(client, small_cap):
    """More than 200 documents changed by one statement: marked stale instead of ranked then,
    and searching ranks them in full, so their old kept ranks (here a title's word they no
    longer hold) never put them before others. Later writes take 200 of them each; the command
    takes the rest."""
    lanterns()
    many_artworks(450, "Lantern lantern lantern")
    assert WordRankStale.objects.count() == 450
    call_command("refresh_word_ranks", stdout=StringIO())
    assert not WordRankStale.objects.exists()
    # Their titles' word gone in one statement: 450 stale, less the 200 that the same
    # statement's upsert took (it fires the insert trigger too), with ranks as they are now.
    Artwork.objects.filter(slug__startswith="bulk-").update(title="Night", medium="Lantern soot")
    assert WordRankStale.objects.count() == 250
    hits = hits_of("q=lantern")
    ranked = list(hits._ranked(hits._found(few=False))[:30])

    with CaptureQueriesContext(connection) as queries:
        page = hits[0:30]

    assert page == ranked
    assert WORD_RANKS in queries.captured_queries[0]["sql"]
    # The stale documents' kept ranks are those of the word in their old titles, higher than
    # their ranks now.
    stale = list(WordRankStale.objects.values_list("document_id", flat=True))
    kept = dict(
        WordRank.objects.filter(document__in=stale, word="lantern").values_list("document", "rank")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ts_rank(vector, search_word_query('lantern'), %s)"
            " FROM search_searchdocument WHERE id = ANY (%s)",
            [NORMALIZATION, stale],
        )
        now = dict(cursor.fetchall())
    assert len(kept) == 250
    assert all(kept[document] > now[document] for document in stale)
    assert max(kept.values()) > ranked[-1]["rank"]  # trusted, they would be on the page

    ArticleFactory(title="Unrelated")  # a write of a few documents takes up to 200 stale ones

    assert WordRankStale.objects.count() <= 250 - 200
    call_command("refresh_word_ranks", stdout=StringIO())
    assert not WordRankStale.objects.exists()
    assert list(hits_of("q=lantern")[0:30]) == ranked
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(length(vector)) FROM search_searchdocument")  # constant SQL
        assert WordRank.objects.count() == cursor.fetchone()[0]


@postgres_only
def test_past_the_stale_cap_every_hit_is_ranked(monkeypatch):
    monkeypatch.setattr("search.backends.postgres.STALE_CAP", 100)
    lanterns()
    many_artworks(201, "Lantern")
    assert WordRankStale.objects.count() == 201
    hits = hits_of("q=lantern")

    with CaptureQueriesContext(connection) as queries:
        page = hits[0:20]

    assert page == list(hits._ranked(hits._found(few=False))[:20])
    assert WORD_RANKS not in queries.captured_queries[0]["sql"]


def test_the_refresh_command_runs_on_both_databases():
    out = StringIO()

    call_command("refresh_word_ranks", stdout=out)

    expected = "0 documents" if connection.vendor == "postgresql" else "Nothing to do"
    assert expected in out.getvalue()


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_an_import_has_the_ranks_it_left_stale_written_in_the_background():
    """imports' collection_imported (sent after an import's last batch) queues the task that
    writes every stale document's ranks (search/signals.py), once committed."""
    from imports.signals import collection_imported  # noqa: PLC0415

    many_artworks(450, "Lantern lantern lantern")
    assert WordRankStale.objects.count() == 450

    collection_imported.send(sender=None, summary=None)

    assert not WordRankStale.objects.exists()
    assert WordRank.objects.filter(word="lantern").count() == 450


def test_nothing_is_queued_on_sqlite(django_capture_on_commit_callbacks, db):
    """SQLite keeps no word ranks: an import queues no task there."""
    from imports.signals import collection_imported  # noqa: PLC0415

    with django_capture_on_commit_callbacks() as callbacks:
        collection_imported.send(sender=None, summary=None)
    assert len(callbacks) == (1 if connection.vendor == "postgresql" else 0)
