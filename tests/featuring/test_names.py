"""How writers name an artist (the forms the catalogue holds) and how far a title is trusted."""

import pytest

from featuring.names import Tier, artist_forms, stem, title_tier, title_variants
from featuring.normalizing import normal_form


@pytest.mark.parametrize(
    ("name", "sort_name", "forms", "surnames"),
    [
        ("Ai Weiwei", "Ai, Weiwei", {"ai weiwei", "weiwei ai"}, {"ai", "weiwei"}),
        (
            "Dame Barbara Hepworth",
            "Hepworth, Dame Barbara",
            {"barbara hepworth", "dame barbara hepworth"},
            {"hepworth"},
        ),
        (
            "Joseph Mallord William Turner",
            "Turner, Joseph Mallord William",
            {"joseph mallord william turner", "joseph turner", "j m w turner", "jmw turner"},
            {"turner"},
        ),
        (
            "Henry Moore OM, CH",
            "Moore, Henry, OM, CH",
            {"henry moore", "henry moore om ch"},
            {"moore"},
        ),
        ("Vincent van Gogh", "Gogh, Vincent van", {"vincent van gogh"}, {"van gogh", "gogh"}),
        ("Linder", "Linder", set(), {"linder"}),
    ],
)
def test_artist_forms(name, sort_name, forms, surnames):
    assert artist_forms(name, sort_name) == (forms, surnames)


@pytest.mark.parametrize(
    ("title", "tier"),
    [
        ("Untitled", Tier.NEVER),
        ("Untitled No. 3", Tier.NEVER),
        ("Untitled in", Tier.NEVER),
        ("Self-Portrait", Tier.NEVER),
        ("Composition II", Tier.NEVER),
        ("[title not known]", Tier.NEVER),
        ("In the", Tier.NEVER),
        ("Blank", Tier.NEVER),
        ("Remembering", Tier.ARTIST_AND_TYPE),
        ("Door", Tier.ARTIST_AND_TYPE),
        ("Pelagos", Tier.ARTIST_OR_TYPE),
        ("Sunflower Seeds", Tier.ARTIST_OR_TYPE),
        ("The Guardian", Tier.ARTIST_OR_TYPE),
        ("Dropping a Han Dynasty Urn", Tier.ALONE),
        ("The Fighting Temeraire", Tier.ALONE),
    ],
)
def test_title_tiers(title, tier):
    assert title_tier(title, normal_form(title), {"landscape"}) is tier


def test_a_title_many_artists_share_is_generic_by_the_data():
    assert title_tier("Landscape near Tivoli", "landscape near tivoli", set()) is Tier.ALONE
    generic = {"landscape near tivoli"}
    assert title_tier("Landscape near Tivoli", "landscape near tivoli", generic) is Tier.NEVER
    assert stem("study no 4 of a head iii") == "study of a head"


def test_shorter_titles():
    assert title_variants("The Fighting Temeraire", "the fighting temeraire") == [
        ("Fighting Temeraire", "fighting temeraire")
    ]
    assert title_variants("Three Ways: Mould, Hole and Passage", "x") == [
        ("Three Ways", "three ways")
    ]
    assert title_variants("Pelagos", "pelagos") == []
