"""The invalidation API: what model signals call, and what code that writes in bulk must call.

Each call makes the named pages stale at once (so that a test, or the rest of the same request,
sees it), and again after the transaction commits: a page rebuilt between the change and the
commit read the old rows, and the second round catches it. Work that needs queries (the
footprint of an article, footprint.py) is done once, after the commit."""

from functools import partial

from django.db import transaction

from pagecache import footprint, keys, versions


def keys_changed(names) -> None:
    """These version keys changed (or will, when the transaction commits)."""
    names = set(names)
    versions.bump(names)
    _later(names=names)


def objects_changed(*objects) -> None:
    """Pages showing these tracked objects, or the objects these rows belong to, are stale."""
    from pagecache.owners import keys_of  # noqa: PLC0415

    names = set()
    for obj in objects:
        names |= keys_of(obj)
    keys_changed(names)


def public_articles_changed(article_ids, *, extra=()) -> None:
    """These articles entered, left or moved in the public lists (after the commit, their
    footprint is computed from the database and invalidated); `extra` are keys known now,
    e.g. the section an article left."""
    names = {keys.PUBLIC_ARTICLES, keys.ANY_CONTENT, *extra}
    names |= {keys.for_object(footprint.ARTICLE, pk) for pk in article_ids}
    versions.bump(names)
    _later(names=names, articles=article_ids)


def schedule_changed() -> None:
    """An article's publication time or status changed: recompute the next go-live."""
    from pagecache import schedule  # noqa: PLC0415

    schedule.forget_next()
    _later(schedule=True)


def everything() -> None:
    """Every cached page is stale: for imports and rebuilds that write in bulk."""
    keys_changed({keys.EPOCH})


def _later(*, names=(), articles=(), schedule=False) -> None:
    """Do it again once the transaction commits (at once outside one). Each change carries its
    own work: a rolled-back savepoint drops its changes' callbacks, and nothing else."""
    transaction.on_commit(partial(_after_commit, set(names), set(articles), schedule))


def _after_commit(names: set[str], articles: set[int], schedule: bool) -> None:
    # Bump first: it moves the change counter, which tells a request computing the next
    # publication time from rows read before this commit not to store it (schedule.py).
    versions.bump(names | footprint.public_article_keys(articles))
    if schedule:
        from pagecache import schedule as publication  # noqa: PLC0415

        publication.forget_next()
