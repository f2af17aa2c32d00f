"""Which public views are cached, and the set keys each depends on beyond the objects it shows.

A view missing here is never cached (admin, previews, anything new until it is added). The keys
name the lists a page shows whose members can change without any object on the page changing:
see keys.py."""

from pagecache import keys


def _fixed(*names):
    return lambda kwargs: list(names)


def _public_in(kind):
    return lambda kwargs: [keys.for_public_in(kind, kwargs["slug"])]


LATEST = _fixed(keys.PUBLIC_ARTICLES)
EVERYTHING_LISTED = _fixed(keys.PUBLIC_ARTICLES, keys.ANY_CONTENT)

POLICIES = {
    "articles:home": LATEST,
    "articles:article-list": LATEST,
    # The article and what it shows are tracked; the "You may also like" block is invalidated
    # when one of its targets comes or goes (footprint.py).
    "articles:article-detail": _fixed(),
    "articles:section-detail": _public_in("section"),
    "articles:tag-detail": _public_in("tag"),
    "artists:artist-list": _fixed(keys.for_all("artists.artist")),
    "artists:artist-detail": _public_in("artist"),
    "artworks:artwork-list": _fixed(keys.for_all("artworks.artwork")),
    "artworks:artwork-detail": _public_in("artwork"),
    "search:search": EVERYTHING_LISTED,
    "feeds:latest-rss": LATEST,
    "feeds:latest-atom": LATEST,
    "feeds:section-rss": _public_in("section"),
    "feeds:section-atom": _public_in("section"),
    "feeds:tag-rss": _public_in("tag"),
    "feeds:tag-atom": _public_in("tag"),
    "feeds:artist-rss": _public_in("artist"),
    "feeds:artist-atom": _public_in("artist"),
    "sitemap-index": EVERYTHING_LISTED,
    "sitemap-section": EVERYTHING_LISTED,
    "robots-txt": _fixed(),
}


def keys_for(view_name: str, kwargs: dict) -> list[str] | None:
    """The set keys of a cached view, or None for a view that is not cached."""
    policy = POLICIES.get(view_name)
    return None if policy is None else [keys.EPOCH, *policy(kwargs)]
