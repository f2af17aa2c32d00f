"""What the page cache needs to know about exhibitions (registered from
ExhibitionsConfig.ready()): the models pages show, the views that are cached and the lists
each depends on, which lists an exhibition is in (its footprint): the index, the pages of
its artists and artworks (and of the artists of those works), and the midnights at which shows
open and close by themselves.

A show's state (upcoming, on, past) changes with no write at all: at the midnight, in the site's
time zone, that begins its first day on view or the day after its last (exhibitions/on_view.py).
Those midnights are registered as a schedule, as scheduled articles' publication times are:
the first request after one invalidates the pages of the shows whose state changed then
(pagecache/schedule.py), and the public pages' HTTP headers let no shared cache keep a page past
the next one (pagecache/http.py). No cron job, no worker."""

from datetime import date, datetime, timedelta

from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

import pagecache
from artists import cached_pages as artist_pages
from artists.models import Artist
from artworks import cached_pages as artwork_pages
from artworks.models import Artwork, ArtworkArtist
from exhibitions.midnights import local_date, midnight
from exhibitions.models import Exhibition, Venue
from pagecache import invalidate as pages

# Which exhibitions are public, where they stand and their cities: the index.
EXHIBITIONS = pagecache.set_key("public:exhibitions")
ONE_DAY = timedelta(days=1)
ShownArtist = Exhibition.artists.through
ShownArtwork = Exhibition.artworks.through


def listing_key(slug: str) -> str:
    """The public articles listed on an exhibition's page ("Articles about it"): the articles
    app moves it when one of them is published, unpublished or starts featuring the show."""
    return pagecache.set_key("public:exhibition", slug)


def register() -> None:
    pagecache.register_model(Exhibition)
    pagecache.register_model(Venue)
    pagecache.register_view("exhibitions:exhibition-list", depends_on=[EXHIBITIONS])
    pagecache.register_view(
        "exhibitions:exhibition-detail", depends_on=lambda kwargs: [listing_key(kwargs["slug"])]
    )
    pagecache.register_footprint(Exhibition, exhibition_keys)
    pagecache.register_schedule(
        Exhibition, next_after=next_change_after, went_live_between=changed_between
    )
    uid = "pagecache-exhibition"
    post_save.connect(_exhibition_saved, sender=Exhibition, dispatch_uid=f"{uid}-saved")
    pre_delete.connect(_exhibition_deleting, sender=Exhibition, dispatch_uid=f"{uid}-deleting")
    for signal in (post_save, post_delete):
        signal.connect(_venue_changed, sender=Venue, dispatch_uid=f"{uid}-venue-{signal}")
    for through in (ShownArtist, ShownArtwork):
        m2m_changed.connect(_shown_changed, sender=through, dispatch_uid=f"{uid}-{through}")


# The lists an exhibition is in -----------------------------------------------------------------


def exhibition_keys(exhibition_ids) -> set[str]:
    """The lists these exhibitions appear in (as the database has them now): the index, and the
    pages of the artists and artworks they show, and of those works' artists."""
    ids = sorted(set(exhibition_ids))
    if not ids:
        return set()
    artworks = ShownArtwork.objects.filter(exhibition_id__in=ids).values_list(
        "artwork_id", flat=True
    )
    artists = ShownArtist.objects.filter(exhibition_id__in=ids).values_list("artist_id", flat=True)
    return {EXHIBITIONS} | _artwork_keys(artworks) | _artist_keys(artists)


def _artwork_keys(artwork_ids) -> set[str]:
    """The pages of these artworks, and of their credited artists (who list the show too)."""
    ids = sorted(set(artwork_ids))
    if not ids:
        return set()
    slugs = Artwork.objects.filter(pk__in=ids).values_list("slug", flat=True)
    artists = ArtworkArtist.objects.filter(artwork_id__in=ids).values_list("artist_id", flat=True)
    return {artwork_pages.listing_key(slug) for slug in slugs} | _artist_keys(artists)


def _artist_keys(artist_ids) -> set[str]:
    ids = sorted(set(artist_ids))
    if not ids:
        return set()
    slugs = Artist.objects.filter(pk__in=ids).values_list("slug", flat=True)
    return {artist_pages.listing_key(slug) for slug in slugs}


# Midnights (pagecache/schedule.py) -----------------------------------------------------------


def next_change_after(moment: datetime) -> datetime | None:
    """The first midnight after `moment` at which a public show opens (its first day on view
    begins) or closes (the day after its last begins)."""
    today = local_date(moment)  # its midnight is at or before `moment`: the next is tomorrow's
    found = Exhibition.objects.public().aggregate(
        opens=Min("on_view_from", filter=Q(on_view_from__gt=today)),
        last_day=Min("on_view_until", filter=Q(on_view_until__gte=today)),
    )
    last_day = found["last_day"]
    # A show on view until the last day there is (9999-12-31, a "permanent" display) never
    # closes: there is no day after it.
    closes = last_day + ONE_DAY if last_day is not None and last_day < date.max else None
    days = [found["opens"], closes]
    days = [day for day in days if day is not None]
    return midnight(min(days)) if days else None


def changed_between(start: datetime, end: datetime):
    """The public shows whose state changed at a midnight in (start, end]."""
    first, last = local_date(start) + ONE_DAY, local_date(end)
    if first > last:
        return []
    return _changing_on(first, last)


def _changing_on(first: date, last: date):
    return (
        Exhibition.objects.public()
        .filter(
            Q(on_view_from__range=(first, last))
            | Q(on_view_until__range=(first - ONE_DAY, last - ONE_DAY))
        )
        .values_list("pk", flat=True)
    )


# Changes ---------------------------------------------------------------------------------------


def _exhibition_saved(sender, instance: Exhibition, raw=False, **kwargs):
    """A show added, made public or private, or given new dates moves in or out of the index
    and of its artists' and artworks' pages (pages that showed it follow its own key)."""
    if not raw:
        pages.members_changed(Exhibition, [instance.pk], extra={EXHIBITIONS})
        pages.schedule_changed()  # its dates may move the next midnight that matters


def _exhibition_deleting(sender, instance: Exhibition, **kwargs):
    """Its lists are read now, while its relations are still there."""
    pages.members_leaving(Exhibition, [instance.pk])


def _venue_changed(sender, instance: Venue, raw=False, **kwargs):
    """The index lists the venues' cities, which it reads as values (no Venue is tracked)."""
    if not raw:
        pages.keys_changed({EXHIBITIONS})


def _shown_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """The artists or artworks a show shows changed (from either side of the relation): the
    pages of those taken off or added, and the show's own lists."""
    if action == "pre_clear":
        instance._pagecache_shown_cleared = set(_related_pks(sender, instance, reverse))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if action == "post_clear":
        pks = getattr(instance, "_pagecache_shown_cleared", set())
    else:
        pks = set(pk_set or ())
    exhibitions, others = (pks, {instance.pk}) if reverse else ({instance.pk}, pks)
    other_model = type(instance) if reverse else model
    lists = _artist_keys(others) if other_model is Artist else _artwork_keys(others)
    pages.members_changed(Exhibition, exhibitions, extra={EXHIBITIONS} | lists)


def _related_pks(through, instance, reverse):
    """The pks on the other side of an exhibition's (or, reversed, an artist's) relation."""
    other = "artist_id" if through is ShownArtist else "artwork_id"
    mine, theirs = (other, "exhibition_id") if reverse else ("exhibition_id", other)
    return through.objects.filter(**{mine: instance.pk}).values_list(theirs, flat=True)
