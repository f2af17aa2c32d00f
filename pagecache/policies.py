"""Which views are cached, and the set keys each depends on beyond the objects it shows, as the
apps registered them (registry.register_view). A view not registered is never cached (the
admin, previews, anything new until it is registered). The keys name the lists a page shows
whose members can change without any object on the page changing: see keys.py."""

from pagecache import declared, keys


def keys_for(view_name: str, kwargs: dict) -> list[str] | None:
    """The set keys of a cached view, or None for a view that is not cached."""
    depends_on = declared.VIEWS.get(view_name)
    return None if depends_on is None else [keys.EPOCH, *depends_on(kwargs)]
