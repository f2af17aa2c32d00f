"""One Tate JSON file in, one record out (or Skip with the reason): no database here.

Artists: `fc` (display name), `mda` (sort name), `birth`/`death` (`time.startYear`,
`place.name`), `movements` (names become tags), `url`. Artworks: see TateArtwork; contributors
in `displayOrder`, each role mapped to ArtworkArtist.Role (ROLES), or kept in Tate's words;
subjects are the leaves of Tate's subject tree ("clown", not "work and occupations" or "arts
and entertainment").

A record is skipped only when it cannot be stored at all (no JSON object, no Tate id to key it
on, an artist without any name). Anything less loses a part, not the record, and says so in the
summary's notes: a role we have no value for is kept as Tate writes it, a contributor without
an artist file becomes an artist from what the artwork says of them, a text longer than its
field is shortened (an address too long to work is left out), a work without a title gets
Tate's own "[title not known]".
"""

import json
import re
from dataclasses import replace

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from imports.tate.dates import parse_date
from imports.tate.dimensions import parse_dimensions
from imports.tate.records import Skip, TateArtist, TateArtwork, TateCredit
from plaintext.text import clean_text
from richtext.sanitize import sanitize_url

Role = ArtworkArtist.Role

ID_MAX = 2_147_483_647  # PositiveIntegerField, on every database
# A contributor's `date`: "1775–1851", "born 1952".
_LIFE = re.compile(r"\b(\d{3,4})\s*[–-]\s*(\d{3,4})\b")
_BORN = re.compile(r"\bborn\s+(\d{3,4})\b")

# Every role in Tate's data we have a value for. Any other is kept in Tate's words (Role.OTHER,
# or OTHER_AFTER for one said after the name): a credit that drops its role ("Ai Weiwei" for
# "pupil of Ai Weiwei") would be wrong, and a missing work is a loss.
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

# What Tate itself writes for a work whose title is not known (hundreds of its records).
NO_TITLE = "[title not known]"
ELLIPSIS = "…"


def parse_artist(content: bytes) -> TateArtist:
    data = _load(content)
    tate_id = _tate_id(data)
    notes: list[str] = []
    name = _text(data, "fc", Artist, "name", notes)
    sort_name = _text(data, "mda", Artist, "sort_name", notes)
    if not name and sort_name:
        name = sort_name  # "Brus, Günter" reads well enough, and is Tate's
        notes.append("artist without a display name named by the sort name")
    if not name:
        raise Skip("no name")
    birth, death = data.get("birth") or {}, data.get("death") or {}
    movements = [movement.get("name") for movement in _dicts(data.get("movements"))]
    return TateArtist(
        tate_id=tate_id,
        name=name,
        sort_name=sort_name or name,
        birth_year=_year(birth) or _year({"time": {"startYear": data.get("birthYear")}}),
        death_year=_year(death),
        birth_place=_place(birth, "birth_place", notes),
        death_place=_place(death, "death_place", notes),
        url=_url(data, Artist, notes),
        movements=_terms(movements),
        notes=(*notes, *_left_out(movements, "movement")),
    )


def parse_artwork(content: bytes) -> TateArtwork:
    data = _load(content)
    tate_id = _tate_id(data)
    notes: list[str] = []
    title = _text(data, "title", Artwork, "title", notes)
    if not title:
        title = NO_TITLE
        notes.append(f"artwork without a title imported as {NO_TITLE}")
    dimensions = parse_dimensions(_str(data.get("dimensions")), _str(data.get("units")))
    date = parse_date(_str(data.get("dateText")), data.get("dateRange"))
    limit = Artwork._meta.get_field("date_display").max_length
    if len(date.display) > limit:
        notes.append(f"date_display longer than {limit} characters shortened")
        date = replace(date, display=_shortened(date.display, limit))
    subjects = _leaves(data.get("subjects"))
    return TateArtwork(
        tate_id=tate_id,
        accession_number=_text(data, "acno", Artwork, "accession_number", notes),
        title=title,
        date=date,
        medium=_text(data, "medium", Artwork, "medium", notes),
        dimensions=dimensions,
        classification=_text(data, "classification", Artwork, "classification", notes),
        credit_line=_text(data, "creditLine", Artwork, "credit_line", notes),
        copyright_line=_text(data, "thumbnailCopyright", Artwork, "copyright_line", notes),
        url=_url(data, Artwork, notes),
        subjects=_terms(subjects),
        credits=_credits(data.get("contributors"), notes),
        notes=(*notes, *_left_out(subjects, "subject")),
    )


