"""Slugs for imported records, unique in one query per batch: the name or title, made as every
slug is (slugs/: "günter-brus", "artist-palette" for "🎨"), or when that is taken the same with
the record's id in the source ("untitled-98482"). A slug is made once, when the record is
created: later imports never change an address."""

from slugs.making import slug_for

# Room for "-" and the record's id in the source, and a "-2" after that.
_SUFFIX_ROOM = 12


def unique_slugs(model, wanted: list[tuple[str, int]], *, fallback: str) -> list[str]:
    """One slug per (text, source id), in order, none taken in `model` or by another."""
    limit = model._meta.get_field("slug").max_length
    bases = [
        (slug_for(text, max_length=limit, fallback=fallback, room=_SUFFIX_ROOM), key)
        for text, key in wanted
    ]
    candidates = {slug for base, key in bases for slug in (base, f"{base}-{key}")}
    taken = set(model.objects.filter(slug__in=candidates).values_list("slug", flat=True))
    slugs = []
    for base, key in bases:
        slug, number = base, 1
        if slug in taken:
            slug = f"{base}-{key}"
        while slug in taken or (number > 1 and model.objects.filter(slug=slug).exists()):
            number += 1  # taken twice over: one query a try, never seen in Tate's data
            slug = f"{base}-{key}-{number}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
