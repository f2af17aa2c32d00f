"""The exhibition page's JSON-LD (a schema.org ExhibitionEvent) and its link-preview tags."""

import datetime

import pytest

from exhibitions.models import Exhibition
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    ExhibitionFactory,
    ImageFactory,
    VenueFactory,
)
from tests.structured_data.head import read_head

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    return ExhibitionFactory(
        title="The Unilever Series: Ai Weiwei",
        slug="sunflower-seeds",
        venue=VenueFactory(
            name="Tate Modern",
            city="London",
            country="United Kingdom",
            url="https://www.tate.org.uk/visit/tate-modern",
        ),
        opens_on=datetime.date(2010, 10, 12),
        closes_on=datetime.date(2011, 5, 2),
        description="One hundred million porcelain seeds.",
        url="https://www.tate.org.uk/whats-on/tate-modern/ai-weiwei",
        artists=[ArtistFactory(name="Ai Weiwei", slug="ai")],
        artworks=[ArtworkFactory(title="Sunflower Seeds", slug="seeds")],
    )


def test_an_exhibition_is_an_exhibition_event_at_its_venue(client, seeds):
    [data] = read_head(client, seeds.get_absolute_url()).json_ld

    assert data == {
        "@context": "https://schema.org",
        "@type": "ExhibitionEvent",
        "name": "The Unilever Series: Ai Weiwei",
        "url": "http://testserver/exhibitions/sunflower-seeds/",
        "description": "One hundred million porcelain seeds.",
        "startDate": "2010-10-12",
        "endDate": "2011-05-02",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Tate Modern",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "London",
                "addressCountry": "United Kingdom",
            },
            "url": "https://www.tate.org.uk/visit/tate-modern",
        },
        "organizer": {
            "@type": "Organization",
            "name": "Tate Modern",
            "url": "https://www.tate.org.uk/visit/tate-modern",
        },
        "sameAs": ["https://www.tate.org.uk/whats-on/tate-modern/ai-weiwei"],
        "about": [{"@type": "Person", "name": "Ai Weiwei", "url": "http://testserver/artists/ai/"}],
        "workFeatured": [
            {
                "@type": "VisualArtwork",
                "name": "Sunflower Seeds",
                "url": "http://testserver/artworks/seeds/",
            }
        ],
    }


@pytest.mark.parametrize(
    ("precision", "opens", "closes"),
    [
        (Exhibition.Precision.DAY, "2027-05-14", "2027-09-03"),
        (Exhibition.Precision.MONTH, "2027-05", "2027-09"),
        (Exhibition.Precision.YEAR, "2027", "2027"),
    ],
)
def test_fuzzy_dates_are_iso_partial_dates(client, precision, opens, closes):
    """A date known to the month is "2027-05", to the year "2027" (schema.org Date allows both)."""
    exhibition = ExhibitionFactory(
        opens_on=datetime.date(2027, 5, 14),
        opens_precision=precision,
        closes_on=datetime.date(2027, 9, 3),
        closes_precision=precision,
    )

    [data] = read_head(client, exhibition.get_absolute_url()).json_ld

    assert (data["startDate"], data["endDate"]) == (opens, closes)


def test_unknown_dates_and_a_bare_venue_leave_their_properties_out(client):
    exhibition = ExhibitionFactory(
        opens_on=None, closes_on=None, venue=VenueFactory(name="A Room", city="", country="")
    )

    [data] = read_head(client, exhibition.get_absolute_url()).json_ld

    assert "startDate" not in data and "endDate" not in data
    assert data["location"] == {"@type": "Place", "name": "A Room"}
    assert "about" not in data and "workFeatured" not in data and "image" not in data


def test_hostile_text_cannot_leave_the_script(client):
    """A title that closes the element stays inside the JSON, and reads back as written."""
    title = '</script><script>alert(1)</script><!-- & "quotes"'
    exhibition = ExhibitionFactory(title=title, venue=VenueFactory(name="</script>Venue"))

    response = client.get(exhibition.get_absolute_url())
    [data] = read_head(client, exhibition.get_absolute_url()).json_ld

    assert "<script>alert(1)" not in response.content.decode()
    assert data["name"] == title
    assert data["location"]["name"] == "</script>Venue"


def test_link_previews_show_the_exhibition_and_its_image(client, seeds, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seeds.image = ImageFactory()
    seeds.image_alt_text = "Seeds on the floor of the Turbine Hall"
    seeds.save()

    head = read_head(client, seeds.get_absolute_url())

    assert head.one("og:title") == "The Unilever Series: Ai Weiwei"
    assert head.one("og:type") == "website"
    assert head.one("og:url") == "http://testserver/exhibitions/sunflower-seeds/"
    assert head.one("og:image").startswith("http://testserver/")
    assert head.one("og:image:alt") == "Seeds on the floor of the Turbine Hall"
    assert head.one("twitter:card") == "summary_large_image"
    assert "Tate Modern, London" in head.one("description")
    [data] = head.json_ld
    assert data["image"].startswith("http://testserver/")
