"""Tags from imported data: found whatever their case, made with unique slugs."""

import pytest
from taggit.models import Tag

from artworks.models import Artwork
from imports.services import tate_collection_import
from imports.tags import TagResolver
from tests.imports.tate_collections import AI_WEIWEI_WORK, ARTWORKS_IMPORTED, edit, subjects

pytestmark = pytest.mark.django_db


def test_existing_tags_are_found_whatever_their_case_accents_included(collection):
    """An editor's "Österreich" and "Table" are Tate's "österreich" and "table" (SQLite's
    LOWER() would fold only the T)."""
    existing = [
        Tag.objects.create(name=name, slug=name.lower()) for name in ("Österreich", "Table")
    ]
    edit(collection, AI_WEIWEI_WORK, subjects=subjects("österreich", "table"))

    tate_collection_import(path=collection)

    assert set(Artwork.objects.get(tate_id=93227).tags.all()) == set(existing)
    assert Tag.objects.filter(name__iexact="table").count() == 1
    assert tate_collection_import(path=collection).artworks.unchanged == ARTWORKS_IMPORTED


def test_new_tags_get_unique_slugs():
    """A slug taken by a tag of another name: the new tag's slug is numbered."""
    Tag.objects.create(name="Turkey (the country)", slug="turkey")

    ids = TagResolver().ids(["turkey", "Turkey", "GOD", "god"])

    assert set(ids) == {"turkey", "god"}
    assert Tag.objects.get(pk=ids["turkey"]).slug == "turkey-2"
    assert Tag.objects.filter(slug__startswith="god").count() == 1
