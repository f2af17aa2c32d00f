"""The catalogue of the database's names: read once per process, rebuilt when names change (a
save, a delete, a credit, an import), whichever process changed them (the version is in the
shared cache), and never a query while nothing changed."""

import pytest
from django.core.cache import cache

from featuring import catalogue
from featuring.matching import find_mentions
from imports.signals import collection_imported
from tests.factories import ArtistFactory, ArtworkArtistFactory, ArtworkFactory

pytestmark = pytest.mark.django_db

BODY = "<p>Barbara Hepworth carved <em>Pelagos</em> in 1946.</p>"


@pytest.fixture
def hepworth():
    artist = ArtistFactory(name="Dame Barbara Hepworth", sort_name="Hepworth, Dame Barbara")
    artwork = ArtworkFactory(title="Pelagos")
    ArtworkArtistFactory(artwork=artwork, artist=artist)
    return artist, artwork


def found(body=BODY) -> list[tuple[str, int]]:
    return [(m.kind, m.object_id) for m in find_mentions("", "", body)]


def test_the_database_names_are_found(hepworth):
    artist, artwork = hepworth
    assert found() == [("artist", artist.pk), ("artwork", artwork.pk)]


def test_no_query_while_nothing_changed(hepworth, django_assert_num_queries):
    found()
    with django_assert_num_queries(0):
        found()


def test_a_renamed_artist_is_found_by_the_new_name(hepworth, django_capture_on_commit_callbacks):
    artist, _ = hepworth
    found()
    with django_capture_on_commit_callbacks(execute=True):
        artist.name, artist.sort_name = "Barbara Skeaping", "Skeaping, Barbara"
        artist.save()
    assert found("<p>Barbara Skeaping and Barbara Hepworth.</p>") == [("artist", artist.pk)]


def test_the_version_changes_again_on_commit(hepworth, django_capture_on_commit_callbacks):
    """At once, and again when the rename commits: a process that rebuilt in between read the
    old name."""
    artist, _ = hepworth
    found()
    before = catalogue.version()
    with django_capture_on_commit_callbacks() as callbacks:
        artist.name = "Barbara Skeaping"
        artist.save()
    between = catalogue.version()
    assert between != before
    assert catalogue.names_changed in callbacks
    for callback in callbacks:
        callback()
    assert catalogue.version() not in (before, between)


def test_a_save_that_changes_no_name_keeps_the_catalogue(
    hepworth, django_capture_on_commit_callbacks
):
    """A bio or a date edited, a credit saved again: rebuilding 70,000 titles is not free."""
    artist, artwork = hepworth
    found()
    built = catalogue.current()
    with django_capture_on_commit_callbacks(execute=True):
        artist.bio, artist.birth_year = "<p>Sculptor.</p>", 1903
        artist.save()
        artwork.medium = "Wood and strings"
        artwork.save()
        artwork.artist_credits.get().save()
    assert catalogue.current() is built


def test_a_deleted_artwork_is_found_no_more(hepworth, django_capture_on_commit_callbacks):
    _, artwork = hepworth
    found()
    with django_capture_on_commit_callbacks(execute=True):
        artwork.delete()
    assert ("artwork", artwork.pk) not in found()


def test_a_new_credit_counts(hepworth, django_capture_on_commit_callbacks):
    """A title shared by two artworks is decided by the artist credited on one of them."""
    artist, _ = hepworth
    other = ArtworkFactory(title="Oval Sculpture")
    ArtworkFactory(title="Oval Sculpture")
    body = "<p>Barbara Hepworth's <em>Oval Sculpture</em>.</p>"
    assert ("artwork", other.pk) not in found(body)
    with django_capture_on_commit_callbacks(execute=True):
        ArtworkArtistFactory(artwork=other, artist=artist)
    assert ("artwork", other.pk) in found(body)


def test_an_import_changes_the_version_every_process_reads(
    hepworth, django_capture_on_commit_callbacks
):
    """Imports write in bulk, without model signals: their own signal says so."""
    found()
    before = catalogue.version()
    with django_capture_on_commit_callbacks(execute=True):
        collection_imported.send(sender=None, summary=None)
    assert catalogue.version() != before


def test_another_process_sees_the_change(hepworth):
    """A process that built its catalogue before another changed the names rebuilds: the
    version it was built at is no longer the cache's."""
    artist, _ = hepworth
    found()
    built = catalogue.current()
    cache.set(catalogue.VERSION_KEY, "changed elsewhere", timeout=None)
    assert catalogue.current() is not built
    assert catalogue.current() is catalogue.current()


def test_a_site_without_artists_finds_nothing():
    assert find_mentions("Ai Weiwei", "Hepworth", BODY) == []


def test_an_empty_cache_is_a_new_version():
    """A cache cleared or restarted: the names are read again, once."""
    first = catalogue.current()
    cache.clear()
    assert catalogue.current() is not first
