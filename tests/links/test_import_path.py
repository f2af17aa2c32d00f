"""An import writes artists and artworks in bulk, without model signals: the inventory hears the
imports' domain signal and syncs what the import wrote, a chunk of 500 in a few queries, never
a query per record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artworks.models import Artwork
from imports.services import tate_collection_import
from imports.signals import collection_imported
from links import inventory
from links.models import Link, LinkUse
from links.sources import source_of
from tests.imports.tate_collections import copy_fixture
from tests.links.inventory_helpers import uses_of

pytestmark = pytest.mark.django_db


def test_an_imports_artworks_and_artists_are_inventoried(tmp_path):
    tate_collection_import(path=copy_fixture(tmp_path / "tate"))

    artworks = Artwork.objects.exclude(source_url="")
    assert artworks.exists()
    for artwork in artworks:
        assert uses_of(artwork) == {("source URL", artwork.source_url)}
    assert Link.objects.filter(host="www.tate.org.uk").count() == LinkUse.objects.count()


def test_a_dry_run_inventories_nothing(tmp_path):
    tate_collection_import(path=copy_fixture(tmp_path / "tate"), dry_run=True)

    assert not LinkUse.objects.exists()


def _bulk_artworks(count: int, first: int = 0) -> None:
    """Written as the import writes them: bulk_create, no signal."""
    Artwork.objects.bulk_create(
        [
            Artwork(
                title=f"Work {n}",
                slug=f"work-{n}",
                tate_id=700_000 + n,
                source_url=f"https://www.tate.org.uk/art/artworks/work-T{n:05d}",
            )
            for n in range(first, first + count)
        ]
    )


def _queries_of_the_signal() -> int:
    with CaptureQueriesContext(connection) as queries:
        collection_imported.send(sender=None, summary=None)
    return len(queries)


def test_the_queries_grow_with_chunks_not_with_records():
    """1,200 artworks (three chunks) cost as many queries as three chunks, each a handful."""
    _bulk_artworks(1200)
    assert not LinkUse.objects.exists()  # bulk writes send no signal

    queries = _queries_of_the_signal()

    assert LinkUse.objects.count() == Link.objects.count() == 1200
    assert queries <= 3 * 8 + 8  # chunks x (read, uses, savepoint, links, uses) + the rest
    assert _queries_of_the_signal() <= 3 * 2 + 4  # nothing changed: a read or two a chunk


def test_a_bulk_sync_reads_only_the_fields_it_needs():
    _bulk_artworks(3)

    with CaptureQueriesContext(connection) as queries:
        inventory.sync_all(source_of(Artwork))

    first = queries.captured_queries[0]["sql"].lower()
    assert "source_url" in first and "title" not in first
