"""The artist page's object and movements read with SQL written once (artists/page_parts.py)
are what `select_related("portrait").prefetch_related("tags")` gives: the same values, in the
same caches, recorded by the page cache the same way; hostile text comes back as stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artists.models import Artist
from artists.page_parts import load_artist
from pagecache.tracking import Recorder
from tests.factories import ArtistFactory, ImageFactory

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE artists_artist; -- %s %(x)s \" <b>&amp;</b> \\ Ünïcödé 🎨"


def values(obj) -> dict:
    return {key: value for key, value in vars(obj).items() if not key.startswith("_")}


def shape(artist: Artist) -> list:
    return [
        values(artist),
        artist.portrait and values(artist.portrait),
        artist.portrait_picture(),
        [values(tag) for tag in artist.tags.all()],
    ]


def related(artist: Artist) -> Artist:
    return Artist.objects.select_related("portrait").prefetch_related("tags").get(slug=artist.slug)


@pytest.fixture
def artist():
    ArtistFactory(slug="another")  # not read
    return ArtistFactory(
        name=HOSTILE,
        bio=f"<p>{HOSTILE}</p>",
        slug="hannah-höch",
        portrait=ImageFactory(),
        portrait_alt_text=HOSTILE,
        tags=["Dada", "apple", HOSTILE[:90]],
    )


def test_the_artist_is_what_the_related_reads_give(artist):
    assert shape(load_artist(artist.slug)) == shape(related(artist))


def test_an_artist_without_portrait_or_movements():
    bare = ArtistFactory()
    loaded = load_artist(bare.slug)
    assert loaded.portrait is None
    assert shape(loaded) == shape(related(bare))


def test_an_unknown_or_hostile_slug_is_none(artist):
    assert load_artist("nobody") is None
    assert load_artist(HOSTILE) is None
    assert Artist.objects.filter(pk=artist.pk).exists()


def test_hostile_text_comes_back_as_stored(artist):
    loaded = load_artist(artist.slug)
    assert (loaded.name, loaded.portrait_alt_text) == (HOSTILE, HOSTILE)
    assert HOSTILE[:90] in [tag.name for tag in loaded.tags.all()]


def test_two_queries_then_none(artist, django_assert_num_queries):
    with django_assert_num_queries(2):
        loaded = load_artist(artist.slug)
    with CaptureQueriesContext(connection) as later:
        shape(loaded)
    assert len(later) == 0


def test_the_page_cache_records_what_the_related_reads_record(artist):
    with Recorder() as expected:
        shape(related(artist))
    with Recorder() as recorded:
        shape(load_artist(artist.slug))

    assert recorded == expected
