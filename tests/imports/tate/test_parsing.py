"""One Tate file to one record: roles, subjects, movements; what is skipped (only what cannot be
stored at all) and what is kept in part, with a note."""

import json

import pytest

from artworks.models import ArtworkArtist
from imports.tate.parsing import ROLES, parse_artist, parse_artwork
from imports.tate.records import Skip
from tests.imports.tate_collections import AI_WEIWEI_WORK, FIXTURE, read

Role = ArtworkArtist.Role


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

    record = parse_artwork(artwork(contributors=[contributor]))

    assert record.credits[0].role == Role.AFTER


def test_subjects_are_the_leaves_of_tates_tree():
    """'column' and 'table', not 'architecture', 'features', 'objects' or 'furnishings'."""
    assert parse_artwork(artwork()).subjects == ("column", "table")


def test_a_work_without_subjects_has_none():
    """About 15% of Tate's works have no `subjects` at all."""
    data = read(FIXTURE, AI_WEIWEI_WORK)
    del data["subjects"]

    assert parse_artwork(json.dumps(data).encode()).subjects == ()


def test_a_credit_listed_twice_is_kept_once():
    contributor = read(FIXTURE, AI_WEIWEI_WORK)["contributors"][0]

    record = parse_artwork(artwork(contributors=[contributor, contributor]))

    assert len(record.credits) == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{", "malformed JSON"),
        (b"[]", "malformed JSON"),
        (b"\xff\xfe", "malformed JSON"),
        (artwork(id=None), "no Tate id"),
        (artwork(id=-1), "no Tate id"),
        (artwork(id="T12809"), "no Tate id"),
        (artwork(id=True), "no Tate id"),
        (artwork(id=2**40), "no Tate id"),
        (artwork(id="9" * 5000), "no Tate id"),
    ],
)
def test_what_cannot_be_imported_is_skipped_with_a_reason(content, reason):
    """No JSON object, or nothing to key the record on in later imports."""
    with pytest.raises(Skip) as skipped:
        parse_artwork(content)
    assert skipped.value.reason == reason


def test_an_id_written_as_digits_is_an_id():
    assert parse_artwork(artwork(id=" 93227 ")).tate_id == 93227


def credit_of(**contributor):
    """The one credit of Table and Pillar with its contributor changed."""
    original = read(FIXTURE, AI_WEIWEI_WORK)["contributors"][0]
    record = parse_artwork(artwork(contributors=[{**original, **contributor}]))
    return record.credits[0], record.notes


def test_a_role_we_have_no_value_for_is_kept_as_tate_writes_it():
    """'pupil of' is credited in Tate's words before the name, and noted."""
    credit, notes = credit_of(role="pupil of")

    assert (credit.role, credit.role_text) == (Role.OTHER, "pupil of")
    assert notes == ("contributor role 'pupil of' imported as written",)


@pytest.mark.parametrize(
    "contributor",
    [{"role": "and assistants"}, {"role": "with workshop", "append_role_after_name": True}],
)
def test_a_role_tate_says_after_the_name_stays_after_it(contributor):
    credit, _ = credit_of(**contributor)

    assert (credit.role, credit.role_text) == (Role.OTHER_AFTER, contributor["role"])


def test_a_very_long_role_is_shortened_to_its_field():
    credit, _ = credit_of(role="pupil of " * 30)

    assert len(credit.role_text) <= 100
    assert credit.role_text.endswith("…")


def test_a_contributor_without_a_role_is_the_artist():
    credit, notes = credit_of(role=None)

    assert credit.role == Role.ARTIST
    assert notes == ("contributor without a role credited as the artist",)


def test_the_same_artist_in_two_roles_in_words_is_credited_twice():
    original = read(FIXTURE, AI_WEIWEI_WORK)["contributors"][0]
    roles = [dict(original, role="pupil of"), dict(original, role="copy by")]

    record = parse_artwork(artwork(contributors=roles))

    assert [credit.role_text for credit in record.credits] == ["pupil of", "copy by"]


def test_a_credit_carries_the_artist_as_the_artwork_describes_them():
    """For a contributor without an artist file: name, sort name, life years."""
    credit, _ = credit_of(
        id=537, fc="Gilbert Stuart", mda="Stuart, Gilbert", birthYear=1755, date="1755–1828"
    )

    artist = credit.artist
    assert (artist.tate_id, artist.name, artist.sort_name) == (
        537,
        "Gilbert Stuart",
        "Stuart, Gilbert",
    )
    assert (artist.birth_year, artist.death_year) == (1755, 1828)


@pytest.mark.parametrize(
    ("contributor", "years"),
    [
        ({"birthYear": None, "date": "1755–1828"}, (1755, 1828)),
        ({"birthYear": None, "date": "born 1952"}, (1952, None)),
        ({"birthYear": None, "date": None}, (None, None)),
        ({"birthYear": 1723, "date": "c.1723–1792"}, (1723, 1792)),
    ],
)
def test_life_years_of_a_credited_artist(contributor, years):
    credit, _ = credit_of(**contributor)

    assert (credit.artist.birth_year, credit.artist.death_year) == years


def test_a_contributor_without_an_id_is_left_out_of_the_credits_the_work_kept():
    original = read(FIXTURE, AI_WEIWEI_WORK)["contributors"][0]
    anonymous = {"fc": "Someone", "role": "after", "displayOrder": 2}

    record = parse_artwork(artwork(contributors=[original, anonymous]))

    assert [credit.artist_tate_id for credit in record.credits] == [8208]
    assert record.notes == ("contributor without a Tate id left out of the credits",)


def test_a_work_without_a_title_is_titled_as_tate_titles_such_works():
    record = parse_artwork(artwork(title="  "))

    assert record.title == "[title not known]"
    assert record.notes == ("artwork without a title imported as [title not known]",)


def test_a_text_too_long_for_its_field_is_shortened_and_noted():
    record = parse_artwork(artwork(title="x" * 501, medium="Wood " * 200))

    assert (len(record.title), record.title[-1]) == (500, "…")
    assert len(record.medium) == 500
    assert record.notes == (
        "title longer than 500 characters shortened",
        "medium longer than 500 characters shortened",
    )


def test_an_address_too_long_to_store_is_left_out():
    record = parse_artwork(artwork(url="https://www.tate.org.uk/" + "a" * 600))

    assert record.url == ""
    assert record.notes == ("source URL longer than 500 characters left out",)


def test_an_artist_without_a_display_name_is_named_by_the_sort_name():
    artist = parse_artist(b'{"id": 1, "fc": "", "mda": "Brus, G\\u00fcnter"}')

    assert (artist.name, artist.sort_name) == ("Brus, Günter", "Brus, Günter")


def test_an_artist_without_any_name_is_skipped():
    with pytest.raises(Skip, match="no name"):
        parse_artist(b'{"id": 1, "fc": " ", "mda": ""}')


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
    assert parse_artwork(artwork(url="javascript:alert(1)")).url == ""
    assert parse_artwork(artwork()).url.startswith("https://www.tate.org.uk/")
