"""Credits of Tate's full collection that the sample lacks: a role we have no value for is
imported in Tate's words, and a contributor without an artist file becomes an artist from what
the artwork says of them; no work is lost, the summary says what was done."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.services import tate_collection_import
from imports.tate.writers import CREDIT_LEFT_OUT_NOTE, MADE_ARTIST_NOTE
from tests.factories import ArtistFactory, ArtworkFactory
from tests.imports.tate_collections import (
    AI_WEIWEI_WORK,
    ARTWORKS_IMPORTED,
    PUPIL_OF_WORK,
    STUART_WORKS,
    edit,
    read,
    write,
)
from tests.imports.test_reimport import writes_in

pytestmark = pytest.mark.django_db

Role = ArtworkArtist.Role
STUART = 537


def test_a_pupil_of_credit_is_imported_in_tates_words(collection, client):
    """Mrs Fox reads "Pupil of Sir Joshua Reynolds" on its page and in its caption."""
    summary = tate_collection_import(path=collection)

    mrs_fox = Artwork.objects.get(tate_id=12423)
    [credit] = mrs_fox.credited_artists()
    assert (credit.artist.tate_id, credit.role, credit.role_text) == (444, Role.OTHER, "pupil of")
    assert mrs_fox.caption.line1.startswith("Pupil of Sir Joshua Reynolds, Mrs Fox")
    content = client.get(mrs_fox.get_absolute_url()).content.decode()
    assert "<dt>Pupil of</dt>" in content
    assert summary.notes["contributor role 'pupil of' imported as written"] == 1
    assert not summary.skipped


def test_a_contributor_without_an_artist_file_becomes_an_artist(collection):
    """Gilbert Stuart, credited on two works and with no file, is made once, from the credit."""
    summary = tate_collection_import(path=collection, batch_size=1)

    stuart = Artist.objects.get(tate_id=STUART)
    assert (stuart.name, stuart.sort_name, stuart.sort_initial) == (
        "Gilbert Stuart",
        "Stuart, Gilbert",
        "S",
    )
    assert (stuart.birth_year, stuart.death_year) == (1755, 1828)
    assert stuart.slug == "gilbert-stuart"
    works = Artwork.objects.filter(tate_id__in=[13974, 13975], artists=stuart)
    assert works.count() == 2
    assert Artist.objects.get(tate_id=20596).name == "Patrick Gilbert"
    assert summary.notes[MADE_ARTIST_NOTE] == 2


def test_a_dry_run_counts_an_artist_made_from_credits_once(collection):
    """Two works in two batches name Gilbert Stuart: one artist would be created."""
    summary = tate_collection_import(path=collection, dry_run=True, batch_size=1)

    assert summary.notes[MADE_ARTIST_NOTE] == 2
    assert not Artist.objects.exists()


def test_importing_again_changes_nothing(collection):
    """The made artists and the credits in words compare unchanged: not one write."""
    tate_collection_import(path=collection)

    with CaptureQueriesContext(connection) as queries:
        summary = tate_collection_import(path=collection)

    assert writes_in(queries.captured_queries) == []
    assert summary.artworks.unchanged == ARTWORKS_IMPORTED
    assert MADE_ARTIST_NOTE not in summary.notes
    assert Artist.objects.filter(tate_id=STUART).count() == 1


def test_a_later_artist_file_takes_over_the_made_artist(collection):
    """When Tate publishes the artist's file, the artist follows it; the works keep them."""
    tate_collection_import(path=collection)
    write(
        collection,
        "artists/s/stuart-gilbert-537.json",
        {
            "id": STUART,
            "fc": "Gilbert Stuart",
            "mda": "Stuart, Gilbert",
            "birth": {"time": {"startYear": 1755}, "place": {"name": "Rhode Island, USA"}},
            "death": {"time": {"startYear": 1828}, "place": {"name": "Boston, USA"}},
            "url": "http://www.tate.org.uk/art/artists/gilbert-stuart-537",
        },
    )

    summary = tate_collection_import(path=collection)

    stuart = Artist.objects.get(tate_id=STUART)
    assert (stuart.birth_place, stuart.death_place) == ("Rhode Island, USA", "Boston, USA")
    assert stuart.source_url == "https://www.tate.org.uk/art/artists/gilbert-stuart-537"
    assert summary.artists.updated == 1
    assert summary.artworks.updated == 0
    assert Artwork.objects.filter(artists=stuart).count() == 2


