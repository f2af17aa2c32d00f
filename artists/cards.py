"""What an artist's search result prints, read as plain rows: building each Artist with its
portrait as model instances cost more than printing them. One read; the page cache is told
which artists and portraits it shows (`pagecache.record_shown`), as loading them would."""

from dataclasses import dataclass

import pagecache
from artists.models import Artist, life_dates
from images.models import Image
from images.picture import Picture, picture_of, urls_of
from slugs.reversing import slug_addresses

_COLUMNS = ("pk", "slug", "name", "nationality", "birth_year", "death_year", "portrait_alt_text")
_PORTRAIT = ("portrait_id", *(f"portrait__{c}" for c in ("file", "width", "height", "renditions")))


@dataclass(frozen=True, slots=True)
class ArtistCard:
    url: str
    name: str
    nationality: str
    life_dates: str
    picture: Picture | None  # the portrait (Artist.portrait_picture), or None
    alt: str  # the portrait's alt text


def cards_by_id(ids) -> dict[int, ArtistCard]:
    """The cards of the artists with these ids, by id (one query)."""
    rows = list(Artist.objects.filter(pk__in=ids).values_list(*_COLUMNS, *_PORTRAIT))
    if not rows:
        return {}
    address = slug_addresses("artists:artist-detail")
    url = urls_of(Image._meta.get_field("file").storage)
    pagecache.record_shown(Artist, [row[0] for row in rows])
    pagecache.record_shown(Image, [row[7] for row in rows if row[7] is not None])
    cards = {}
    for pk, slug, name, nationality, birth, death, alt, image_id, *image in rows:
        file, width, height, renditions = image
        picture = None
        if image_id is not None:
            picture = picture_of(file, url=url, width=width, height=height, renditions=renditions)
        cards[pk] = ArtistCard(
            url=address(slug),
            name=name,
            nationality=nationality,
            life_dates=life_dates(birth, death),
            picture=picture,
            alt=alt,
        )
    return cards
