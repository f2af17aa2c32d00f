"""schema.org JSON-LD for the public pages, as plain dicts: an `Article`, a `Person` (an artist),
a `VisualArtwork` and an `ExhibitionEvent`.

Builders read what the page has already loaded (prefetched bylines, tags, credits, images) and
never query on their own. `absolute` turns a path or URL into an absolute URL (the request's
`build_absolute_uri`). Empty values are left out rather than written as "" or [].
"""

from collections.abc import Callable
from decimal import Decimal

CONTEXT = "https://schema.org"
# UN/CEFACT common codes, as schema.org's QuantitativeValue.unitCode expects.
UNIT_CODES = {"mm": "MMT", "cm": "CMT", "m": "MTR", "in": "INH"}

Absolute = Callable[[str], str]


def article_data(article, *, absolute: Absolute, publisher_name: str, part_of=None) -> dict:
    """`part_of`: the article's place in a public series (a `series_title`, `series_url` and
    `part`, as articles/series_parts.py's Navigation has them), or None."""
    url = absolute(article.get_absolute_url())
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "Article",
            "headline": article.title,
            "description": article.description,
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "author": [{"@type": "Person", "name": author.name} for author in article.byline()],
            "publisher": {"@type": "Organization", "name": publisher_name, "url": absolute("/")},
            "datePublished": _iso(article.published_at),
            "dateModified": _iso(article.modified_at),
            "articleSection": article.section.name,
            "keywords": [tag.name for tag in article.tags.all()],
            "image": _article_images(article, absolute),
            "about": [
                _person_reference(artist, absolute) for artist in article.featured_artists.all()
            ],
            "mentions": [
                _exhibition_reference(exhibition, absolute)
                for exhibition in article.featured_exhibitions.all()
                if exhibition.is_public
            ],
            "isPartOf": _series_reference(part_of, absolute),
            "position": part_of.part if part_of else None,
        }
    )


def series_data(series, *, absolute: Absolute, publisher_name: str) -> dict:
    """A series' page: a `CreativeWorkSeries` (its parts are the articles listed on it)."""
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "CreativeWorkSeries",
            "name": series.title,
            "description": series.description,
            "url": absolute(series.get_absolute_url()),
            "publisher": {"@type": "Organization", "name": publisher_name, "url": absolute("/")},
        }
    )


def _series_reference(part_of, absolute: Absolute) -> dict | None:
    if part_of is None:
        return None
    return {
        "@type": "CreativeWorkSeries",
        "name": part_of.series_title,
        "url": absolute(part_of.series_url),
    }


def artist_data(artist, *, absolute: Absolute) -> dict:
    portrait = artist.portrait_picture()
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "name": artist.name,
            "url": absolute(artist.get_absolute_url()),
            "birthDate": _year(artist.birth_year),
            "deathDate": _year(artist.death_year),
            "birthPlace": {"@type": "Place", "name": artist.birth_place}
            if artist.birth_place
            else None,
            "nationality": {"@type": "Country", "name": artist.nationality}
            if artist.nationality
            else None,
            "sameAs": [artist.website] if artist.website else [],
            "image": absolute(portrait.src) if portrait and portrait.src else None,
        }
    )


def artwork_data(artwork, *, absolute: Absolute) -> dict:
    image = artwork.primary_image
    picture = image.picture() if image else None
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "VisualArtwork",
            "name": artwork.title,
            "url": absolute(artwork.get_absolute_url()),
            # Those credited as the artist, and "X and studio" (X made it, with help);
            # "After X" or "Circle of X" is not by X.
            "creator": [
                _person_reference(credit.artist, absolute)
                for credit in artwork.credited_artists()
                if credit.role == credit.Role.ARTIST or credit.role_after
            ],
            # A year is valid ISO 8601; "c.1850-5" is not, so it is given only when no year is.
            "dateCreated": _year(artwork.earliest_year) or artwork.date_display,
            "artMedium": artwork.medium,
            "artform": artwork.classification,
            "height": _distance(artwork.height, artwork.unit),
            "width": _distance(artwork.width, artwork.unit),
            "depth": _distance(artwork.depth, artwork.unit),
            "size": artwork.dimensions_display,
            "creditText": artwork.credit_line,
            "keywords": [tag.name for tag in artwork.tags.all()],
            "image": absolute(picture.src) if picture and picture.src else None,
        }
    )


