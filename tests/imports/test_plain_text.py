"""Text from Tate's files is stored clean, as a save would store it: the import writes in bulk,
past save(), so it cleans where it reads the records."""

import pytest
from taggit.models import Tag

from artists.models import Artist
from artworks.models import Artwork
from imports.services import tate_collection_import
from tests.imports.tate_collections import AI_WEIWEI, AI_WEIWEI_WORK, edit, subjects

pytestmark = pytest.mark.django_db

AI_WEIWEI_FILE = "artists/a/ai-weiwei-8208.json"


def test_control_characters_surrogates_and_decomposed_accents_are_cleaned(collection):
    """A vertical tab, a form feed, a lone surrogate (valid JSON: "\\ud800") and "e" with a
    combining accent come out as the text a person typed."""
    edit(
        collection,
        AI_WEIWEI_WORK,
        title="Table\x0b and\ud800 Pillar\x0c ",
        medium="Wood\x1b (Qing\x85 dynasty)",
        creditLine="Presented\r\nby the artist",
        subjects=subjects("Cafe\u0301\x0b", "\x0cfurniture"),
    )
    edit(
        collection,
        AI_WEIWEI_FILE,
        fc="Ai\x0b Weiwei",
        mda="Ai,\x7f Weiwei",
        birth={"time": {"startYear": 1957}, "place": {"name": "Beiji\x00ng\ufffe"}},
    )

    tate_collection_import(path=collection)

    work = Artwork.objects.get(tate_id=93227)
    assert (work.title, work.medium) == ("Table and Pillar", "Wood (Qing dynasty)")
    assert work.credit_line == "Presented by the artist"
    assert sorted(work.tags.values_list("name", flat=True)) == ["Café", "furniture"]
    assert not Tag.objects.filter(name__contains="\x0b").exists()
    artist = Artist.objects.get(tate_id=AI_WEIWEI)
    assert (artist.name, artist.sort_name, artist.birth_place) == (
        "Ai Weiwei",
        "Ai, Weiwei",
        "Beijing",
    )
