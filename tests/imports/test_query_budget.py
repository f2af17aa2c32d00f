"""No query per record: a batch takes as many queries with 50 records as with 10."""

import shutil

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from artists.models import Artist
from artworks.models import Artwork
from imports.batches import BatchWriter
from imports.services import tate_collection_import
from tests.imports.tate_collections import FIXTURE, add_artworks, edit, read

pytestmark = pytest.mark.django_db

RECORDS = 50


def collection_of_50(target):
    """The fixture's 24 artists and 50 artworks, each with a subject of its own."""
    shutil.copytree(FIXTURE / "artists", target / "artists")
    add_artworks(target, RECORDS)
    return target


def revise(collection):
    """Tate changes every artwork: title, credits, subjects."""
    for path in sorted(collection.glob("artworks/*/*/*.json")):
        name = str(path.relative_to(collection))
        data = read(collection, name)
        edit(
            collection,
            name,
            title=data["title"] + " (revised)",
            contributors=data["contributors"][:1],
            subjects={"id": 1, "name": "subject", "children": []},
        )


def queries_per_batch(monkeypatch, collection, batch_size: int) -> dict[str, list[int]]:
    """{'artist': [the queries of each batch], 'artwork': [...]} for one import."""
    counts: dict[str, list[int]] = {"artist": [], "artwork": []}
    write = BatchWriter.write

    def counting(self, batch):
        with CaptureQueriesContext(connection) as queries:
            write(self, batch)
        counts[self.kind].append(len(queries))

    with monkeypatch.context() as patch:
        patch.setattr(BatchWriter, "write", counting)
        tate_collection_import(path=collection, batch_size=batch_size)
    return counts


def start_afresh():
    Artwork.objects.all().delete()
    Artist.objects.all().delete()
    Tag.objects.all().delete()


def test_creating_takes_as_many_queries_a_batch_with_more_records(monkeypatch, tmp_path):
    """Batches of 10 new artworks, then one of 50: no batch takes more than the first of 10."""
    collection = collection_of_50(tmp_path)

    small = queries_per_batch(monkeypatch, collection, 10)
    start_afresh()
    large = queries_per_batch(monkeypatch, collection, RECORDS)

    assert (len(small["artwork"]), len(large["artwork"])) == (5, 1)
    assert large["artwork"][0] == max(small["artwork"])
    assert (len(small["artist"]), len(large["artist"])) == (3, 1)
    assert large["artist"][0] == max(small["artist"])


def test_updating_takes_as_many_queries_a_batch_with_more_records(monkeypatch, tmp_path):
    """Every artwork changed by Tate (title, credits, subjects): the same, 10 or 50 a batch."""
    original = collection_of_50(tmp_path / "original")
    revised = collection_of_50(tmp_path / "revised")
    revise(revised)

    tate_collection_import(path=original)
    small = queries_per_batch(monkeypatch, revised, 10)["artwork"]
    start_afresh()
    tate_collection_import(path=original)
    large = queries_per_batch(monkeypatch, revised, RECORDS)["artwork"]

    assert (len(small), len(large)) == (5, 1)
    assert large == [max(small)] == [min(small)]