def exhibition_data(exhibition, *, absolute: Absolute, artworks=()) -> dict:
    """An `ExhibitionEvent` as Google's Event guidelines read one: name, dates, the venue as
    the `location` (a `Place` with its address) and `organizer`, a status and an attendance
    mode. The artists shown are what it is `about` (`performer` is for those who perform at
    an event), the artworks shown its `workFeatured` (schema.org's "exhibited in an
    ExhibitionEvent"): `artworks`, the cards the page shows (a title and an address each).
    A date known only to the month or the year is written as ISO 8601's partial forms
    ("2027-05", "2027": `opens_iso`, `closes_iso`), which schema.org's Date allows."""
    venue = exhibition.venue
    picture = exhibition.image_picture()
    address = _without_empty(
        {
            "@type": "PostalAddress",
            "addressLocality": venue.city,
            "addressCountry": venue.country,
        }
    )
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "ExhibitionEvent",
            "name": exhibition.title,
            "url": absolute(exhibition.get_absolute_url()),
            "description": exhibition.description,
            "image": absolute(picture.src) if picture and picture.src else None,
            "startDate": exhibition.opens_iso,
            "endDate": exhibition.closes_iso,
            # Scheduled, whether it is on or over: Google asks that a past event keep it.
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": _without_empty(
                {
                    "@type": "Place",
                    "name": venue.name,
                    "address": address if len(address) > 1 else None,
                    "url": venue.url,
                }
            ),
            "organizer": _without_empty(
                {"@type": "Organization", "name": venue.name, "url": venue.url}
            ),
            "sameAs": [exhibition.url] if exhibition.url else [],
            "about": [_person_reference(artist, absolute) for artist in exhibition.artists.all()],
            "workFeatured": [
                {"@type": "VisualArtwork", "name": card.title, "url": absolute(card.url)}
                for card in artworks
            ],
        }
    )


def _exhibition_reference(exhibition, absolute: Absolute) -> dict:
    """A show an article features, as the article `mentions` it: enough to name the event
    (its own page has the whole `ExhibitionEvent`)."""
    return _without_empty(
        {
            "@type": "ExhibitionEvent",
            "name": exhibition.title,
            "url": absolute(exhibition.get_absolute_url()),
            "startDate": exhibition.opens_iso,
            "endDate": exhibition.closes_iso,
            "location": {"@type": "Place", "name": exhibition.venue.name},
        }
    )


def _person_reference(artist, absolute: Absolute) -> dict:
    return {"@type": "Person", "name": artist.name, "url": absolute(artist.get_absolute_url())}


def _article_images(article, absolute: Absolute) -> list[str]:
    """The lead picture: its 1200x630 crop when made, and the picture as the page shows it;
    then the pictures of the figures placed in the body, in their order."""
    shown = article.lead_image()
    if shown is None:
        return []
    picture = shown.picture
    urls = [url for url in (picture.social_url, picture.src) if url]
    for figure in article.body_figures():
        in_body = figure.shown_image()
        if in_body is not None and in_body.picture.src:
            urls.append(in_body.picture.src)
    return [absolute(url) for url in dict.fromkeys(urls)]


def _distance(value: Decimal | None, unit: str) -> dict | None:
    if value is None or not unit:
        return None
    number = int(value) if value == value.to_integral_value() else float(value)
    return {
        "@type": "QuantitativeValue",
        "value": number,
        "unitCode": UNIT_CODES.get(unit),
        "unitText": unit,
    }


def _year(year: int | None) -> str | None:
    """A year as ISO 8601 writes it: "1957", "0800"."""
    return f"{year:04d}" if year is not None else None


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
