"""An artwork page whose subjects and address are not ASCII."""

import pytest
from django.urls import reverse

from tests.factories import ArtworkFactory
from tests.slugs.links import slug_addresses_in, statuses

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("subject", ["Café", "現代美術", "🎨", "100% wool", "#metoo"])
def test_the_artwork_page_links_a_unicode_subject(client, subject):
    """The page answers, and the subject's page it links answers too."""
    artwork = ArtworkFactory(title="Café de Flore", slug="", tags=[subject])

    linked = slug_addresses_in(client.get(artwork.get_absolute_url()))

    assert artwork.slug == "café-de-flore"
    assert reverse("articles:tag-detail", args=[artwork.tags.get().slug]) in linked
    assert statuses(client, linked) == dict.fromkeys(linked, 200)
