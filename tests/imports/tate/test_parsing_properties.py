"""Whatever a Tate file holds, the parser gives a record that fits the database, or skips it
with a reason: it never stops the import, and never hands on a value a field cannot store."""

import json
import string

from hypothesis import given
from hypothesis import strategies as st

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.tate.dimensions import MEASURE_MAX
from imports.tate.parsing import parse_artist, parse_artwork
from imports.tate.records import Skip
from tests.imports.tate_collections import AI_WEIWEI_WORK, FIXTURE, read

SMALLINT = range(-32768, 32768)

careless_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.digits + " x×.,:;-–mcinMCIN\n\t", max_size=80),
    st.sampled_from(["", " ", "pupil of", "and workshop", "9" * 60 + " x 5 mm", "x" * 700]),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | careless_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(careless_text, inner, max_size=4),
    max_leaves=12,
)
digits = st.integers(min_value=0, max_value=10**40).map(str)
measures = st.builds(
    "{}{} x {} {}".format,
    st.sampled_from(["", "support: ", "each ", "unconfirmed: "]),
    digits | st.builds("{}.{}".format, digits, digits),
    digits,
    st.sampled_from(["mm", "cm", "m", "in", ""]),
)
CONTRIBUTOR_KEYS = ("id", "fc", "mda", "role", "date", "birthYear", "displayOrder")
contributor = st.fixed_dictionaries(
    {},
    optional={
        **dict.fromkeys(CONTRIBUTOR_KEYS, json_values),
        "append_role_after_name": st.booleans(),
    },
)
ARTWORK_KEYS = (
    "id",
    "acno",
    "title",
    "dateText",
    "dateRange",
    "medium",
    "dimensions",
    "units",
    "classification",
    "creditLine",
    "thumbnailCopyright",
    "url",
    "subjects",
)


def fits(model, field: str, value: str) -> bool:
    return isinstance(value, str) and len(value) <= model._meta.get_field(field).max_length


@given(
    changes=st.dictionaries(st.sampled_from(ARTWORK_KEYS), json_values, max_size=6),
    dimensions=measures | json_values,
    contributors=st.one_of(json_values, st.lists(contributor, max_size=4)),
)
def test_any_artwork_file_gives_a_record_that_fits_or_a_reason(changes, dimensions, contributors):
    """Careless and hostile values in every field the parser reads."""
    data = {
        **read(FIXTURE, AI_WEIWEI_WORK),
        "dimensions": dimensions,
        **changes,
        "contributors": contributors,
    }
    try:
        record = parse_artwork(json.dumps(data).encode())
    except Skip as skip:
        assert skip.reason in {"no Tate id", "malformed JSON"}
        return
    assert 0 <= record.tate_id < 2**31
    assert record.title
    for field, value in [
        ("title", record.title),
        ("accession_number", record.accession_number),
        ("medium", record.medium),
        ("classification", record.classification),
        ("credit_line", record.credit_line),
        ("copyright_line", record.copyright_line),
        ("source_url", record.url),
        ("date_display", record.date.display),
        ("dimensions_display", record.dimensions.display),
    ]:
        assert fits(Artwork, field, value), field
    for year in (record.date.earliest, record.date.latest):
        assert year is None or year in SMALLINT
    for measure in (record.dimensions.height, record.dimensions.width, record.dimensions.depth):
        assert measure is None or 0 < measure <= MEASURE_MAX
    seen = set()
    for credit in record.credits:
        assert credit.role in ArtworkArtist.Role.values
        assert fits(ArtworkArtist, "role_text", credit.role_text)
        assert (credit.artist_tate_id, credit.role, credit.role_text) not in seen
        seen.add((credit.artist_tate_id, credit.role, credit.role_text))
        if credit.artist is not None:
            assert credit.artist.name
            assert fits(Artist, "name", credit.artist.name)
            assert fits(Artist, "sort_name", credit.artist.sort_name)


@given(
    data=st.dictionaries(
        st.sampled_from(["id", "fc", "mda", "birth", "death", "birthYear", "movements", "url"]),
        json_values,
        max_size=8,
    )
)
def test_any_artist_file_gives_a_record_that_fits_or_a_reason(data):
    try:
        artist = parse_artist(json.dumps(data).encode())
    except Skip as skip:
        assert skip.reason in {"no Tate id", "malformed JSON", "no name"}
        return
    assert artist.name
    for field in ("name", "sort_name", "birth_place", "death_place"):
        assert fits(Artist, field, getattr(artist, field)), field
    assert fits(Artist, "source_url", artist.url)
    for year in (artist.birth_year, artist.death_year):
        assert year is None or year in SMALLINT
