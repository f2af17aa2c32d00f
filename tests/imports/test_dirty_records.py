"""A record that cannot be stored at all is skipped and reported with its file and reason; a
record that can is imported as well as it can be, with a note; the rest goes on."""

import pytest
from django.db import DatabaseError

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.services import tate_collection_import
from imports.tate.reader import MAX_FILE_BYTES
from imports.tate.writers import ArtworkWriter
from tests.imports.tate_collections import (
    AI_WEIWEI_WORK,
    ARTISTS_IMPORTED,
    ARTWORKS_IMPORTED,
    read,
    write,
)

pytestmark = pytest.mark.django_db

BROKEN = "artworks/z/000/z00001-800001.json"
UNTITLED = "artworks/z/000/z00002-800002.json"
UNKNOWN_ROLE = "artworks/z/000/z00003-800003.json"
SAME_ID = "artworks/z/000/z00004-93227.json"
NAMELESS_ARTIST = "artists/z/nobody-800005.json"
NO_ID = "artworks/z/000/z00006-x.json"


def spoil(collection):
    work = read(collection, AI_WEIWEI_WORK)
    write(collection, BROKEN, '{"acno": "Z00001", "id": 800001, "title": "Cut off')
    write(collection, UNTITLED, dict(work, id=800002, acno="Z00002", title="  "))
    contributor = dict(work["contributors"][0], role="and assistants")
    write(collection, UNKNOWN_ROLE, dict(work, id=800003, contributors=[contributor]))
    write(collection, SAME_ID, dict(work, title="Table and Pillar, again"))
    write(collection, NAMELESS_ARTIST, {"id": 800005, "fc": "", "mda": ""})
    write(collection, NO_ID, dict(work, id="", acno="Z00006"))


def test_only_what_cannot_be_stored_is_skipped_with_its_file_and_reason(collection):
    """Malformed JSON, no id, an id twice, an artist without any name: skipped and reported."""
    spoil(collection)

    summary = tate_collection_import(path=collection)

    reported = {(skip.file, skip.reason) for skip in summary.skipped}
    assert reported == {
        (BROKEN, "malformed JSON"),
        (NO_ID, "no Tate id"),
        (SAME_ID, "duplicate Tate id"),
        (NAMELESS_ARTIST, "no name"),
    }
    details = {skip.file: skip.detail for skip in summary.skipped}
    assert "line 1" in details[BROKEN]


def test_the_rest_is_imported_with_notes(collection):
    """No title and a role we have no value for are imported, and said in the notes."""
    spoil(collection)

    summary = tate_collection_import(path=collection)

    assert (summary.artists.created, summary.artists.skipped) == (ARTISTS_IMPORTED, 1)
    assert (summary.artworks.created, summary.artworks.skipped) == (ARTWORKS_IMPORTED + 2, 3)
    assert not Artwork.objects.filter(tate_id=800001).exists()
    assert Artwork.objects.get(tate_id=800002).title == "[title not known]"
    [credit] = Artwork.objects.get(tate_id=800003).credited_artists()
    assert (credit.role, credit.role_text) == (ArtworkArtist.Role.OTHER_AFTER, "and assistants")
    assert Artwork.objects.get(tate_id=800003).caption.line1.startswith(
        "Ai Weiwei and assistants, Table and Pillar"
    )
    assert Artwork.objects.get(tate_id=93227).title == "Table and Pillar"
    assert not Artist.objects.filter(tate_id=800005).exists()
    assert summary.notes["artwork without a title imported as [title not known]"] == 1
    assert summary.notes["contributor role 'and assistants' imported as written"] == 1


def test_an_oversized_file_is_skipped(collection):
    """A file far larger than any of Tate's is reported, not read."""
    write(collection, "artworks/z/000/z00009-800009.json", " " * (MAX_FILE_BYTES + 1))

    summary = tate_collection_import(path=collection)

    assert summary.skipped_by_reason()["file too large"] == 1


def test_a_subject_too_long_for_a_tag_is_left_out_and_noted(collection):
    """Tate's few exhibition-title subjects (over 100 characters) are no tags; the work is."""
    work = read(collection, AI_WEIWEI_WORK)
    work["subjects"]["children"][0]["children"][0]["children"].append(
        {"id": 99, "name": "exhibition: " + "a very long exhibition title, " * 4}
    )
    write(collection, AI_WEIWEI_WORK, work)

    summary = tate_collection_import(path=collection)

    assert sorted(Artwork.objects.get(tate_id=93227).tags.names()) == ["column", "table"]
    assert summary.notes["subject longer than 100 characters left out"] == 1


def test_a_batch_the_database_refuses_is_retried_one_record_at_a_time(collection, monkeypatch):
    """Only the record the database refuses is skipped; its batch's other records are written
    and nothing is left half written."""
    original = ArtworkWriter.save

    def refuse_ai_weiwei(self, planned):
        original(self, planned)
        if any(item.record.tate_id == 93227 for item in planned):
            raise _Refused("value too long for type character varying(500)")

    monkeypatch.setattr(ArtworkWriter, "save", refuse_ai_weiwei)

    summary = tate_collection_import(path=collection, batch_size=50)

    assert [(skip.reason, skip.detail) for skip in summary.skipped if skip.kind == "artwork"][
        -1
    ] == ("database refused", "value too long for type character varying(500)")
    assert summary.artworks.created == ARTWORKS_IMPORTED - 1
    assert Artwork.objects.count() == ARTWORKS_IMPORTED - 1
    assert not Artwork.objects.filter(tate_id=93227).exists()


class _Refused(DatabaseError):
    pass
