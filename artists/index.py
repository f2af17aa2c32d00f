"""The artists A-Z as plain rows: a page lists 120 artists, and building each as an Artist (with
its biography) and reversing its address cost most of the page. One read of what the list
prints; the page cache is told which artists it shows (`pagecache.record_shown`), as loading
them would (the list also depends on all artists: artists/cached_pages.py)."""

from dataclasses import dataclass

import pagecache
from artists.models import Artist, initial_of, life_dates
from slugs.reversing import slug_addresses

COLUMNS = ("pk", "slug", "name", "sort_name", "sort_initial", "nationality")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    initial: str  # the letter it is filed under (Artist.initial)
    url: str
    name: str
    nationality: str
    life_dates: str


def index_entries(artists) -> list[IndexEntry]:
    """The entries of a queryset of artists (a page of one), in its order."""
    rows = list(artists.values_list(*COLUMNS, "birth_year", "death_year"))
    address = slug_addresses("artists:artist-detail")
    pagecache.record_shown(Artist, [row[0] for row in rows])
    return [
        IndexEntry(
            initial=sort_initial or initial_of(sort_name or name),
            url=address(slug),
            name=name,
            nationality=nationality,
            life_dates=life_dates(birth, death),
        )
        for _, slug, name, sort_name, sort_initial, nationality, birth, death in rows
    ]
