"""The invalidation API: what model signals call, what apps call for changes only they can
read (an article entering the public lists), and what code that writes in bulk must call.

Each call makes the named pages stale at once (so that a test, or the rest of the same request,
sees it), and again after the transaction commits: a page rebuilt between the change and the
commit read the old rows, and the second round catches it. Work that needs queries (the
footprint of an article, footprint.py) is done once, after the commit."""

from functools import partial

from django.db import transaction

from pagecache import declared, footprint, keys, schedule, versions
from pagecache.owners import keys_of


def keys_changed(names) -> None:
    """These version keys changed (or will, when the transaction commits)."""
    names = set(names)
    versions.bump(names)
    _later(names=names)


def objects_changed(*objects) -> None:
    """Pages showing these objects, or the objects these rows belong to, are stale."""
    names = set()
    for obj in objects:
        names |= keys_of(obj)
    keys_changed(names)


def pages_showing(model, pks) -> None:
    """The pages that showed these objects are stale, and nothing else: for a writer that knows
    only what it changed about them (the recommendations task: their "You may also like")."""
    keys_changed({keys.object_key(model, pk) for pk in pks})


def members_changed(model, pks, *, extra=()) -> None:
    """These objects entered, left or moved in the public lists: after the commit, their
    footprint is computed from the database and invalidated (registry.register_footprint);
    `extra` are keys known now, e.g. the lists an article left."""
    label = declared.label_of(model)
    names = {*extra, *(keys.for_object(label, pk) for pk in pks)}
    versions.bump(names)
    _later(names=names, members=(label, frozenset(pks)))


def members_leaving(model, pks) -> None:
    """These objects are about to leave the public lists for good (they are being deleted):
    their footprint is read now, while their rows are still there."""
    keys_changed(footprint.keys_for(declared.label_of(model), pks))


def schedule_changed() -> None:
    """A publication time or status changed: recompute the next go-live; kept counts that
    know when their next member goes live are stale (counts.py)."""
    versions.bump({keys.SCHEDULE})
    schedule.forget_next()
    _later(names={keys.SCHEDULE}, schedule_too=True)


def everything() -> None:
    """Every cached page is stale: for imports and rebuilds that write in bulk."""
    keys_changed({keys.EPOCH})


def _later(*, names=(), members=None, schedule_too=False) -> None:
    """Do it again once the transaction commits (at once outside one). Each change carries its
    own work: a rolled-back savepoint drops its changes' callbacks, and nothing else."""
    transaction.on_commit(partial(_after_commit, set(names), members, schedule_too))


def _after_commit(names: set[str], members, schedule_too: bool) -> None:
    if members is not None:
        names = names | footprint.keys_for(*members)
    # Bump first: it moves the change counter, which tells a request computing the next
    # publication time from rows read before this commit not to store it (schedule.py).
    versions.bump(names)
    if schedule_too:
        schedule.forget_next()