def _credits(contributors, notes: list[str]) -> tuple[TateCredit, ...]:
    ordered = sorted(
        enumerate(_dicts(contributors)),
        key=lambda pair: (_int(pair[1].get("displayOrder")) or 0, pair[0]),
    )
    credits, seen = [], set()
    for _index, contributor in ordered:
        artist_id = _id(contributor.get("id"))
        if artist_id is None:
            # Nothing to key an artist on, now or in a later import: the work keeps its other
            # credits, and the summary says one was left out.
            notes.append("contributor without a Tate id left out of the credits")
            continue
        role, role_text = _role(contributor, notes)
        if (artist_id, role, role_text) in seen:  # twice would break artworkartist_unique_credit
            continue
        seen.add((artist_id, role, role_text))
        artist = _contributor_artist(contributor, artist_id, notes)
        credits.append(
            TateCredit(
                artist_tate_id=artist_id,
                name=artist.name if artist else "",
                role=role,
                role_text=role_text,
                artist=artist,
            )
        )
    return tuple(credits)


def _role(contributor: dict, notes: list[str]) -> tuple[str, str]:
    """The credit's role, and for a role without a value of its own, Tate's words for it."""
    written = " ".join(_str(contributor.get("role")).split())
    if not written:
        notes.append("contributor without a role credited as the artist")
        return Role.ARTIST, ""
    role = ROLES.get(written.lower())
    if role is not None:
        return role, ""
    notes.append(f"contributor role {written!r} imported as written")
    limit = ArtworkArtist._meta.get_field("role_text").max_length
    after = contributor.get("append_role_after_name") is True or written.lower().startswith("and ")
    return (Role.OTHER_AFTER if after else Role.OTHER), _shortened(written, limit)


def _contributor_artist(contributor: dict, artist_id: int, notes: list[str]) -> TateArtist | None:
    """The artist as the artwork describes them (`fc`, `mda`, `birthYear`, `date` "1775–1851"):
    what the import makes when Tate has no artist file for them. None without any name."""
    name = _text(contributor, "fc", Artist, "name", notes)
    sort_name = _text(contributor, "mda", Artist, "sort_name", notes)
    if not (name or sort_name):
        return None
    date = _str(contributor.get("date"))
    life = _LIFE.search(date)
    born = _BORN.search(date)
    birth = _int(contributor.get("birthYear"))
    if birth is None:
        birth = int(life[1]) if life else int(born[1]) if born else None
    return TateArtist(
        tate_id=artist_id,
        name=name or sort_name,
        sort_name=sort_name or name,
        birth_year=_year({"time": {"startYear": birth}}),
        death_year=_year({"time": {"startYear": int(life[2])}}) if life else None,
        birth_place="",
        death_place="",
        url="",
        movements=(),
    )


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
    tate_id = _id(data.get("id"))
    if tate_id is None:
        raise Skip("no Tate id")
    return tate_id


def _id(value) -> int | None:
    """A Tate id: a whole number (or its digits as a string), fit for a PositiveIntegerField."""
    if isinstance(value, str):
        digits = value.strip()
        value = int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 12 else None
    number = _int(value)
    return number if number is not None and 0 <= number <= ID_MAX else None


def _text(data: dict, key: str, model, field: str, notes: list[str]) -> str:
    """A text as its field stores it: on one line, shortened (and noted) when too long."""
    text = " ".join(_str(data.get(key)).split())
    limit = model._meta.get_field(field).max_length
    if len(text) > limit:
        notes.append(f"{field} longer than {limit} characters shortened")
        return _shortened(text, limit)
    return text


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def _url(data: dict, model, notes: list[str]) -> str:
    """Cleaned as SafeURLField cleans on save (bulk updates skip that): no javascript: here."""
    url = " ".join(_str(data.get("url")).split())
    limit = model._meta.get_field("source_url").max_length
    if len(url) > limit:  # a shortened address leads nowhere
        notes.append(f"source URL longer than {limit} characters left out")
        return ""
    url = sanitize_url(url)
    # Tate's site answers on https only; the data still has its old http addresses.
    return "https://" + url.removeprefix("http://") if url.startswith("http://www.tate") else url


def _year(event: dict) -> int | None:
    time = event.get("time") if isinstance(event, dict) else None
    year = _int(time.get("startYear")) if isinstance(time, dict) else None
    return year if year is not None and -32768 < year < 32767 else None  # SmallIntegerField


def _place(event: dict, field: str, notes: list[str]) -> str:
    place = event.get("place") if isinstance(event, dict) else None
    return _text(place, "name", Artist, field, notes) if isinstance(place, dict) else ""


def _dicts(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value) -> str:
    """Every text of a record, cleaned as saving cleans text (bulk writes do not save)."""
    return clean_text(value) if isinstance(value, str) else ""
