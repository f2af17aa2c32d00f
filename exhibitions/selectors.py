"""What the public pages read of exhibitions, all from `Exhibition.objects.public()`: the
exhibition's page, the index's three lists (on now, upcoming, past) and the cities it filters
by, and the exhibitions an artist's or an artwork's page lists.

Where a show stands is decided for a day (exhibitions/on_view.today(): the site's time zone) by
the queryset verbs of exhibitions/models.py, the same truth on_view() says in Python."""

from datetime import date

from django.db.models import F, Prefetch, prefetch_related_objects

from artists.models import Artist
from artworks.models import ArtworkArtist
from exhibitions.models import Exhibition, Venue
from exhibitions.on_view import State, state

# The longest city a venue may have (Venue.city): anything longer names no city.
CITY_MAX_LENGTH = Venue._meta.get_field("city").max_length

# Each list's order: on now, closing soonest first (open-ended last); upcoming, opening soonest
# first; past, the most recently closed first. The title and id keep ties in a fixed order.
ON_NOW_ORDER = (F("on_view_until").asc(nulls_last=True), "title", "pk")
UPCOMING_ORDER = ("on_view_from", "title", "pk")
PAST_ORDER = (F("on_view_until").desc(), "-pk")


def public():
    """Public exhibitions with what every list shows of them: the venue and the image."""
    return Exhibition.objects.public().select_related("venue", "image")


def exhibition_for_page(slug: str) -> Exhibition | None:
    """The public exhibition with this slug, its venue, image and artists (two queries)."""
    found = public().filter(slug=slug).first()
    if found is not None:
        prefetch_related_objects([found], _artists())
    return found


def cities() -> dict[str, tuple[str, ...]]:
    """The cities of the venues of public exhibitions, in alphabetical order (one query): each
    as written first, with every spelling venues give it ("London", "london")."""
    rows = (
        Venue.objects.filter(exhibitions__is_public=True)
        .exclude(city="")
        .values_list("city", flat=True)
        .distinct()
        .order_by("city")
    )
    found: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for city in rows:
        name = names.setdefault(city.casefold(), city)
        found.setdefault(name, []).append(city)
    return {name: tuple(spellings) for name, spellings in sorted(found.items())}


def known_city(asked: str, among) -> str | None:
    """The city of `among` that `asked` names (whatever its case), or None: a value that names
    no city never reaches the database, however long or odd."""
    wanted = asked.strip().casefold()
    if not wanted or len(wanted) > CITY_MAX_LENGTH:
        return None
    return next((city for city in among if city.casefold() == wanted), None)


def in_city(exhibitions, spellings: tuple[str, ...] | None):
    """The shows at venues in the city written any of these ways (all of them: None)."""
    return exhibitions.filter(venue__city__in=spellings) if spellings else exhibitions


def on_now(day: date, city: tuple[str, ...] | None = None):
    return in_city(public().on_view(day), city).order_by(*ON_NOW_ORDER)


def upcoming(day: date, city: tuple[str, ...] | None = None):
    return in_city(public().upcoming(day), city).order_by(*UPCOMING_ORDER)


def past(day: date, city: tuple[str, ...] | None = None):
    return in_city(public().past(day), city).order_by(*PAST_ORDER)


def with_artists(*lists) -> None:
    """Each listed exhibition's artists, for all the lists at once (one query)."""
    shown = [exhibition for listed in lists for exhibition in listed]
    prefetch_related_objects(shown, _artists())


def of_artist(artist: Artist, day: date) -> list[Exhibition]:
    """The public exhibitions that showed the artist, by name or with a work credited to them:
    on now and upcoming first (soonest to close or open first), then past ones (the most recent
    first). One query."""
    works = ArtworkArtist.objects.filter(artist=artist).values("artwork_id")
    ids = Exhibition.artists.through.objects.filter(artist=artist).values("exhibition_id")
    ids = ids.union(
        Exhibition.artworks.through.objects.filter(artwork__in=works).values("exhibition_id")
    )
    return _current_first(public().filter(pk__in=ids), day)


def of_artwork(artwork_id: int, day: date) -> list[Exhibition]:
    """The public exhibitions that showed the artwork, current ones first (one query)."""
    return _current_first(public().filter(artworks=artwork_id), day)


def _current_first(exhibitions, day: date) -> list[Exhibition]:
    """On now (closing soonest first), then upcoming (opening soonest first), then past (the
    most recently closed first), as the index orders its lists."""
    found = list(exhibitions.order_by(*PAST_ORDER))
    by_state = {each: [] for each in State}
    for exhibition in found:
        by_state[state(exhibition.on_view_from, exhibition.on_view_until, day)].append(exhibition)
    by_state[State.ON].sort(key=lambda e: (e.on_view_until is None, e.on_view_until, e.title))
    by_state[State.UPCOMING].sort(key=lambda e: (e.on_view_from, e.title))
    return by_state[State.ON] + by_state[State.UPCOMING] + by_state[State.PAST]


def _artists() -> Prefetch:
    return Prefetch("artists", queryset=Artist.objects.order_by("sort_name", "name"))
