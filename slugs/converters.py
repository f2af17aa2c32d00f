"""The slug in an address: letters and digits of any script, `-` and `_`.

Django's `<slug:...>` takes ASCII only, so a tag "Künstler" (slug "künstler") could not be
linked at all. Addresses are matched in the form slugs are stored in (NFKC, as `slugify` makes
them): an address typed or pasted with decomposed accents ("cafe" + U+0301) finds "café".
"""

import re
import unicodedata

CONVERTER_NAME = "unicode_slug"

_SLUG = re.compile(r"[-\w]+")  # \w of a str pattern: every script's letters and digits


def normalize(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def is_slug(value: str) -> bool:
    """Whether `value` can be stored as a slug: an address reads it back unchanged."""
    return bool(_SLUG.fullmatch(value)) and normalize(value) == value


class UnicodeSlugConverter:
    # Wider than a slug on purpose: combining accents are not \w, yet an address spelled with
    # them is a slug once normalised. to_python() decides; a refusal is a 404.
    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        slug = normalize(value)
        if not _SLUG.fullmatch(slug):
            raise ValueError(f"not a slug: {value!r}")
        return slug

    def to_url(self, value) -> str:
        return str(value)
