"""Importing again: nothing changes when Tate changed nothing; Tate's changes are taken."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artists.models import Artist
from artworks.models import Artwork
from imports.services import tate_collection_import
from tests.imports.tate_collections import (
    AI_WEIWEI_WORK,
    ARTISTS_IN_FIXTURE,
    ARTWORKS_IMPORTED,
    FOUR_ARTISTS_WORK,
    edit,
    read,
    subjects,
)

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def writes_in(queries) -> list[str]:
    return [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(WRITES)]


def test_a_second_run_changes_nothing(collection):
    """0 created, 0 updated, all unchanged, not one write, updated_at as it was."""
    tate_collection_import(path=collection)
    stamps = dict(Artwork.objects.values_list("pk", "updated_at"))

    with CaptureQueriesContext(connection) as queries:
        summary = tate_collection_import(path=collection)

    assert (summary.artists.created, summary.artists.updated) == (0, 0)
    assert summary.artists.unchanged == ARTISTS_IN_FIXTURE
    assert (summary.artworks.created, summary.artworks.updated) == (0, 0)
    assert summary.artworks.unchanged == ARTWORKS_IMPORTED
    assert writes_in(queries.captured_queries) == []
    assert dict(Artwork.objects.values_list("pk", "updated_at")) == stamps


def test_tates_changes_are_taken(collection):
    """A new title, medium, subjects and credits from Tate are written on the next run."""
    tate_collection_import(path=collection)
    work = read(collection, AI_WEIWEI_WORK)
    edit(
        collection,
        AI_WEIWEI_WORK,
        title="Table and Pillar (revised)",
        medium="Wood (Qing dynasty)",
        dimensions="unconfirmed: 4610 x 900 x 900 mm",
        subjects=subjects("table", "temple"),
        contributors=[*work["contributors"], dict(work["contributors"][0], id=39, role="after")],
    )
    edit(collection, "artists/a/ai-weiwei-8208.json", mda="Ai Weiwei")

    summary = tate_collection_import(path=collection)

    assert (summary.artworks.updated, summary.artworks.unchanged) == (1, ARTWORKS_IMPORTED - 1)
    assert (summary.artists.updated, summary.artists.unchanged) == (1, ARTISTS_IN_FIXTURE - 1)
    table = Artwork.objects.get(tate_id=93227)
    assert str(table.caption) == (
        "Ai Weiwei and after William Blake, Table and Pillar (revised) (2002)\n"
        "Wood (Qing dynasty), 4610 x 900 x 900 mm (unconfirmed)"
    )
    assert table.height == 4610
    assert sorted(table.tags.names()) == ["table", "temple"]
    assert Artist.objects.get(tate_id=8208).sort_name == "Ai Weiwei"


def test_credits_in_a_new_order_are_rewritten(collection):
    """Tate reorders the four artists of English Rose (displayOrder): the byline follows."""
    tate_collection_import(path=collection)
    contributors = read(collection, FOUR_ARTISTS_WORK)["contributors"]
    for contributor in contributors:
        contributor["displayOrder"] = 10 - contributor["displayOrder"]
    edit(collection, FOUR_ARTISTS_WORK, contributors=contributors)

    tate_collection_import(path=collection)

    names = [c.artist.name for c in Artwork.objects.get(tate_id=22185).credited_artists()]
    assert names == ["Gillian Wearing OBE", "Georgina Starr", "Carl Freedman", "Tracey Emin"]
