"""Records written in bulk by the Tate import (bulk_create, no signals) are searched at once, on
both databases: the index is kept by the database's triggers."""

import pytest

from artists.models import Artist
from artworks.models import Artwork
from imports.services import tate_collection_import
from tests.imports.tate_collections import FIXTURE
from tests.search.searching import found

pytestmark = pytest.mark.django_db


def test_imported_artists_and_artworks_are_found(client):
    tate_collection_import(path=FIXTURE)
    turner = Artist.objects.get(tate_id=558)
    work = Artwork.objects.get(tate_id=93227)

    assert turner.get_absolute_url() in found(client, "Turner", kind="artists")
    assert turner.get_absolute_url() in found(client, "Turnner", kind="artists")  # misspelt
    assert work.get_absolute_url() in found(client, work.title, kind="artworks")
