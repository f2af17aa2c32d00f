"""Slugs from any name: readable, never empty, unique among the model's rows.

Letters and digits of every script are kept (Unicode slugs, as Wagtail makes them):
"Künstler" -> "künstler", "現代美術" -> "現代美術". A name with no letter or digit at all is
spelled with its characters' Unicode names: "🎨" -> "artist-palette", "🇫🇷" -> "flag-fr",
"?!" -> "question-mark-exclamation-mark"; a name with nothing to spell (only spaces or joiners)
gets the caller's fallback word.

`slug_for()` is the readable part, for writers that make many slugs at once and keep them
unique themselves (the Tate import); `unique_slug()` adds "-2", "-3"... against the table;
`fill_slug()` is what a model's save() calls.
"""

import re
import unicodedata

from django.db import router
from django.utils.text import slugify

from slugs.converters import is_slug, normalize

# Room left for a uniqueness suffix: "-" and up to seven digits.
SUFFIX_ROOM = 8
# How many numbered candidates one query checks.
_BATCH = 20

_NOT_IN_SLUG = re.compile(r"[^-\w]+")
_HYPHENS = re.compile(r"-{2,}")
_REGIONAL_A = 0x1F1E6  # REGIONAL INDICATOR SYMBOL LETTER A; two of them make a flag


def slug_for(text: str, *, max_length: int, fallback: str, room: int = SUFFIX_ROOM) -> str:
    """A readable slug of `text`, never empty, at most `max_length - room` characters."""
    text = str(text or "")
    slug = _slugify(text) or _slugify(_character_names(text)) or _slugify(fallback)
    if not slug:
        raise ValueError(f"the fallback {fallback!r} makes no slug")
    return _shorten(slug, max(1, max_length - room))


def unique_slug(
    instance, text: str, *, fallback: str, field: str = "slug", using: str | None = None
) -> str:
    """`slug_for(text)`, numbered when another row of the instance's model has it."""
    model = instance._meta.concrete_model
    base = slug_for(text, max_length=model._meta.get_field(field).max_length, fallback=fallback)
    # Read where the row will be written: a read replica may not have the newest slugs yet.
    rows = model._base_manager.using(using or router.db_for_write(model, instance=instance))
    if instance.pk is not None:
        rows = rows.exclude(pk=instance.pk)
    start = 1
    while True:
        candidates = [numbered(base, number) for number in range(start, start + _BATCH)]
        taken = set(rows.filter(**{f"{field}__in": candidates}).values_list(field, flat=True))
        for candidate in candidates:
            if candidate not in taken:
                return candidate
        start += _BATCH


def fill_slug(
    instance, text: str, *, fallback: str, field: str = "slug", update_fields=None
) -> None:
    """For save(): keep a slug that works in an address, make one from `text` when it is empty
    or would not (spaces, '/', '?', an emoji), and store it in the form addresses are read in."""
    if update_fields is not None and field not in update_fields:
        return  # what is set here would not be saved
    given = str(getattr(instance, field) or "")
    slug = normalize(given)
    max_length = instance._meta.get_field(field).max_length
    if is_slug(slug) and len(slug) <= max_length and slug == given:
        return
    if not (is_slug(slug) and len(slug) <= max_length):
        slug = slug if has_letters(slug) else text  # an editor's "Café au lait" is meant as one
    # Made or changed here: unique checked here, so that a save never fails on it.
    setattr(instance, field, unique_slug(instance, slug, fallback=fallback, field=field))


def has_letters(text: str) -> bool:
    """Whether `text` has letters or digits for a slug (not just symbols and punctuation)."""
    return bool(_slugify(text))


def numbered(base: str, number: int) -> str:
    return base if number == 1 else f"{base}-{number}"


def _slugify(text: str) -> str:
    slug = _NOT_IN_SLUG.sub("", normalize(slugify(text, allow_unicode=True)))
    return _HYPHENS.sub("-", slug).strip("-_")


def _character_names(text: str) -> str:
    """The names of the symbols and punctuation in `text`, a repeated one once: "🎨🎨" ->
    "ARTIST PALETTE". Joiners, variation selectors and skin tones only modify a neighbour."""
    words: list[str] = []
    letters = ""
    for char in unicodedata.normalize("NFC", text):
        code = ord(char)
        if _REGIONAL_A <= code < _REGIONAL_A + 26:
            letters += chr(ord("a") + code - _REGIONAL_A)
            if len(letters) == 2:
                word, letters = f"flag {letters}", ""
            else:
                continue
        elif unicodedata.category(char)[0] in "PS":
            word = unicodedata.name(char, "")
            if not word or word.startswith("EMOJI MODIFIER"):
                continue
        else:
            continue
        if not words or words[-1] != word:
            words.append(word)
    return " ".join(words)


def _shorten(slug: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word when one ends in the second half."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    hyphen = cut.rfind("-")
    if hyphen > limit // 2:
        cut = cut[:hyphen]
    return cut.strip("-_") or slug[:limit]
