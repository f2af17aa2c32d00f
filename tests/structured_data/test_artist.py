"""The artist page's JSON-LD: a schema.org Person."""

import pytest

from tests.factories import ArtistFactory, ImageFactory
from tests.renditions import renditions_of
from tests.structured_data.head import read_head

pytestmark = pytest.mark.django_db


def test_an_artist_is_a_person_with_life_dates_place_and_links(client):
    artist = ArtistFactory(
        name="Ai Weiwei",
        slug="ai-weiwei",
        birth_year=1957,
        birth_place="Beijing",
        nationality="Chinese",
        website="https://aiweiwei.example/",
        portrait=ImageFactory(),
        portrait_alt_text="The artist in his studio",
    )
    artist.portrait.renditions = renditions_of(artist.portrait.file)
    artist.portrait.save()

    [data] = read_head(client, artist.get_absolute_url()).json_ld

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Person"
    assert data["name"] == "Ai Weiwei"
    assert data["url"] == "http://testserver/artists/ai-weiwei/"
    assert data["birthDate"] == "1957"
    assert "deathDate" not in data
    assert data["birthPlace"] == {"@type": "Place", "name": "Beijing"}
    assert data["nationality"] == {"@type": "Country", "name": "Chinese"}
    assert data["sameAs"] == ["https://aiweiwei.example/"]
    assert data["image"].startswith("http://testserver/media/renditions/")
    assert data["image"].endswith("/w960.jpg")


def test_an_artist_known_only_by_name_is_just_a_name(client):
    artist = ArtistFactory(name="Anonymous", death_year=1650)

    [data] = read_head(client, artist.get_absolute_url()).json_ld

    assert set(data) == {"@context", "@type", "name", "url", "deathDate"}
    assert data["deathDate"] == "1650"
