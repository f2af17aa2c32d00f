"""Tag names to taggit tags, for a whole batch in a fixed number of queries.

Tags ignore case (TAGGIT_CASE_INSENSITIVE): "God" finds the tag "god". The comparison is made in
Python, on every tag's name read once per import: SQLite's LOWER() and LIKE fold ASCII letters
only, and would take "Österreich" and "österreich" for two tags (then fail on the second's
slug). A name with no tag yet gets one, its slug made as every tag's is (slugs/) and unique
("turkey-2" when "turkey" is taken): bulk_create sends no signal for tagging/slugs.py to see.
"""

from taggit.models import Tag

from slugs.making import numbered, slug_for

SLUG_MAX = Tag._meta.get_field("slug").max_length


class TagResolver:
    """Every tag's id by its lower-case name, read at first use; the tags it makes are added.
    `forget()` after a batch is rolled back (the tags it made are gone with it, and someone
    may have made others meanwhile): the next use reads them all again."""

    def __init__(self):
        self._ids: dict[str, int] | None = None

    def forget(self):
        self._ids = None

    def ids(self, names) -> dict[str, int]:
        """{lower-case name: tag id} for every name, making the tags that do not exist."""
        wanted = {name.lower(): name for name in names}
        if not wanted:
            return {}
        if self._ids is None:
            self._ids = {}
            for pk, name in Tag.objects.order_by("pk").values_list("pk", "name"):
                self._ids.setdefault(name.lower(), pk)  # the oldest of "Wall" and "wall"
        new = [name for key, name in wanted.items() if key not in self._ids]
        if new:
            for tag in Tag.objects.bulk_create(_with_unique_slugs(new)):
                self._ids[tag.name.lower()] = tag.pk
        return {key: self._ids[key] for key in wanted}


def _with_unique_slugs(names: list[str]) -> list[Tag]:
    bases = {name: slug_for(name, max_length=SLUG_MAX, fallback="tag") for name in names}
    candidates = [numbered(base, n) for base in set(bases.values()) for n in range(1, 10)]
    taken = set(Tag.objects.filter(slug__in=candidates).values_list("slug", flat=True))
    tags = []
    for name in names:
        number = 1
        while numbered(bases[name], number) in taken or (
            number >= 10 and Tag.objects.filter(slug=numbered(bases[name], number)).exists()
        ):  # beyond the ninth, one query a slug: never seen in Tate's data
            number += 1
        slug = numbered(bases[name], number)
        taken.add(slug)
        tags.append(Tag(name=name, slug=slug))
    return tags
