"""An artist page whose movements and address are not ASCII."""

import pytest
from django.urls import reverse

from tests.factories import ArtistFactory
from tests.slugs.links import slug_addresses_in, statuses

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("movement", ["Bauhaus-Künstler", "具体美術協会", "🎨", "Dada / Berlin"])
def test_the_artist_page_links_a_unicode_movement(client, movement):
    """The page answers; the movement's page and the artist's feeds it links answer too."""
    artist = ArtistFactory(name="Hannah Höch", slug="", tags=[movement])

    linked = slug_addresses_in(client.get(artist.get_absolute_url()))

    assert artist.slug == "hannah-höch"
    assert reverse("articles:tag-detail", args=[artist.tags.get().slug]) in linked
    assert reverse("feeds:artist-rss", args=[artist.slug]) in linked
    assert statuses(client, linked) == dict.fromkeys(linked, 200)
