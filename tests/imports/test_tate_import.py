"""Importing the fixture of real Tate records: what editors and readers get."""

from decimal import Decimal

import pytest

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.services import tate_collection_import
from tests.factories import ArtworkFactory
from tests.imports.tate_collections import (
    ARTISTS_IMPORTED,
    ARTWORKS_IMPORTED,
    FIXTURE,
)

pytestmark = pytest.mark.django_db

Role = ArtworkArtist.Role


def test_the_fixture_imports_every_record():
    """Every artist and every artwork is created, those credited without an artist file too."""
    summary = tate_collection_import(path=FIXTURE)

    assert (summary.artists.created, summary.artists.skipped) == (ARTISTS_IMPORTED, 0)
    assert (summary.artworks.created, summary.artworks.skipped) == (ARTWORKS_IMPORTED, 0)
    assert Artist.objects.count() == ARTISTS_IMPORTED
    assert Artwork.objects.count() == ARTWORKS_IMPORTED
    assert summary.skipped == []


def test_an_artwork_gets_every_field():
    """Ai Weiwei's Table and Pillar: the caption, the structured size, subjects, the Tate page."""
    tate_collection_import(path=FIXTURE)

    work = Artwork.objects.get(tate_id=93227)
    assert str(work.caption) == (
        "Ai Weiwei, Table and Pillar (2002)\nWood, 4600 x 900 x 900 mm (unconfirmed)"
    )
    assert (work.height, work.width, work.depth, work.unit) == (
        Decimal("4600"),
        Decimal("900"),
        Decimal("900"),
        "mm",
    )
    assert (work.earliest_year, work.latest_year) == (2002, 2002)
    assert work.accession_number == "T12809"
    assert work.classification == "sculpture"
    assert work.credit_line.startswith("Purchased with funds provided by the Asia Pacific")
    assert work.copyright_line == "© Ai Weiwei"
    assert work.source_url == "https://www.tate.org.uk/art/artworks/ai-table-and-pillar-t12809"
    assert sorted(work.tags.names()) == ["column", "table"]
    assert work.slug == "table-and-pillar"
    assert work.images.count() == 0


def test_an_artist_gets_every_field():
    """Turner: sort name, life dates and places, movements, the Tate page."""
    tate_collection_import(path=FIXTURE)

    turner = Artist.objects.get(tate_id=558)
    assert (turner.name, turner.sort_name, turner.sort_initial) == (
        "Joseph Mallord William Turner",
        "Turner, Joseph Mallord William",
        "T",
    )
    assert (turner.birth_year, turner.death_year) == (1775, 1851)
    assert (turner.birth_place, turner.death_place) == (
        "London, United Kingdom",
        "Chelsea, United Kingdom",
    )
    assert sorted(turner.tags.names()) == ["Picturesque", "Romanticism", "Sublime"]
    assert (
        turner.source_url == "https://www.tate.org.uk/art/artists/joseph-mallord-william-turner-558"
    )
    assert turner.slug == "joseph-mallord-william-turner"


def test_contributors_keep_their_order_and_roles():
    """Four artists in Tate's order; 'after', 'attributed to', 'pseudo' and 'and studio'."""
    tate_collection_import(path=FIXTURE)

    english_rose = Artwork.objects.get(tate_id=22185)
    assert [credit.artist.name for credit in english_rose.credited_artists()] == [
        "Tracey Emin",
        "Carl Freedman",
        "Georgina Starr",
        "Gillian Wearing OBE",
    ]
    roles = {
        tate_id: Artwork.objects.get(tate_id=tate_id).credited_artists()[0].role
        for tate_id in (17053, 23336, 24544, 12411)
    }
    assert roles == {
        17053: Role.AFTER,
        23336: Role.ATTRIBUTED_TO,
        24544: Role.PSEUDO,
        12411: Role.AND_STUDIO,
    }
    assert Artwork.objects.get(tate_id=12411).caption.line1 == (
        "Sir Joshua Reynolds and studio, Portrait of a Lady"
    )


def test_dirty_fields_are_imported_as_well_as_they_can_be():
    """No units, no classification, no dimensions, no date: the rest of the record is kept."""
    tate_collection_import(path=FIXTURE)

    undated = Artwork.objects.get(tate_id=99456)  # "no date"; "122 x 108 mm", no units field
    assert (undated.date_display, undated.earliest_year) == ("", None)
    assert (undated.dimensions_display, undated.height, undated.unit) == (
        "122 x 108 mm",
        Decimal("122"),
        "mm",
    )
    unclassified = Artwork.objects.get(tate_id=1755)
    assert (unclassified.classification, unclassified.width) == ("", Decimal("130"))
    no_size = Artwork.objects.get(tate_id=1508)
    assert (no_size.dimensions_display, no_size.date_display) == ("", "")
    variable = Artwork.objects.get(tate_id=98482)
    assert variable.dimensions_display == "overall display dimensions variable"
    printed = Artwork.objects.get(tate_id=97277)
    assert (printed.date_display, printed.earliest_year, printed.latest_year) == (
        "1985, printed 1990",
        1985,
        1990,
    )
    assert Artist.objects.get(tate_id=0).name == "Edwin Austin Abbey"


def test_a_taken_slug_gets_the_tate_id():
    """An artwork already at /artworks/table-and-pillar/ keeps it; the import takes another."""
    ArtworkFactory(slug="table-and-pillar")

    tate_collection_import(path=FIXTURE)

    assert Artwork.objects.get(tate_id=93227).slug == "table-and-pillar-93227"


def test_imported_records_pass_the_admins_validation():
    """What the import writes is what an editor could have saved (every record of the fixture
    checked: an import that wrote nothing fails here, not passes)."""
    tate_collection_import(path=FIXTURE)

    artworks, artists = list(Artwork.objects.all()), list(Artist.objects.all())
    credits = list(ArtworkArtist.objects.all())
    assert (len(artworks), len(artists)) == (ARTWORKS_IMPORTED, ARTISTS_IMPORTED)
    assert len(credits) >= ARTWORKS_IMPORTED  # every artwork credits at least one artist
    for record in [*artworks, *artists, *credits]:
        record.full_clean()
