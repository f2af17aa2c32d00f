"""What the page cache needs to know about exhibitions (registered from
ExhibitionsConfig.ready()): the models pages show, the lists an exhibition is in, and the
midnights at which shows open and close by themselves.

A show's state (upcoming, on, past) changes with no write at all: at the midnight, in the site's
time zone, that begins its first day on view or the day after its last (exhibitions/on_view.py).
Those midnights are registered as a schedule, as scheduled articles' publication times are:
the first request after one invalidates the pages of the shows whose state changed then
(pagecache/schedule.py), and the public pages' HTTP headers let no shared cache keep a page past
the next one (pagecache/http.py). No cron job, no worker."""

from datetime import date, datetime, timedelta

from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save

import pagecache
from exhibitions.midnights import local_date, midnight
from exhibitions.models import Exhibition, Venue
from pagecache import invalidate as pages

# Which exhibitions are public, and where each stands today: the index's lists (on now,
# upcoming, past, by city). Part B's index view depends on it.
EXHIBITIONS = pagecache.set_key("public:exhibitions")
ONE_DAY = timedelta(days=1)
ShownArtist = Exhibition.artists.through
ShownArtwork = Exhibition.artworks.through


def listing_key(slug: str) -> str:
    """The public articles listed on an exhibition's page: the articles app moves it when one
    of them is published, unpublished or starts or stops featuring the exhibition."""
    return pagecache.set_key("public:exhibition", slug)


def register() -> None:
    pagecache.register_model(Exhibition)
    pagecache.register_model(Venue)
    pagecache.register_view(
        "exhibitions:exhibition-detail", depends_on=lambda kwargs: [listing_key(kwargs["slug"])]
    )
    pagecache.register_footprint(Exhibition, exhibition_keys)
    pagecache.register_schedule(
        Exhibition, next_after=next_change_after, went_live_between=changed_between
    )
    for model in (Exhibition, Venue):
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}-del")
    for through in (ShownArtist, ShownArtwork):
        m2m_changed.connect(_shown_changed, sender=through, dispatch_uid=f"pagecache-{through}")


def exhibition_keys(exhibition_ids) -> set[str]:
    """The lists these exhibitions are in: the index (the pages that show them are stale
    through their own keys, which the page cache adds)."""
    return {EXHIBITIONS} if exhibition_ids else set()


# Midnights (pagecache/schedule.py) -----------------------------------------------------------


def next_change_after(moment: datetime) -> datetime | None:
    """The first midnight after `moment` at which a public show opens (its first day on view
    begins) or closes (the day after its last begins)."""
    today = local_date(moment)  # its midnight is at or before `moment`: the next is tomorrow's
    found = Exhibition.objects.public().aggregate(
        opens=Min("on_view_from", filter=Q(on_view_from__gt=today)),
        last_day=Min("on_view_until", filter=Q(on_view_until__gte=today)),
    )
    days = [found["opens"], found["last_day"] and found["last_day"] + ONE_DAY]
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


# Changes -------------------------------------------------------------------------------------


def _changed(sender, instance, raw=False, **kwargs):
    """A show or a venue saved or deleted (the pages that showed it are stale by its own key):
    the index may list it differently (shown or not, other dates, another city), and a show's
    dates may move the next midnight that matters."""
    if raw:
        return
    pages.keys_changed({EXHIBITIONS})
    if sender is Exhibition:
        pages.schedule_changed()


def _shown_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A show's artists or artworks changed (from either side): the show's pages and those of
    the artists or artworks (which list their shows) are stale."""
    if action == "pre_clear":
        instance._pagecache_cleared = set(_related_pks(sender, instance, reverse))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    pks = pk_set if action != "post_clear" else getattr(instance, "_pagecache_cleared", set())
    other_model = type(instance) if reverse else model
    shows, others = (pks, {instance.pk}) if reverse else ({instance.pk}, pks)
    names = {pagecache.ANY_CONTENT, EXHIBITIONS}
    names |= {pagecache.object_key(Exhibition, pk) for pk in shows}
    names |= {pagecache.object_key(other_model, pk) for pk in others}
    pages.keys_changed(names)


def _related_pks(through, instance, reverse):
    """The pks on the other side of a show's (or, reversed, an artist's) relation."""
    show_field, other_field = (field.attname for field in through._meta.concrete_fields[1:3])
    mine, theirs = (other_field, show_field) if reverse else (show_field, other_field)
    return through.objects.filter(**{mine: instance.pk}).values_list(theirs, flat=True)
