"""The artwork page's object and parts read with SQL written once (artworks/page_parts.py) are
what `prefetch_related("images", "artist_credits__artist", "tags")` gives: the same rows,
values and order, in the same caches, recorded by the page cache the same way; hostile text in
every part comes back as stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artworks.models import Artwork
from artworks.page_parts import load_artwork
from pagecache.tracking import Recorder
from tests.factories import (
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE artworks_artwork; -- %s %(x)s \" <b>&amp;</b> \\ Ünïcödé 🎨"


def values(obj) -> dict:
    return {key: value for key, value in vars(obj).items() if not key.startswith("_")}


def shape(artwork: Artwork) -> list:
    """Everything the page reads of the artwork and its parts, as plain values."""
    return [
        values(artwork),
        [(values(image), values(image.image)) for image in artwork.images.all()],
        [(values(credit), values(credit.artist)) for credit in artwork.artist_credits.all()],
        [values(tag) for tag in artwork.tags.all()],
        artwork.caption,
        artwork.primary_image and artwork.primary_image.picture(),
    ]


def prefetched(artwork: Artwork) -> Artwork:
    return Artwork.objects.prefetch_related("images", "artist_credits__artist", "tags").get(
        slug=artwork.slug
    )


@pytest.fixture
def artwork():
    artwork = ArtworkFactory(
        title=HOSTILE, medium=HOSTILE, slug="künstler-werk", tags=["Zebra", "apple", HOSTILE[:90]]
    )
    ArtworkArtistFactory(artwork=artwork, position=1, artist=ArtistFactory(name=HOSTILE))
    ArtworkArtistFactory(artwork=artwork, position=0, role_text=HOSTILE)
    ArtworkImageFactory(artwork=artwork, position=1, alt_text=HOSTILE, credit=HOSTILE)
    ArtworkImageFactory(artwork=artwork, position=0, decorative=True, alt_text="")
    ArtworkImageFactory(artwork=artwork, position=0, alt_text="same position, later")
    ArtworkFactory(slug="another")  # not read
    return artwork


def test_the_parts_are_what_the_prefetch_gives(artwork):
    assert shape(load_artwork(artwork.slug)) == shape(prefetched(artwork))


def test_an_artwork_without_parts():
    bare = ArtworkFactory()
    assert shape(load_artwork(bare.slug)) == shape(prefetched(bare))


def test_an_unknown_or_hostile_slug_is_none(artwork):
    assert load_artwork("nothing-here") is None
    assert load_artwork(HOSTILE) is None
    assert Artwork.objects.filter(pk=artwork.pk).exists()


def test_hostile_text_comes_back_as_stored(artwork):
    loaded = load_artwork(artwork.slug)
    assert (loaded.title, loaded.medium) == (HOSTILE, HOSTILE)
    assert HOSTILE in [credit.artist.name for credit in loaded.artist_credits.all()]
    assert HOSTILE in [image.alt_text for image in loaded.images.all()]


def test_four_queries_then_none(artwork, django_assert_num_queries):
    """The artwork, its images with their pictures, its credits with their artists, its
    subjects; the page then reads every part from the caches."""
    with django_assert_num_queries(4):
        loaded = load_artwork(artwork.slug)
    with CaptureQueriesContext(connection) as later:
        shape(loaded)
    assert len(later) == 0


def test_the_page_cache_records_what_the_prefetch_records(artwork):
    with Recorder() as expected:
        shape(prefetched(artwork))
    with Recorder() as recorded:
        shape(load_artwork(artwork.slug))

    assert recorded == expected
