"""The reads of artwork cards and of the lists the artist, artwork and tag pages show, written
once per process (artworks/card_reads.py, artists/index.py), give the rows the querysets they
replace gave: the same rows in the same order, limits and exclusions included; values are bound,
so hostile text is only ever data."""

import pytest

from artists.index import index_entries, tagged_entries
from artists.models import Artist
from artworks import card_reads
from artworks.cards import CARD_COLUMNS
from artworks.models import Artwork, ArtworkArtist, ArtworkImage
from tests.factories import ArtistFactory, ArtworkArtistFactory, ArtworkFactory, ArtworkImageFactory

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE artworks_artwork; -- %s %(x)s \" <b>&amp;</b> \\ Ünïcödé 🎨"
DB = Artwork.objects.db


@pytest.fixture
def works():
    """Two artists sharing some works (one credited twice on one), ties of year and title."""
    one, two = ArtistFactory(name=HOSTILE), ArtistFactory()
    made = []
    for i, (title, year) in enumerate(
        [("Untitled", 1960), ("Untitled", 1960), (HOSTILE, None), ("B", 1950), ("A", 1950)]
        + [(f"Work {n}", 1900 + n) for n in range(8)]
    ):
        work = ArtworkFactory(title=title, earliest_year=year, tags=["Clay"] if i % 2 else [])
        ArtworkArtistFactory(artwork=work, artist=one if i % 3 else two)
        if i % 4 == 0:
            ArtworkArtistFactory(artwork=work, artist=two, role=ArtworkArtist.Role.AFTER)
        if i == 5:
            ArtworkArtistFactory(artwork=work, artist=one, role_text=HOSTILE)
        made.append(work)
    return one, two, made


def rows(queryset):
    return [tuple(row) for row in queryset.values_list(*CARD_COLUMNS)]


@pytest.mark.parametrize("limit", [3, 48])
def test_an_artists_works(works, limit):
    for artist in works[:2]:
        expected = Artwork.objects.filter(artists=artist).distinct()
        expected = expected.order_by("earliest_year", "title")[:limit]
        assert card_reads.by_artist(DB, artist.pk, limit) == rows(expected)


@pytest.mark.parametrize("limit", [2, 12])
def test_other_works_by_an_artworks_artists(works, limit):
    one, two, made = works
    for artwork in made[:5]:
        ids = list(artwork.artist_credits.values_list("artist_id", flat=True))
        expected = Artwork.objects.filter(artists__in=ids).exclude(pk=artwork.pk).distinct()
        expected = expected.order_by("earliest_year", "title")[:limit]
        assert card_reads.by_artists_except(DB, ids, artwork.pk, limit) == rows(expected)
    assert card_reads.by_artists_except(DB, [], made[0].pk, 12) == []


def test_a_tags_artworks_and_artists(works):
    one, two, _ = works
    one.tags.add("Clay")
    ArtistFactory(name="Émile", sort_name="émile", tags=["Clay"])
    ArtistFactory(name="anna", sort_name="anna", tags=["Clay"])
    for limit in (2, 24):
        expected = Artwork.objects.filter(tags__slug="clay")[:limit]
        assert card_reads.tagged(DB, "clay", limit) == rows(expected)
        artists = Artist.objects.filter(tags__slug="clay")[:limit]
        assert tagged_entries("clay", limit) == index_entries(artists)
    assert card_reads.tagged(DB, HOSTILE, 24) == []
    assert tagged_entries(HOSTILE, 24) == []
    assert Artwork.objects.exists()


def test_credits_and_images_by_artwork(works):
    _, _, made = works
    ArtworkImageFactory(artwork=made[0], position=2, alt_text=HOSTILE)
    ArtworkImageFactory(artwork=made[0], position=1, decorative=True, alt_text="")
    ArtworkImageFactory(artwork=made[1], position=0)
    ids = [work.pk for work in made]
    credits = (
        ArtworkArtist.objects.filter(artwork_id__in=ids)
        .order_by("artwork_id", "position", "pk")
        .values_list("artwork_id", "artist_id", "role", "role_text", "artist__name")
    )
    assert card_reads.credits(DB, ids) == list(credits)
    images = (
        ArtworkImage.objects.filter(artwork_id__in=ids)
        .order_by("artwork_id", "position", "pk")
        .values_list(
            "artwork_id",
            "alt_text",
            "decorative",
            "image_id",
            "image__file",
            "image__width",
            "image__height",
            "image__renditions",
        )
    )
    assert card_reads.images(DB, ids) == list(images)
    assert card_reads.credits(DB, []) == card_reads.images(DB, []) == []
