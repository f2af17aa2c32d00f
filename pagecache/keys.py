"""The names of everything the page cache stores, in one place.

A page depends on *version keys*. Each holds an opaque token that changes whenever what it
stands for changes; a stored page remembers the tokens it was built with and is stale as soon
as one differs or is gone. The kinds of version key:

- an object shown on the page: `obj:<app_label.model>:<pk>` (see tracking.py);
- a set whose members can change without any shown object changing, named by the app that
  declares it (`set_key()`): articles names `public:articles` (which articles are public, and
  their order), `public:section:<slug>` and `public:tag:<slug>`, artists and artworks
  `public:artist:<slug>` and `public:artwork:<slug>` (the public articles listed on that page);
  and `all:<app_label.model>` (every row of a model, for A-Z lists and models shown as a set);
- `any-content`: every change of any content (search results and sitemaps);
- `epoch`: everything, for bulk jobs and when the cache lost track (every page depends on it);
- `schedule`: the times at which objects go public on their own (a scheduled article's status
  or publication time changed): kept counts (counts.py) depend on it, pages do not (the
  schedule's catch-up invalidates them when such a time passes, schedule.py).
"""

import hashlib

PREFIX = "pc:"
EPOCH = f"{PREFIX}v:epoch"
ANY_CONTENT = f"{PREFIX}v:any-content"
SCHEDULE = f"{PREFIX}v:schedule"
# Counts every invalidation: a page whose build saw it move is not stored (middleware.py).
CHANGE_COUNTER = f"{PREFIX}changes"
# When the last change was made (a page built from a lagging read replica right after it is
# not stored: middleware.py).
LAST_CHANGE = f"{PREFIX}last-change"
# Scheduled publication (schedule.py).
NEXT_PUBLICATION = f"{PREFIX}schedule:next"
PUBLICATION_WATERMARK = f"{PREFIX}schedule:watermark"
PUBLICATION_LOCK = f"{PREFIX}schedule:lock"
# Fragments (fragments.py): values kept with the version keys they depend on, like pages.
FRAGMENT = f"{PREFIX}fragment:"


def for_object(label: str, pk) -> str:
    """`label` is the model's `_meta.label_lower`, e.g. "artists.artist"."""
    return f"{PREFIX}v:obj:{label}:{pk}"


def object_key(model, pk) -> str:
    """The key of one object pages show (pagecache.object_key)."""
    return for_object(model._meta.label_lower, pk)


def for_all(label: str) -> str:
    return f"{PREFIX}v:all:{label}"


def all_key(model) -> str:
    """The key of every row of a model (pagecache.all_key): an A-Z list depends on it."""
    return for_all(model._meta.label_lower)


def set_key(name: str, slug: str | None = None) -> str:
    """The key of a set a page lists (pagecache.set_key): `set_key("public:articles")`, or one
    per object, `set_key("public:section", slug)`. `name` is plain ASCII; a slug may be 255
    characters of any script: such a one is digested, so that keys stay short and plain ASCII
    for every cache backend."""
    if slug is None:
        return f"{PREFIX}v:{name}"
    if not slug.isascii() or len(slug) > 80:
        slug = _digest(slug)
    return f"{PREFIX}v:{name}:{slug}"


def for_page(address: str) -> str:
    return f"{PREFIX}page:{_digest(address)}"


def for_rebuild_lock(address: str) -> str:
    return f"{PREFIX}lock:{_digest(address)}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40]
