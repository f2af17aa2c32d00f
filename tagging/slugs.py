"""Every tag gets a slug that works in an address, however it was made: the admin's autocomplete,
`obj.tags.add("🎨")`, a revert that recreates a deleted tag.

taggit's Tag.save() makes `slugify(name)`, which is empty for "🎨", and retries a taken slug as
`slugify(name, i)`, which is "_1". Tag stays taggit's own model (the page cache tracks
"taggit.Tag"); a `pre_save` receiver replaces the slug taggit made with ours, which is unique
before the first try. A slug given on purpose is kept when it works; a slug is never changed
once it works (a renamed tag keeps its address).
"""

import re

from django.db.models.signals import pre_save
from taggit.models import Tag

from slugs.converters import is_slug, normalize
from slugs.making import unique_slug

FALLBACK = "tag"
SLUG_MAX = Tag._meta.get_field("slug").max_length
# What taggit's retry makes of a name with nothing to slugify ("🎨🎨" after "🎨"): no reader
# can tell "_1" from "_2".
_TAGGIT_RETRY = re.compile(r"_\d+")


def connect_signals():
    pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="tagging.give_tag_a_slug")


def works(slug: str) -> bool:
    """Whether a tag may keep this slug (also the data migration's test)."""
    return is_slug(slug) and len(slug) <= SLUG_MAX and not _TAGGIT_RETRY.fullmatch(slug)


def give_tag_a_slug(sender, instance: Tag, raw=False, **kwargs):
    slug = normalize(instance.slug or "")
    made_by_taggit = not raw and instance._state.adding and _made_by_taggit(instance, slug)
    if made_by_taggit or not works(slug):
        instance.slug = unique_slug(instance, instance.name, fallback=FALLBACK)
    elif slug != instance.slug:
        instance.slug = unique_slug(instance, slug, fallback=FALLBACK)


def _made_by_taggit(tag: Tag, slug: str) -> bool:
    made = normalize(tag.slugify(tag.name))
    return slug == made or bool(re.fullmatch(re.escape(made) + r"_\d+", slug))
