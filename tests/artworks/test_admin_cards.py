"""What the figure form asks of the artwork admin while the editor picks: the figure card
(thumbnail and caption) and the artwork-image picker limited to the chosen artwork."""

import pytest
from django.urls import reverse

from tests.factories import (
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = reverse("admin:autocomplete")


def card_url(artwork_pk, **params):
    url = reverse("admin:artworks_artwork_figure_card", args=[artwork_pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def picker(client, **params):
    """The artwork-image autocomplete as the figure's field asks it; the ids listed."""
    query = {
        "app_label": "articles",
        "model_name": "articlefigure",
        "field_name": "artwork_image",
        "term": "",
        **params,
    }
    response = client.get(AUTOCOMPLETE, query)
    assert response.status_code == 200
    return {int(result["id"]) for result in response.json()["results"]}


def test_the_card_gives_the_thumbnail_and_the_composed_caption(client):
    """A contributor choosing an artwork sees its picture and caption before saving."""
    staff_in(client, "Contributor")
    artwork = ArtworkFactory(title="Blue Field", date_display="2024", medium="Oil on canvas")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ai Weiwei"))
    first = ArtworkImageFactory(artwork=artwork, position=0, credit="Photo: Tate")
    second = ArtworkImageFactory(artwork=artwork, position=1)

    card = client.get(card_url(artwork.pk)).json()
    chosen = client.get(card_url(artwork.pk, image=second.pk)).json()

    assert card["caption"] == ["Ai Weiwei, Blue Field (2024)", "Oil on canvas"]
    assert (card["artwork_image"], card["thumbnail"]) == (first.pk, first.image.file.url)
    assert (card["alt"], card["credit"]) == (first.alt_text, "Photo: Tate")
    assert (chosen["artwork_image"], chosen["thumbnail"]) == (second.pk, second.image.file.url)


def test_the_card_refuses_another_artworks_image_and_strangers(client):
    """Another artwork's image or a bad id is a 404; a logged-out visitor goes to login; a
    staff member without the artwork permission gets a 403."""
    artwork, elsewhere = ArtworkImageFactory().artwork, ArtworkImageFactory()

    assert client.get(card_url(artwork.pk)).status_code == 302  # to the login page
    staff_in(client, "Moderator")
    assert client.get(card_url(artwork.pk)).status_code == 403
    staff_in(client, "Editor", username="eddie")
    assert client.get(card_url(artwork.pk, image=elsewhere.pk)).status_code == 404
    assert client.get(card_url(artwork.pk, image="x")).status_code == 404
    assert client.get(card_url(987654)).status_code == 404


def test_the_picker_lists_only_the_chosen_artworks_images(client):
    """Beside an artwork, the image picker lists that artwork's images, none before one."""
    staff_in(client, "Contributor")
    chosen = ArtworkImageFactory()
    second = ArtworkImageFactory(artwork=chosen.artwork)
    ArtworkImageFactory()

    assert picker(client, artwork=chosen.artwork_id) == {chosen.pk, second.pk}
    assert picker(client) == set()
    assert picker(client, artwork="nope") == set()
