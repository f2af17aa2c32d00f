"""Every name the matcher looks for, in one Aho-Corasick automaton (pyahocorasick), built once per
process and rebuilt when names change.

Each key is a normalized form padded with spaces (" ai weiwei "), so that the automaton finds
whole words of the normalized text only; its value is the index of an `Entry` saying what the
form names: artists by their full name, artists by their surname, artworks by their title.
Generic titles are left out, so they cost no memory and no time.

`current()` is the catalogue of this process. It is rebuilt when the version in the shared cache
differs from the one it was built at: receivers.py sets a new version, at once and when the
transaction commits, whenever an artist's name or sort name, an artwork's title or a credit
changes, a row is deleted, or an import finishes, so every process (each with its own
catalogue) sees the change on its next search. No database query unless it rebuilds. With the
default local-memory cache of development each process has its own version: only production's
shared cache (Redis) tells the others.
"""

import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick
from django.core.cache import cache

from artists.models import Artist
from artworks.models import Artwork, ArtworkArtist
from featuring.names import (
    GENERIC_SHARED,
    Tier,
    artist_forms,
    stem,
    title_tier,
    title_variants,
    trusted_surname,
)
from featuring.normalizing import normal_form
from featuring.words import all_common

VERSION_KEY = "featuring:catalogue-version"


@dataclass(slots=True)
class Entry:
    """What one normalized form names. `length` is the key's length with its padding."""

    length: int
    full: tuple[int, ...] = ()  # artists named in full by it
    plain_words: bool = False  # that full name is all ordinary words: it must be capitalised
    surname: tuple[int, ...] = ()  # artists named by it as their surname
    alone: bool = False  # that surname is distinctive enough to name its one artist alone
    artworks: tuple[int, ...] = ()  # artworks of this title
    tier: Tier = Tier.NEVER  # the title's tier (names.Tier)
    ordinary: bool = False  # the title is ordinary English words only ("On the Rhine")


@dataclass
class Catalogue:
    automaton: ahocorasick.Automaton
    entries: list[Entry]
    artist_names: dict[int, str]
    artist_sort_names: dict[int, str]
    artwork_titles: dict[int, str]
    artwork_artists: dict[int, tuple[int, ...]]
    counts: dict[str, int] = field(default_factory=dict)

    def iter(self, text: str):
        """(end, entry) of every form found in a normalized, padded text."""
        if self.automaton.kind != ahocorasick.AHOCORASICK:  # no names at all (a new site)
            return
        entries = self.entries
        for end, index in self.automaton.iter(text):
            yield end, entries[index]


