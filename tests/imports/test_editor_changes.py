"""An editor's changes to an imported record survive every later import; the fields the
editor left alone keep following Tate."""

import pytest

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.services import tate_collection_import
from tests.imports.tate_collections import AI_WEIWEI_WORK, edit, subjects

pytestmark = pytest.mark.django_db


def test_an_editors_changes_survive_a_reimport(collection):
    """Title, height, tags and credits edited by hand stay; the medium Tate changed follows."""
    tate_collection_import(path=collection)
    table = Artwork.objects.get(tate_id=93227)
    table.title = "Table and Pillar (Ai Weiwei, 2002)"
    table.height = 4500
    table.save()
    table.tags.set(["furniture"])
    table.artist_credits.update(role=ArtworkArtist.Role.ATTRIBUTED_TO)
    edit(
        collection,
        AI_WEIWEI_WORK,
        title="Table and Pillar II",
        medium="Wood from a Qing dynasty temple",
        dimensions="unconfirmed: 4610 x 910 x 900 mm",
        subjects=subjects("column", "table", "temple"),
    )

    summary = tate_collection_import(path=collection)

    table.refresh_from_db()
    assert table.title == "Table and Pillar (Ai Weiwei, 2002)"
    assert table.height == 4500
    assert list(table.tags.names()) == ["furniture"]
    assert table.credited_artists()[0].role == ArtworkArtist.Role.ATTRIBUTED_TO
    assert table.medium == "Wood from a Qing dynasty temple"
    assert table.width == 910  # not touched by the editor: follows Tate
    assert table.dimensions_display == "4610 x 910 x 900 mm (unconfirmed)"
    assert (summary.artworks.updated, summary.artworks.kept_editor_changes) == (1, 1)


def test_changes_survive_when_tate_changed_nothing(collection):
    """Re-importing the same data leaves an edited record as the editor left it, unwritten."""
    tate_collection_import(path=collection)
    Artwork.objects.filter(tate_id=93227).update(title="Edited")
    turner = Artist.objects.get(tate_id=558)
    turner.name = "J.M.W. Turner"
    turner.save()

    summary = tate_collection_import(path=collection)

    assert Artwork.objects.get(tate_id=93227).title == "Edited"
    assert Artist.objects.get(tate_id=558).name == "J.M.W. Turner"
    assert summary.artworks.updated == summary.artists.updated == 0
    assert summary.artworks.kept_editor_changes == summary.artists.kept_editor_changes == 1


def test_a_field_the_editor_emptied_stays_empty(collection):
    """Clearing a field is a change too: the import does not fill it again."""
    tate_collection_import(path=collection)
    Artwork.objects.filter(tate_id=93227).update(copyright_line="", credit_line="")

    tate_collection_import(path=collection)

    table = Artwork.objects.get(tate_id=93227)
    assert (table.copyright_line, table.credit_line) == ("", "")


def test_an_editor_who_types_tates_new_value_hands_the_field_back(collection):
    """When the editor's value and Tate's agree, later changes from Tate are taken again."""
    tate_collection_import(path=collection)
    Artwork.objects.filter(tate_id=93227).update(title="Table and Pillar II")
    edit(collection, AI_WEIWEI_WORK, title="Table and Pillar II")
    tate_collection_import(path=collection)
    edit(collection, AI_WEIWEI_WORK, title="Table and Pillar III")

    tate_collection_import(path=collection)

    assert Artwork.objects.get(tate_id=93227).title == "Table and Pillar III"


def test_records_made_by_hand_are_never_touched(collection):
    """An artist with the same name but no Tate id is another record: the import adds its own."""
    by_hand = Artist.objects.create(name="Ai Weiwei", sort_name="Ai Weiwei", slug="ai-weiwei")

    tate_collection_import(path=collection)

    by_hand.refresh_from_db()
    assert (by_hand.tate_id, by_hand.sort_name, by_hand.birth_year) == (None, "Ai Weiwei", None)
    assert Artist.objects.get(tate_id=8208).slug == "ai-weiwei-8208"
