"""The artists and artworks an article's text names ("Featuring"), found in its title, standfirst
and body against every name of the catalogue (catalogue.py). It never writes anything and no
public page calls it.

What counts (each rule measured on the labelled set, tests/fixtures/featuring/):
- an artist named in full, in any of the forms of names.artist_forms ("Ai Weiwei", "AI
  WEIWEI", "J.M.W. Turner", "Barbara Hepworth" for "Dame Barbara Hepworth"); a full name made of
  ordinary words only ("Richard Long") when capitalised; a form several artists share, never;
- an artist by surname alone ("Weiwei's", "Hepworth"): when the article names them in full
  elsewhere, or a work of theirs beside it ("Bacon's Three Figures and Portrait"), or when the
  surname is distinctive (not ordinary English, one artist's only), capitalised and not part
  of a longer proper name ("the Turner Prize", "Hepworth Wakefield");
- an artwork by its title, as its tier asks (names.Tier): with its artist named nearby (the same
  paragraph, or the article's title or standfirst) and/or set as a title (italics, quotes, its
  words capitalised as the title's mid-sentence). Among artworks sharing a title, the one whose
  artist is nearby; none when no artist, or several, decide. A title that is an artist's name
  (a portrait called "Roy Lichtenstein") needs its own artist nearby and italics or quotes.
Text inside links is skipped; a name inside a longer name found (an artist's name in a title)
counts as the longer one only.
"""

from dataclasses import dataclass

from featuring import evidence
from featuring.catalogue import Catalogue, Entry, current
from featuring.names import Tier
from featuring.normalizing import APOSTROPHES, normalize
from featuring.sentences import sentence_of
from featuring.texts import FieldText, body_field, plain_field

FIELDS = ("title", "standfirst", "body")
# How good a way of naming is; an object's Mention is its best, first occurrence.
_FULL, _SURNAME, _TITLE = 2, 1, 2


@dataclass(frozen=True)
class Mention:
    kind: str  # "artist" or "artwork"
    object_id: int  # Artist or Artwork key
    name: str  # the name or title as the catalogue has it (Artist.name, Artwork.title)
    found: str  # the words as the article wrote them ("Weiwei's", "AI WEIWEI")
    field: str  # "title", "standfirst" or "body"
    start: int  # offsets of `found` in that field's plain text (body: texts.body_text)
    end: int
    sentence: str  # the sentence of the field's plain text it was found in (≤ 300 chars)


class _Hit:
    """A form found in a field: where, and its entry. `place` is the field's order and the
    paragraph (the title and standfirst are one place, the top: (0, 0))."""

    __slots__ = ("field", "start", "end", "entry", "found", "place", "order", "_own_name")

    def __init__(self, field: FieldText, start: int, end: int, entry: Entry, order: int):
        self.field, self.start, self.end, self.entry = field, start, end, entry
        self.found = field.text[start:end]
        self.order = (order, start)
        self.place = (order, field.paragraph(start)) if order == 2 else (0, 0)
        self._own_name: bool | None = None

    @property
    def capitalised(self) -> bool:
        return evidence.capitalised(self.found)

    @property
    def own_name(self) -> bool:
        """Written as a name of its own: capitalised, not part of a longer proper name ("Turner's",
        not "turner" or "the Turner Prize"). Read once: several rules ask."""
        if self._own_name is None:
            self._own_name = self.capitalised and not evidence.in_longer_name(
                self.field.text, self.start, self.end
            )
        return self._own_name


@dataclass(frozen=True)
class _Found:
    kind: str
    object_id: int
    hit: _Hit
    quality: int


def find_mentions(
    title: str, standfirst: str, body_html: str, *, catalogue: Catalogue | None = None
) -> list[Mention]:
    """The artists and artworks the text names: one Mention per object (its first, best occurrence),
    in reading order. Text inside links (<a>) of the body is skipped. Against the process's
    catalogue of the database's names, or the one given (tests, the benchmark)."""
    return mentions_in(
        [plain_field("title", title), plain_field("standfirst", standfirst), body_field(body_html)],
        current() if catalogue is None else catalogue,
    )


