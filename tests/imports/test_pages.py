"""The pages of imported records: "Metadata: Tate, CC0" with a link to the record at Tate, and
works without images (Tate's data has none) that read well."""

import re

import pytest
from django.urls import reverse

from artists.models import Artist
from artworks.models import Artwork
from imports.services import tate_collection_import
from tests.factories import ArtistFactory, ArtworkFactory
from tests.imports.tate_collections import FIXTURE

pytestmark = pytest.mark.django_db

ATTRIBUTION = 'Metadata: <a href="{url}" rel="noopener">Tate</a>, CC0'


@pytest.fixture
def imported():
    tate_collection_import(path=FIXTURE)


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_an_imported_artwork_page_credits_tate_and_reads_without_an_image(client, imported):
    """Text-only layout, no empty picture, the facts, and the attribution to the work at Tate."""
    work = Artwork.objects.get(tate_id=93227)

    content = text_of(client.get(work.get_absolute_url()))

    assert ATTRIBUTION.format(url=work.source_url) in content
    assert "artwork--text-only" in content
    assert "<picture" not in content and "<img" not in content
    assert "4600 x 900 x 900 mm (unconfirmed)" in content
    assert "<dt>Copyright</dt><dd>© Ai Weiwei</dd>" in content


def test_an_imported_artist_page_credits_tate(client, imported):
    """Born in, died in, movements and the attribution to the artist's page at Tate."""
    turner = Artist.objects.get(tate_id=558)

    content = text_of(client.get(turner.get_absolute_url()))

    assert ATTRIBUTION.format(url=turner.source_url) in content
    assert "<dt>Died in</dt><dd>Chelsea, United Kingdom</dd>" in content
    assert "Romanticism" in content


def test_the_attribution_links_tates_home_when_the_editor_removed_the_source(client, imported):
    Artwork.objects.filter(tate_id=93227).update(source_url="")

    content = text_of(client.get(Artwork.objects.get(tate_id=93227).get_absolute_url()))

    assert ATTRIBUTION.format(url="https://www.tate.org.uk/") in content


def test_records_made_by_hand_have_no_attribution(client):
    artist, artwork = ArtistFactory(), ArtworkFactory()

    for page in (artist.get_absolute_url(), artwork.get_absolute_url()):
        assert "Metadata:" not in text_of(client.get(page))


def test_cards_without_images_read_well_in_the_artwork_list(client, imported):
    """Every card is text only, with its byline (roles said before or after the name)."""
    content = text_of(client.get(reverse("artworks:artwork-list")))

    assert content.count("card--text-only") == Artwork.objects.count()
    assert "Sir Joshua Reynolds and studio" in content
    assert "Pseudo John Sell Cotman" in content
    assert "After William Havell" in content


def test_a_role_after_the_name_reads_right_on_the_artwork_page(client, imported):
    """'Sir Joshua Reynolds and studio', and in the facts 'Artist: ... and studio'."""
    content = text_of(client.get(Artwork.objects.get(tate_id=12411).get_absolute_url()))

    byline = re.search(r'<p class="artwork__artists">(.*?)</p>', content)[1]
    assert re.sub(r"<[^>]+>", "", byline) == "Sir Joshua Reynolds and studio"
    assert re.search(r"<dt>Artist</dt><dd><a [^>]+>Sir Joshua Reynolds</a> and studio", content)