def test_an_editors_role_in_words_survives_a_reimport(collection):
    """An editor who rewrites "pupil of" as "studio of" keeps it; Tate's words do not return."""
    tate_collection_import(path=collection)
    credit = Artwork.objects.get(tate_id=12423).credited_artists()[0]
    credit.role, credit.role_text = Role.STUDIO_OF, ""
    credit.save()

    summary = tate_collection_import(path=collection)

    credit.refresh_from_db()
    assert (credit.role, credit.role_text) == (Role.STUDIO_OF, "")
    assert summary.artworks.kept_editor_changes == 1


def test_tate_changing_a_role_in_words_is_taken(collection):
    """Tate's new words for a role replace the old ones on the next import."""
    tate_collection_import(path=collection)
    contributors = read(collection, PUPIL_OF_WORK)["contributors"]
    edit(collection, PUPIL_OF_WORK, contributors=[dict(contributors[0], role="pupil of (?)")])

    tate_collection_import(path=collection)

    credit = Artwork.objects.get(tate_id=12423).credited_artists()[0]
    assert (credit.role, credit.role_text) == (Role.OTHER, "pupil of (?)")


def test_a_nameless_contributor_without_a_file_is_left_out_and_the_work_kept(collection):
    """Nothing to make an artist from: the work is imported with its other credits."""
    work = read(collection, AI_WEIWEI_WORK)
    nameless = {"id": 777_777, "role": "after", "displayOrder": 2, "fc": "", "mda": ""}
    edit(collection, AI_WEIWEI_WORK, contributors=[*work["contributors"], nameless])

    summary = tate_collection_import(path=collection)

    table = Artwork.objects.get(tate_id=93227)
    assert [c.artist.tate_id for c in table.credited_artists()] == [8208]
    assert summary.notes[CREDIT_LEFT_OUT_NOTE] == 1
    assert not Artist.objects.filter(tate_id=777_777).exists()


def test_an_artist_file_skipped_for_no_name_is_made_from_the_works_credit(collection):
    """The artist's file names no one, the artwork does: the artist is made from the credit."""
    edit(collection, "artists/a/ai-weiwei-8208.json", fc="", mda="")

    summary = tate_collection_import(path=collection)

    assert Artist.objects.get(tate_id=8208).name == "Ai Weiwei"
    assert [skip.reason for skip in summary.skipped] == ["no name"]
    assert Artwork.objects.get(tate_id=93227).credited_artists()[0].artist.tate_id == 8208


def test_a_role_in_words_needs_its_words():
    """In the admin, "Other" without words is an error; another role drops stale words."""
    credit = ArtworkArtist(
        artwork=ArtworkFactory(), artist=ArtistFactory(), role=Role.OTHER, role_text=" "
    )
    with pytest.raises(ValidationError) as error:
        credit.full_clean()
    assert "role_text" in error.value.message_dict

    credit.role, credit.role_text = Role.AFTER, "pupil of"
    credit.full_clean()
    assert credit.role_text == ""


def test_roles_in_words_read_before_or_after_the_name():
    artist = ArtistFactory(name="Titian")
    before = ArtworkArtist(artist=artist, role=Role.OTHER, role_text="pupil of")
    after = ArtworkArtist(artist=artist, role=Role.OTHER_AFTER, role_text="and workshop")

    assert (before.role_before, before.role_after) == ("Pupil of", "")
    assert (after.role_before, after.role_after) == ("", "and workshop")


def test_the_stuart_fixture_files_have_no_artist_file(collection):
    """The fixture keeps what the test above relies on."""
    assert all((collection / name).exists() for name in STUART_WORKS)
    assert not list(collection.glob("artists/**/*-537.json"))