def mentions_in(fields: list[FieldText], catalogue: Catalogue) -> list[Mention]:
    """find_mentions() over fields already read, against a given catalogue."""
    hits = [hit for order, field in enumerate(fields) for hit in _hits(field, order, catalogue)]
    artists = _artists(hits, catalogue)
    artworks = _artworks(hits, artists, catalogue)
    found = artists + artworks + _by_their_works(hits, artworks, catalogue)
    found = _outside_longer(found)
    best: dict[tuple[str, int], _Found] = {}
    for item in sorted(found, key=lambda item: (-item.quality, item.hit.order)):
        best.setdefault((item.kind, item.object_id), item)
    return [_mention(item, catalogue) for item in sorted(best.values(), key=lambda i: i.hit.order)]


def _hits(field: FieldText, order: int, catalogue: Catalogue) -> list[_Hit]:
    normalized = normalize(field.text)
    text = field.text
    hits = []
    for end, entry in catalogue.iter(normalized.text):
        start, stop = normalized.span(end - entry.length + 2, end)
        if field.skipped and field.is_skipped(start, stop):
            continue
        # "Weiwei's": the possessive belongs to what the article wrote.
        if text[stop : stop + 1] in APOSTROPHES and text[stop + 1 : stop + 2] in ("s", "S"):
            if not text[stop + 2 : stop + 3].isalnum():
                stop += 2
        hits.append(_Hit(field, start, stop, entry, order))
    return hits


def _artists(hits: list[_Hit], catalogue: Catalogue) -> list[_Found]:
    """Artists named in full, then by surname (see the module's docstring)."""
    found = []
    for hit in hits:
        entry = hit.entry
        if len(entry.full) != 1:
            continue
        if entry.plain_words and not hit.capitalised:
            continue
        found.append(_Found("artist", entry.full[0], hit, _FULL))
    in_full = {item.object_id for item in found}
    for hit in hits:
        entry = hit.entry
        if not entry.surname or entry.full:
            continue
        named = [artist for artist in entry.surname if artist in in_full]
        if len(named) == 1:
            if hit.capitalised:
                found.append(_Found("artist", named[0], hit, _SURNAME))
            continue
        artist = entry.surname[0]
        if entry.alone and hit.own_name:
            found.append(_Found("artist", artist, hit, _SURNAME))
    return found


def _named_nearby(
    hits: list[_Hit], artists: list[_Found], catalogue: Catalogue
) -> dict[tuple[int, int], set[int]]:
    """The artists named at each place (field, paragraph): the artists found, and the artists
    whose surname is written capitalised and on its own ("Turner's", not "Turner Prize") where
    the surname is theirs alone or the article names them in full ("Self-portraits" is no
    sign of Colin Self)."""
    places: dict[tuple[int, int], set[int]] = {}
    for item in artists:
        places.setdefault(item.hit.place, set()).add(item.object_id)
    in_full = {item.object_id for item in artists if item.quality == _FULL}
    for hit in hits:
        if hit.entry.surname and hit.own_name:
            named = {artist for artist in hit.entry.surname if artist in in_full or hit.entry.alone}
            places.setdefault(hit.place, set()).update(named)
    return places


def _emphasised(hit: _Hit) -> bool:
    """In italics (or <q>) or in quotes."""
    return hit.field.is_emphasised(hit.start, hit.end) or evidence.quoted(
        hit.field.text, hit.start, hit.end
    )


def _set_as_title(hit: _Hit, title: str) -> bool:
    """Italics or quotes; or its words capitalised as the title's, mid-sentence, outside the
    article's title (a headline capitalises every word)."""
    field, start = hit.field, hit.start
    if _emphasised(hit):
        return True
    if field.field == "title" or evidence.all_capitals(hit.found):
        return False
    return evidence.cased_as(hit.found, title) and not evidence.at_sentence_start(field.text, start)


