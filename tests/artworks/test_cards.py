"""The artwork cards' read (artworks/cards.py) gives what the Artwork model says of each artwork:
its address, credits in order with their roles' words, and first image with its alt text; and
it tells the page cache every object the cards show."""

import pytest

from artworks.cards import artwork_cards
from artworks.models import Artwork, ArtworkArtist
from pagecache import keys
from pagecache.tracking import Recorder
from tests.factories import ArtistFactory, ArtworkArtistFactory, ArtworkFactory, ArtworkImageFactory

pytestmark = pytest.mark.django_db
Role = ArtworkArtist.Role


def cards_of(*artworks):
    return artwork_cards(Artwork.objects.filter(pk__in=[a.pk for a in artworks]).order_by("pk"))


def as_the_model_says(artwork: Artwork):
    artwork = Artwork.objects.prefetch_related("images", "artist_credits__artist").get(
        pk=artwork.pk
    )
    image = artwork.primary_image
    credits = tuple(
        (credit.role_before, credit.artist.name, credit.role_after)
        for credit in artwork.credited_artists()
    )
    return (
        artwork.get_absolute_url(),
        artwork.title,
        artwork.date_display,
        credits,
        image.picture() if image else None,
        image.alt if image else "",
    )


def as_the_card_says(card):
    return (card.url, card.title, card.date_display, card.credits, card.picture, card.alt)


def test_each_card_says_what_the_model_says():
    made = []
    for role, role_text in [
        (Role.ARTIST, ""),
        (Role.AFTER, ""),
        (Role.AND_STUDIO, ""),
        (Role.OTHER, "pupil of"),
        (Role.OTHER_AFTER, "and workshop"),
    ]:
        work = ArtworkFactory(date_display="c. 1600")
        ArtworkArtistFactory(artwork=work, role=role, role_text=role_text, position=1)
        ArtworkArtistFactory(artwork=work, position=0)
        ArtworkImageFactory(artwork=work, position=1, alt_text="second")
        ArtworkImageFactory(artwork=work, position=0, alt_text="first <b>")
        made.append(work)
    decorative = ArtworkFactory()
    ArtworkImageFactory(artwork=decorative, decorative=True, alt_text="")
    made.append(decorative)
    made.append(ArtworkFactory(title="No image, no artist", date_display=""))

    cards = cards_of(*made)

    assert [as_the_card_says(card) for card in cards] == [as_the_model_says(a) for a in made]
    assert cards[3].credits[1] == ("Pupil of", cards[3].credits[1][1], "")
    assert cards[4].credits[1][2] == "and workshop"
    assert cards[-1].picture is None and cards[-1].credits == ()


def test_the_page_cache_learns_everything_the_cards_show():
    work = ArtworkFactory()
    artist = ArtistFactory()
    ArtworkArtistFactory(artwork=work, artist=artist)
    first = ArtworkImageFactory(artwork=work, position=0)
    ArtworkImageFactory(artwork=work, position=1)

    with Recorder() as shown:
        cards_of(work)

    assert shown == {
        keys.for_object("artworks.artwork", work.pk),
        keys.for_object("artists.artist", artist.pk),
        keys.for_object("images.image", first.image_id),
    }


def test_no_rows_no_more_queries(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert artwork_cards(Artwork.objects.all()) == []
