"""One Tate JSON file in, one record out (or Skip with the reason): no database here.

Artists: `fc` (display name), `mda` (sort name), `birth`/`death` (`time.startYear`,
`place.name`), `movements` (names become tags), `url`. Artworks: see TateArtwork; contributors
in `displayOrder`, each role mapped to ArtworkArtist.Role (ROLES); subjects are the leaves of
Tate's subject tree ("clown", not "work and occupations" or "arts and entertainment").
"""

import json
from collections.abc import Container

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.tate.dates import parse_date
from imports.tate.dimensions import parse_dimensions
from imports.tate.records import Skip, TateArtist, TateArtwork, TateCredit
from richtext.sanitize import sanitize_url

Role = ArtworkArtist.Role

# Every role in Tate's data we know how to say. Any other skips the artwork ("unknown role"):
# a credit printed wrongly ("Ai Weiwei" for "after Ai Weiwei") is worse than a missing work.
ROLES = {
    "artist": Role.ARTIST,
    "after": Role.AFTER,
    "attributed to": Role.ATTRIBUTED_TO,
    "circle of": Role.CIRCLE_OF,
    "follower of": Role.FOLLOWER_OF,
    "studio of": Role.STUDIO_OF,
    "manner of": Role.MANNER_OF,
    "school of": Role.SCHOOL_OF,
    "formerly attributed to": Role.FORMERLY_ATTRIBUTED_TO,
    "pseudo": Role.PSEUDO,
    "and studio": Role.AND_STUDIO,
    "and a pupil": Role.AND_PUPIL,
    "and other artists": Role.AND_OTHERS,
}

TAG_MAX = 100  # taggit's Tag.name


def parse_artist(content: bytes) -> TateArtist:
    data = _load(content)
    name = _text(data, "fc", Artist, "name")
    if not name:
        raise Skip("no name")
    birth, death = data.get("birth") or {}, data.get("death") or {}
    movements = [movement.get("name") for movement in _dicts(data.get("movements"))]
    return TateArtist(
        tate_id=_tate_id(data),
        name=name,
        sort_name=_text(data, "mda", Artist, "sort_name") or name,
        birth_year=_year(birth) or _year({"time": {"startYear": data.get("birthYear")}}),
        death_year=_year(death),
        birth_place=_place(birth, "birth_place"),
        death_place=_place(death, "death_place"),
        url=_url(data, Artist),
        movements=_terms(movements),
        notes=_left_out(movements, "movement"),
    )


def parse_artwork(content: bytes, known_artists: Container[int]) -> TateArtwork:
    """`known_artists`: the Tate ids of the artists this import knows (their files were read, or
    an earlier import wrote them); a contributor outside it skips the artwork."""
    data = _load(content)
    tate_id = _tate_id(data)
    title = _text(data, "title", Artwork, "title")
    if not title:
        raise Skip("no title")
    dimensions = parse_dimensions(_str(data.get("dimensions")), _str(data.get("units")))
    subjects = _leaves(data.get("subjects"))
    return TateArtwork(
        tate_id=tate_id,
        accession_number=_text(data, "acno", Artwork, "accession_number"),
        title=title,
        date=parse_date(_str(data.get("dateText")), data.get("dateRange")),
        medium=_text(data, "medium", Artwork, "medium"),
        dimensions=dimensions,
        classification=_text(data, "classification", Artwork, "classification"),
        credit_line=_text(data, "creditLine", Artwork, "credit_line"),
        copyright_line=_text(data, "thumbnailCopyright", Artwork, "copyright_line"),
        url=_url(data, Artwork),
        subjects=_terms(subjects),
        credits=_credits(data.get("contributors"), known_artists),
        notes=_left_out(subjects, "subject"),
    )


def _credits(contributors, known_artists: Container[int]) -> tuple[TateCredit, ...]:
    ordered = sorted(
        enumerate(_dicts(contributors)),
        key=lambda pair: (_int(pair[1].get("displayOrder")) or 0, pair[0]),
    )
    credits, seen = [], set()
    for _index, contributor in ordered:
        artist_id, name = _int(contributor.get("id")), _str(contributor.get("fc")).strip()
        if artist_id is None:
            raise Skip("contributor without id", f"contributor {name!r}")
        written = _str(contributor.get("role")).strip()
        role = ROLES.get(written.lower())
        if role is None:
            raise Skip("unknown role", f"{written!r} (contributor {artist_id}, {name})")
        if artist_id not in known_artists:
            raise Skip("contributor without artist file", f"contributor {artist_id} ({name})")
        if (artist_id, role) not in seen:  # twice would break artworkartist_unique_credit
            seen.add((artist_id, role))
            credits.append(TateCredit(artist_tate_id=artist_id, name=name, role=role))
    return tuple(credits)


def _leaves(node) -> list[str]:
    """The names of the subject tree's leaves, in Tate's order (the root is no subject)."""
    if not isinstance(node, dict):
        return []
    names = []
    for child in _dicts(node.get("children")):
        names += _leaves(child) if child.get("children") else [_str(child.get("name"))]
    return names


def _terms(names) -> tuple[str, ...]:
    """Tag names: trimmed, once each whatever their case (tags ignore case), at most TAG_MAX
    characters (longer ones, a few exhibition titles among Tate's subjects, are left out)."""
    terms, seen = [], set()
    for name in names:
        name = " ".join(_str(name).split())
        if name and len(name) <= TAG_MAX and name.lower() not in seen:
            seen.add(name.lower())
            terms.append(name)
    return tuple(terms)


def _left_out(names, what: str) -> tuple[str, ...]:
    too_long = [name for name in names if len(" ".join(_str(name).split())) > TAG_MAX]
    return (f"{what} longer than {TAG_MAX} characters left out",) * len(too_long)


def _load(content: bytes) -> dict:
    try:
        data = json.loads(content)
    except (UnicodeDecodeError, ValueError) as error:
        raise Skip("malformed JSON", str(error)) from error
    if not isinstance(data, dict):
        raise Skip("malformed JSON", "not a JSON object")
    return data


def _tate_id(data: dict) -> int:
    tate_id = _int(data.get("id"))
    if tate_id is None or tate_id < 0:
        raise Skip("no Tate id")
    return tate_id


def _text(data: dict, key: str, model, field: str) -> str:
    text = " ".join(_str(data.get(key)).split())
    limit = model._meta.get_field(field).max_length
    if len(text) > limit:
        raise Skip("too long", f"{key} has {len(text)} characters, {field} holds {limit}")
    return text


def _url(data: dict, model) -> str:
    """Cleaned as SafeURLField cleans on save (bulk updates skip that): no javascript: here."""
    url = sanitize_url(_text(data, "url", model, "source_url"))
    # Tate's site answers on https only; the data still has its old http addresses.
    return "https://" + url.removeprefix("http://") if url.startswith("http://www.tate") else url


def _year(event: dict) -> int | None:
    time = event.get("time") if isinstance(event, dict) else None
    year = _int(time.get("startYear")) if isinstance(time, dict) else None
    return year if year is not None and -32768 < year < 32767 else None  # SmallIntegerField


def _place(event: dict, field: str) -> str:
    place = event.get("place") if isinstance(event, dict) else None
    return _text(place, "name", Artist, field) if isinstance(place, dict) else ""


def _dicts(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value) -> str:
    return value if isinstance(value, str) else ""
