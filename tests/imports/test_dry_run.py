"""--dry-run reads and compares everything and writes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from artists.models import Artist
from artworks.models import Artwork
from imports.services import tate_collection_import
from tests.imports.tate_collections import (
    AI_WEIWEI_WORK,
    ARTISTS_IMPORTED,
    ARTWORKS_IMPORTED,
    NOTES_OF_FIXTURE,
    edit,
)
from tests.imports.test_reimport import writes_in

pytestmark = pytest.mark.django_db


def test_a_dry_run_writes_nothing_and_counts_what_it_would_create(collection):
    """On an empty site: every record 'would be created', and not one row is written."""
    with CaptureQueriesContext(connection) as queries:
        summary = tate_collection_import(path=collection, dry_run=True)

    assert writes_in(queries.captured_queries) == []
    assert not (Artist.objects.exists() or Artwork.objects.exists() or Tag.objects.exists())
    assert summary.dry_run
    assert (summary.artists.created, summary.artworks.created) == (
        ARTISTS_IMPORTED,
        ARTWORKS_IMPORTED,
    )
    assert summary.skipped == []
    assert summary.notes == NOTES_OF_FIXTURE
    assert "would be created" in str(summary)


def test_a_dry_run_counts_what_it_would_update(collection):
    """After an import, a changed file 'would be updated'; the record stays as it is."""
    tate_collection_import(path=collection)
    edit(collection, AI_WEIWEI_WORK, title="Table and Pillar II")

    with CaptureQueriesContext(connection) as queries:
        summary = tate_collection_import(path=collection, dry_run=True)

    assert writes_in(queries.captured_queries) == []
    assert (summary.artworks.updated, summary.artworks.unchanged) == (1, ARTWORKS_IMPORTED - 1)
    assert Artwork.objects.get(tate_id=93227).title == "Table and Pillar"
