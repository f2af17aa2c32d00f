"""Which version keys the arrival or departure of objects in a public set touches.

When an article becomes public, stops being public, or moves (a new publication time or
section), every page that lists it must be rebuilt, although some of those pages did not show it
before: the lists it belongs to and the "You may also like" blocks that link to it. The apps that
know those lists say which they are (registry.register_footprint)."""

from pagecache import declared, keys


def keys_for(label: str, pks) -> set[str]:
    """The keys of the lists and blocks these objects appear in (as the database has them now)."""
    ids = sorted(set(pks))
    if not ids:
        return set()
    found = {keys.for_object(label, pk) for pk in ids}
    for keys_of_members in declared.FOOTPRINTS.get(label, ()):
        found.update(keys_of_members(ids))
    return found
