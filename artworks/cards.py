"""What an artwork card prints, read as plain rows: the artwork list shows 48 cards, an artist's
page up to 48, a tag's and an artwork's pages a dozen or two; building each Artwork with its
images and credited artists as model instances (a prefetch per relation) cost more than the
rest of the page.

Two reads after the page of artworks itself, however many cards: the credits with their
artists' names, and the images (the first by position shows, as `Artwork.primary_image`). No
instance is built, so the page cache is told what the cards show (`pagecache.record_shown`):
the artworks (their credits and images are parts of them), the credited artists and the
pictures."""

from dataclasses import dataclass

import pagecache
from artists.models import Artist
from artworks import card_reads
from artworks.models import Artwork, ArtworkArtist, ArtworkImage, credit_words
from images.models import Image
from images.picture import Picture, picture_of, urls_of
from slugs.reversing import slug_addresses

# The columns of a card's artwork, in this order.
CARD_COLUMNS = ("pk", "slug", "title", "date_display")


@dataclass(frozen=True, slots=True)
class ArtworkCard:
    url: str
    title: str
    date_display: str
    credits: tuple[tuple[str, str, str], ...]  # (before the name, the name, after), in order
    picture: Picture | None  # the first image, or None (a text-only card)
    alt: str


def artwork_cards(artworks) -> list[ArtworkCard]:
    """The cards of a queryset of artworks (a page of one, a slice), in its order."""
    return _cards(list(_page_rows(artworks)))


def cards_of_rows(rows) -> list[ArtworkCard]:
    """The cards of rows of CARD_COLUMNS (artworks/card_reads.py reads them), in their order."""
    return _cards(list(rows))


def cards_by_id(ids) -> dict[int, ArtworkCard]:
    """The cards of the artworks with these ids, by id (three queries): for search results."""
    rows = list(Artwork.objects.filter(pk__in=ids).values_list(*CARD_COLUMNS))
    return {row[0]: card for row, card in zip(rows, _cards(rows), strict=True)}


def _cards(rows) -> list[ArtworkCard]:
    if not rows:
        return []
    ids = [row[0] for row in rows]
    credits = _credits(ids)
    firsts = _first_pictures(ids)
    address = slug_addresses("artworks:artwork-detail")
    pagecache.record_shown(Artwork, ids)
    return [
        ArtworkCard(
            url=address(slug),
            title=title,
            date_display=date_display,
            credits=credits.get(pk, ()),
            picture=firsts[pk][0] if pk in firsts else None,
            alt=firsts[pk][1] if pk in firsts else "",
        )
        for pk, slug, title, date_display in rows
    ]


def _page_rows(artworks):
    """The card columns of a page of artworks. A later page is read by its keys: its OFFSET then
    walks an index alone (the list's: title, id), not every row before it, and only the page's
    rows are read (a deferred join, in one query; page 4,000 of 200,000 works on PostgreSQL
    read 192,000 rows). The order must end with the key for the page to keep its order."""
    if not artworks.query.low_mark:  # a first page, or a slice of one: nothing to skip
        return artworks.values_list(*CARD_COLUMNS)
    page = Artwork.objects.filter(pk__in=artworks.values("pk"))
    if artworks.query.order_by:
        page = page.order_by(*artworks.query.order_by)
    return page.values_list(*CARD_COLUMNS)


def _credits(ids) -> dict[int, tuple[tuple[str, str, str], ...]]:
    rows = card_reads.credits(ArtworkArtist.objects.db, ids)  # credited_artists()'s order
    found: dict[int, list[tuple[str, str, str]]] = {}
    artist_ids = []
    for artwork_id, artist_id, role, role_text, name in rows:
        before, after = credit_words(role, role_text)
        found.setdefault(artwork_id, []).append((before, name, after))
        artist_ids.append(artist_id)
    pagecache.record_shown(Artist, artist_ids)
    return {artwork_id: tuple(credits) for artwork_id, credits in found.items()}


def _first_pictures(ids) -> dict[int, tuple[Picture, str]]:
    """Each artwork's first image (Artwork.primary_image) as a Picture and its alt text: the
    first row of each artwork, its images read first first (artworks/card_reads.py; a
    correlated subquery picking the first alone ran three times slower on SQLite, for artworks
    with one image each, as most have)."""
    rows = card_reads.images(ArtworkImage.objects.db, ids)
    url = urls_of(Image._meta.get_field("file").storage)
    shown = []
    firsts: dict[int, tuple[Picture, str]] = {}
    for artwork_id, alt_text, decorative, image_id, name, width, height, renditions in rows:
        if artwork_id in firsts:
            continue
        picture = picture_of(name, url=url, width=width, height=height, renditions=renditions)
        firsts[artwork_id] = (picture, "" if decorative else alt_text)  # ArtworkImage.alt
        shown.append(image_id)
    pagecache.record_shown(Image, shown)
    return firsts
