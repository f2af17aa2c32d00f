"""The artwork page's JSON-LD: a schema.org VisualArtwork."""

from decimal import Decimal

import pytest

from artworks.models import ArtworkArtist
from tests.factories import ArtistFactory, ArtworkArtistFactory, ArtworkFactory, ArtworkImageFactory
from tests.structured_data.head import read_head

pytestmark = pytest.mark.django_db


def test_an_artist_and_studio_is_the_creator(client):
    """Tate's "Sir Joshua Reynolds and studio": made by Reynolds, with help."""
    artwork = ArtworkFactory(slug="portrait")
    ArtworkArtistFactory(
        artwork=artwork,
        artist=ArtistFactory(name="Sir Joshua Reynolds", slug="reynolds"),
        role=ArtworkArtist.Role.AND_STUDIO,
    )

    [data] = read_head(client, artwork.get_absolute_url()).json_ld

    assert [person["name"] for person in data["creator"]] == ["Sir Joshua Reynolds"]


def test_an_artwork_is_described_with_its_creators_date_medium_and_size(client):
    artwork = ArtworkFactory(
        title="Dropping a Han Dynasty Urn",
        slug="urn",
        date_display="1995",
        earliest_year=1995,
        latest_year=1995,
        medium="Three black and white photographs",
        classification="Photograph",
        dimensions_display="each 148 x 121cm",
        height=Decimal("148.00"),
        width=Decimal("121.50"),
        unit="cm",
        credit_line="Courtesy the artist",
    )
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ai Weiwei", slug="ai"))
    ArtworkArtistFactory(
        artwork=artwork,
        artist=ArtistFactory(name="A Follower"),
        role=ArtworkArtist.Role.FOLLOWER_OF,
    )
    image = ArtworkImageFactory(artwork=artwork)

    [data] = read_head(client, artwork.get_absolute_url()).json_ld

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "VisualArtwork"
    assert data["name"] == "Dropping a Han Dynasty Urn"
    assert data["url"] == "http://testserver/artworks/urn/"
    # "Follower of" is a credit, not the creator.
    assert data["creator"] == [
        {"@type": "Person", "name": "Ai Weiwei", "url": "http://testserver/artists/ai/"}
    ]
    assert data["dateCreated"] == "1995"
    assert data["artMedium"] == "Three black and white photographs"
    assert data["artform"] == "Photograph"
    assert data["height"] == {
        "@type": "QuantitativeValue",
        "value": 148,
        "unitCode": "CMT",
        "unitText": "cm",
    }
    assert data["width"]["value"] == 121.5
    assert "depth" not in data
    assert data["size"] == "each 148 x 121cm"
    assert data["creditText"] == "Courtesy the artist"
    assert data["image"] == f"http://testserver{image.image.file.url}"


def test_a_date_without_a_year_is_given_as_displayed(client):
    """A date such as "c.1850-5" is no ISO date: it is given as printed only when no year is."""
    artwork = ArtworkFactory(date_display="c.1850-5")

    [data] = read_head(client, artwork.get_absolute_url()).json_ld

    assert data["dateCreated"] == "c.1850-5"
    assert not {"creator", "image", "height", "size"} & set(data)
