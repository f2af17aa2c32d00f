"""For data migrations: rows whose slug cannot be in an address get a working one.

Works on historical models (no custom save()), so it writes with update(). A slug that works
is never changed: addresses that worked keep working.
"""

from collections.abc import Callable

from slugs.converters import is_slug, normalize
from slugs.making import has_letters, unique_slug


def repair_slugs(
    model,
    *,
    source: str,
    fallback: str,
    using: str,
    field: str = "slug",
    works: Callable[[str], bool] | None = None,
    from_source: bool = False,
) -> int:
    """Give each row of `model` whose slug does not work (empty, spaces, an emoji, not in the
    form addresses are read in, too long; or not `works(slug)`) one made from the slug as typed
    when it has letters, else (or always, `from_source`) from the `source` field. Returns how
    many rows were changed."""
    max_length = model._meta.get_field(field).max_length

    def broken(slug: str) -> bool:
        return not (is_slug(slug) and len(slug) <= max_length and (works is None or works(slug)))

    rows = (
        model._base_manager.using(using).values_list("pk", field, source).iterator(chunk_size=2000)
    )
    # Read them all before writing: SQLite does not like a table changed under its cursor.
    to_repair = [(pk, slug or "", text or "") for pk, slug, text in rows if broken(slug or "")]
    for pk, slug, text in to_repair:
        typed = normalize(slug)
        wanted = typed if not from_source and has_letters(typed) else text
        new = unique_slug(model(pk=pk), wanted, fallback=fallback, field=field, using=using)
        model._base_manager.using(using).filter(pk=pk).update(**{field: new})
    return len(to_repair)