def _artworks(hits: list[_Hit], artists: list[_Found], catalogue: Catalogue) -> list[_Found]:
    places = _named_nearby(hits, artists, catalogue)
    top = places.get((0, 0), set())
    found = []
    for hit in hits:
        entry = hit.entry
        if not entry.artworks:
            continue
        here = places.get(hit.place, ())
        by_nearby = [
            artwork
            for artwork in entry.artworks
            if any(a in here or a in top for a in catalogue.artwork_artists.get(artwork, ()))
        ]
        title = catalogue.artwork_titles[entry.artworks[0]]
        if len(by_nearby) == 1:
            # Its artist nearby, and written as a title: "a mill" near Constable is no "A Mill".
            if entry.tier is Tier.ARTIST_AND_TYPE:
                ok = _set_as_title(hit, title)
            elif entry.tier is Tier.ARTIST_OR_TYPE and entry.ordinary:
                # Capitals that start a sentence are no sign of an ordinary phrase: "On the
                # Rhine in 1817 Turner..." (a distinctive word, "Iffish", is its own sign).
                ok = _set_as_title(hit, title) or (
                    evidence.cased_as(hit.found, title)
                    and (hit.field.field == "title" or evidence.all_capitals(hit.found))
                )
            else:
                ok = evidence.cased_as(hit.found, title) or _set_as_title(hit, title)
            if ok:
                found.append(_Found("artwork", by_nearby[0], hit, _TITLE))
        elif not by_nearby and len(entry.artworks) == 1:
            # Without its artist, an ordinary phrase needs italics or quotes: capitals alone
            # make "The Guardian", "Christmas Day" or "Seven Sisters" of it too.
            if entry.tier is Tier.ALONE:
                ok = evidence.cased_as(hit.found, title) or _set_as_title(hit, title)
            else:
                ok = entry.tier is Tier.ARTIST_OR_TYPE and _emphasised(hit)
            if ok:
                found.append(_Found("artwork", entry.artworks[0], hit, _TITLE))
    return found


def _by_their_works(hits: list[_Hit], artworks: list[_Found], catalogue: Catalogue) -> list[_Found]:
    """Artists named by an ordinary surname beside an artwork of theirs that was found: "Bacon's
    <em>Three Figures and Portrait</em>" names Francis Bacon."""
    works_by: dict[tuple[int, int], set[int]] = {}
    for item in artworks:
        credits = catalogue.artwork_artists.get(item.object_id, ())
        works_by.setdefault(item.hit.place, set()).update(credits)
    found = []
    for hit in hits:
        if not hit.entry.surname or hit.entry.full or not hit.own_name:
            continue
        credited = [artist for artist in hit.entry.surname if artist in works_by.get(hit.place, ())]
        if len(credited) == 1:
            found.append(_Found("artist", credited[0], hit, _SURNAME))
    return found


def _outside_longer(found: list[_Found]) -> list[_Found]:
    """Drop what lies inside a longer name found in the same field ("Han Dynasty" inside
    "Dropping a Han Dynasty Urn", an artist's name inside a title)."""
    by_start = sorted(found, key=lambda item: (item.hit.order, -item.hit.end))
    kept, reach, field = [], -1, None
    for item in by_start:
        hit = item.hit
        if hit.field is not field:
            field, reach, reach_start = hit.field, -1, -1
        inside = hit.end < reach or (hit.end == reach and hit.start > reach_start)
        if not inside:
            kept.append(item)
        if hit.end > reach:
            reach, reach_start = hit.end, hit.start
    return kept


def _mention(item: _Found, catalogue: Catalogue) -> Mention:
    hit = item.hit
    if item.kind == "artist":
        name = catalogue.artist_names[item.object_id]
    else:
        name = catalogue.artwork_titles[item.object_id]
    return Mention(
        kind=item.kind,
        object_id=item.object_id,
        name=name,
        found=hit.found,
        field=hit.field.field,
        start=hit.start,
        end=hit.end,
        sentence=sentence_of(hit.field.text, hit.start, hit.end, hit.field.sentence_starts),
    )
