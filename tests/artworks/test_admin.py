"""Editing artworks in the admin: mistakes come back as form errors, never as a 500."""

import pytest
from django.urls import reverse

from artworks.models import Artwork, ArtworkImage
from tests.adminforms import form_errors, management_form
from tests.factories import ArtistFactory, ArtworkFactory, png_upload

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:artworks_artwork_add")


def artwork_data(**fields):
    """A complete artwork add form with no artist credits and no images."""
    data = {
        "title": "Dropping a Han Dynasty Urn",
        "slug": "dropping-a-han-dynasty-urn",
        "date_display": "1995",
        "earliest_year": "1995",
        "latest_year": "1995",
        "medium": "Three black and white photographs",
        "dimensions_display": "each 148 x 121cm",
        "height": "",
        "width": "",
        "depth": "",
        "unit": "",
        "classification": "Photograph",
        "accession_number": "",
        "credit_line": "",
        "source_url": "",
        **management_form("artist_credits"),
        **management_form("images"),
    }
    data.update(fields)
    return data


def test_add_page_has_the_inline_prefixes_the_tests_post(admin_client):
    """The add form's inlines use the prefixes these tests post with."""
    content = admin_client.get(ADD_URL).content.decode()

    for prefix in ("artist_credits", "images"):
        assert f'name="{prefix}-TOTAL_FORMS"' in content


def test_valid_artwork_with_artist_and_image_is_saved(admin_client):
    """A complete artwork with a credited artist and a described image is saved."""
    artist = ArtistFactory(name="Ai Weiwei")
    data = artwork_data(
        **management_form("artist_credits", total=1),
        **management_form("images", total=1),
        **{
            "artist_credits-0-position": "0",
            "artist_credits-0-artist": str(artist.pk),
            "artist_credits-0-role": "artist",
            "images-0-position": "0",
            "images-0-image": png_upload(),
            "images-0-alt_text": "Three photographs of a man dropping an urn",
        },
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    artwork = Artwork.objects.get()
    assert artwork.caption.line1 == "Ai Weiwei, Dropping a Han Dynasty Urn (1995)"
    assert artwork.primary_image.image.width == 8


def test_latest_year_before_earliest_year_is_a_form_error(admin_client):
    """An artwork cannot end before it began."""
    response = admin_client.post(ADD_URL, artwork_data(earliest_year="1995", latest_year="1993"))

    assert list(form_errors(response)) == ["latest_year"]
    assert not Artwork.objects.exists()


def test_dimensions_without_unit_is_a_form_error(admin_client):
    """Measured dimensions need their unit."""
    response = admin_client.post(ADD_URL, artwork_data(height="148", width="121"))

    assert list(form_errors(response)) == ["unit"]


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_artwork_image_without_alt_text_is_a_form_error(admin_client, alt_text):
    """An artwork's image must be described for readers who cannot see it."""
    data = artwork_data(
        **management_form("images", total=1),
        **{"images-0-position": "0", "images-0-image": png_upload(), "images-0-alt_text": alt_text},
    )

    response = admin_client.post(ADD_URL, data)

    assert list(form_errors(response)) == ["images-0-alt_text"]
    assert not Artwork.objects.exists()


def test_standalone_artwork_image_without_alt_text_is_a_form_error(admin_client):
    """The artwork-image admin refuses an image without alt text as well."""
    artwork = ArtworkFactory()
    data = {"artwork": str(artwork.pk), "image": png_upload(), "alt_text": "", "position": "0"}

    response = admin_client.post(reverse("admin:artworks_artworkimage_add"), data)

    assert list(form_errors(response)) == ["alt_text"]
    assert not ArtworkImage.objects.exists()


def test_duplicate_artwork_slug_is_a_form_error(admin_client):
    """A slug already in use is refused on the form, not by a database error."""
    ArtworkFactory(slug="dropping-a-han-dynasty-urn")

    response = admin_client.post(ADD_URL, artwork_data())

    assert list(form_errors(response)) == ["slug"]