def build(
    artists: Iterable[tuple[int, str, str]], artworks: Iterable[tuple[int, str, Iterable[int]]]
) -> Catalogue:
    """A catalogue of (id, name, sort name) artists and (id, title, artist ids) artworks."""
    full: dict[str, list[int]] = defaultdict(list)
    surnames: dict[str, list[int]] = defaultdict(list)
    artist_names: dict[int, str] = {}
    artist_sort_names: dict[int, str] = {}
    multi_word: set[int] = set()
    for artist_id, name, sort_name in artists:
        artist_names[artist_id] = name
        artist_sort_names[artist_id] = sort_name
        forms, artist_surnames = artist_forms(name, sort_name or name)
        for form in forms:
            full[form].append(artist_id)
        if forms:
            multi_word.add(artist_id)
        for surname in artist_surnames:
            surnames[surname].append(artist_id)

    titles: dict[str, list[int]] = defaultdict(list)
    artwork_titles: dict[int, str] = {}
    artwork_artists: dict[int, tuple[int, ...]] = {}
    stem_artists: dict[str, set] = defaultdict(set)
    raw_titles: dict[str, str] = {}
    for artwork_id, title, artist_ids in artworks:
        form = normal_form(title)
        artist_ids = tuple(artist_ids)
        artwork_titles[artwork_id] = title
        artwork_artists[artwork_id] = artist_ids
        titles[form].append(artwork_id)
        raw_titles.setdefault(form, title)
        stem_artists[stem(form)].add(artist_ids[:1] or (-artwork_id,))
    generic = {key for key, owners in stem_artists.items() if len(owners) >= GENERIC_SHARED}

    entries: dict[str, Entry] = {}

    def entry(form: str) -> Entry:
        if form not in entries:
            entries[form] = Entry(length=len(form) + 2)
        return entries[form]

    for form, ids in full.items():
        named = entry(form)
        named.full = tuple(dict.fromkeys(ids))
        named.plain_words = all_common(form.split())
    for form, ids in surnames.items():
        ids = tuple(dict.fromkeys(ids))
        named = entry(form)
        named.surname = ids
        named.alone = len(ids) == 1 and ids[0] in multi_word and trusted_surname(form)
    shortened: dict[str, list[int]] = defaultdict(list)
    shortened_tier: dict[str, Tier] = {}
    for form, ids in titles.items():
        tier = title_tier(raw_titles[form], form, generic)
        if tier is Tier.NEVER or _names_its_artist(form, ids, artwork_artists, full, surnames):
            continue
        if form in full:  # a portrait called "Roy Lichtenstein": the name finds the artist
            tier = Tier.ARTIST_AND_TYPE
        titled = entry(form)
        titled.artworks = tuple(ids)
        titled.tier = tier
        titled.ordinary = all_common(form.split())
        for short_title, short_form in title_variants(raw_titles[form], form):
            short_tier = min(tier, title_tier(short_title, short_form, generic))
            if short_tier is not Tier.NEVER and short_form not in titles:
                shortened[short_form] += ids
                shortened_tier[short_form] = min(short_tier, shortened_tier.get(short_form, tier))
    for form, ids in shortened.items():  # "Fighting Temeraire", "Three Ways"
        titled = entry(form)
        titled.artworks = tuple(dict.fromkeys(ids))
        titled.tier = shortened_tier[form]
        titled.ordinary = all_common(form.split())

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    entry_list = list(entries.values())
    for index, form in enumerate(entries):
        automaton.add_word(f" {form} ", index)
    automaton.make_automaton()
    counts = Counter(
        artists=len(artist_names),
        artworks=len(artwork_titles),
        forms=len(entry_list),
        generic_stems=len(generic),
    )
    return Catalogue(
        automaton=automaton,
        entries=entry_list,
        artist_names=artist_names,
        artist_sort_names=artist_sort_names,
        artwork_titles=artwork_titles,
        artwork_artists=artwork_artists,
        counts=dict(counts),
    )


def _names_its_artist(form, artwork_ids, artwork_artists, full, surnames) -> bool:
    """The title is its artist's name ("Beuys", "Joseph Beuys." by Joseph Beuys): finding it
    finds the artist, not the artwork."""
    named = set(full.get(form, ())) | set(surnames.get(form, ()))
    return any(named.intersection(artwork_artists[artwork]) for artwork in artwork_ids)


def load() -> Catalogue:
    """The catalogue of the database's artists and artworks (three reads)."""
    credits: dict[int, list[int]] = defaultdict(list)
    for artwork_id, artist_id in ArtworkArtist.objects.order_by(
        "artwork_id", "position"
    ).values_list("artwork_id", "artist_id"):
        credits[artwork_id].append(artist_id)
    artists = (
        Artist.objects.order_by().values_list("id", "name", "sort_name").iterator(chunk_size=5000)
    )
    artworks = (
        (artwork_id, title, credits.get(artwork_id, ()))
        for artwork_id, title in Artwork.objects.order_by()
        .values_list("id", "title")
        .iterator(chunk_size=5000)
    )
    return build(artists, artworks)


_lock = threading.Lock()
_current: tuple[str, Catalogue] | None = None


def version() -> str:
    """The version of the names, shared by every process through the cache."""
    current_version = cache.get(VERSION_KEY)
    if current_version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        current_version = cache.get(VERSION_KEY) or ""
    return current_version


def loaded() -> Catalogue | None:
    """This process's catalogue when it holds the current names, without building one."""
    if _current is not None and _current[0] == version():
        return _current[1]
    return None


def names_changed() -> None:
    """Artists' names or artworks' titles changed: every process rebuilds on its next search."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def current() -> Catalogue:
    """This process's catalogue of the current names (built, or rebuilt, when needed)."""
    global _current
    wanted = version()
    if _current is not None and _current[0] == wanted:
        return _current[1]
    with _lock:
        if _current is None or _current[0] != wanted:
            _current = (wanted, load())
        return _current[1]
