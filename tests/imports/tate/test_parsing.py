"""One Tate file to one record: roles, subjects, movements, and what is skipped."""

import json

import pytest

from artworks.models import ArtworkArtist
from imports.tate.parsing import ROLES, parse_artist, parse_artwork
from imports.tate.records import Skip
from tests.imports.tate_collections import AI_WEIWEI_WORK, FIXTURE, read

KNOWN = range(100_000)


def artwork(**changes) -> bytes:
    return json.dumps({**read(FIXTURE, AI_WEIWEI_WORK), **changes}).encode()


def test_every_role_in_tates_data_has_a_credit_role():
    """All ten roles of the sample ('after', 'and studio', ...) map to ArtworkArtist.Role."""
    sample_roles = {
        "artist",
        "after",
        "attributed to",
        "manner of",
        "school of",
        "and other artists",
        "and a pupil",
        "pseudo",
        "formerly attributed to",
        "and studio",
    }
    assert sample_roles <= set(ROLES)
    assert set(ROLES.values()) <= set(ArtworkArtist.Role.values)


def test_roles_are_read_whatever_their_case():
    contributor = {"id": 39, "fc": "William Blake", "role": "After", "displayOrder": 1}

    record = parse_artwork(artwork(contributors=[contributor]), KNOWN)

    assert record.credits[0].role == ArtworkArtist.Role.AFTER


def test_subjects_are_the_leaves_of_tates_tree():
    """'column' and 'table', not 'architecture', 'features', 'objects' or 'furnishings'."""
    assert parse_artwork(artwork(), KNOWN).subjects == ("column", "table")


def test_a_work_without_subjects_has_none():
    """About 15% of Tate's works have no `subjects` at all."""
    data = read(FIXTURE, AI_WEIWEI_WORK)
    del data["subjects"]

    assert parse_artwork(json.dumps(data).encode(), KNOWN).subjects == ()


def test_a_credit_listed_twice_is_kept_once():
    contributor = read(FIXTURE, AI_WEIWEI_WORK)["contributors"][0]

    record = parse_artwork(artwork(contributors=[contributor, contributor]), KNOWN)

    assert len(record.credits) == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{", "malformed JSON"),
        (b"[]", "malformed JSON"),
        (b"\xff\xfe", "malformed JSON"),
        (artwork(id=None), "no Tate id"),
        (artwork(id="93227"), "no Tate id"),
        (artwork(title=None), "no title"),
        (artwork(title="x" * 501), "too long"),
        (
            artwork(contributors=[{"id": 8208, "fc": "Ai Weiwei", "role": "and assistants"}]),
            "unknown role",
        ),
        (artwork(contributors=[{"fc": "Ai Weiwei", "role": "artist"}]), "contributor without id"),
        (
            artwork(contributors=[{"id": 999_999, "fc": "X", "role": "artist"}]),
            "contributor without artist file",
        ),
    ],
)
def test_what_cannot_be_imported_is_skipped_with_a_reason(content, reason):
    with pytest.raises(Skip) as skipped:
        parse_artwork(content, KNOWN)
    assert skipped.value.reason == reason


def test_an_artist_without_a_name_is_skipped():
    with pytest.raises(Skip, match="no name"):
        parse_artist(b'{"id": 1, "fc": " "}')


def test_an_artist_with_little_known():
    """No birth, no death, no movements, no sort name: the name is enough."""
    artist = parse_artist(b'{"id": 7, "fc": "Anonymous"}')

    assert (artist.sort_name, artist.birth_year, artist.birth_place, artist.movements) == (
        "Anonymous",
        None,
        "",
        (),
    )


def test_an_address_that_could_run_script_is_dropped():
    """The import writes in bulk, past SafeURLField's cleaning: it cleans addresses itself."""
    assert parse_artwork(artwork(url="javascript:alert(1)"), KNOWN).url == ""
    assert parse_artwork(artwork(), KNOWN).url.startswith("https://www.tate.org.uk/")
