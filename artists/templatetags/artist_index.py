"""`{% artist_groups entries %}`: the artists A-Z, grouped by letter, written in Python for the
entries of artists/index.py; `{% artist_name entry %}`, one name as includes/artist_name.html
writes it. It replaces a `{% regroup %}` and a loop of 120 entries with the
bytes they wrote, whitespace and all; every value is escaped where it is written
(tests/artists/test_artist_index.py gives hostile names)."""

from html import escape
from itertools import groupby

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def artist_groups(entries) -> SafeString:
    groups = "".join(
        f'\n    <section class="az-group">\n      <h2 class="az-group__letter">{escape(letter)}'
        f'</h2>\n      <ul class="az-list">\n        {"".join(_entry(e) for e in group)}\n'
        "      </ul>\n    </section>\n    "
        for letter, group in groupby(entries, key=lambda entry: entry.initial)
    )
    # Safe: every value is escaped (_entry, and the letter above).
    return mark_safe(f'\n  <div class="az-groups">\n    {groups}\n  </div>')  # noqa: S308


@register.simple_tag
def artist_name(entry) -> SafeString:
    """An entry's name linking to the artist's page, with the life dates: the bytes of
    `{% include "includes/artist_name.html" %}` (the newline after its comment first), for
    lists of entries (a tag's artists)."""
    dates = f' <span class="meta">{escape(entry.life_dates)}</span>' if entry.life_dates else ""
    # Safe: every value is escaped.
    return mark_safe(f'\n<a href="{escape(entry.url)}">{escape(entry.name)}</a>{dates}\n')  # noqa: S308


def _entry(entry) -> str:
    meta = ""
    if entry.nationality or entry.life_dates:
        comma = ", " if entry.nationality and entry.life_dates else ""
        meta = (
            f'<span class="meta">{escape(entry.nationality)}{comma}'
            f"{escape(entry.life_dates)}</span>"
        )
    return (
        f'\n        <li>\n          <a href="{escape(entry.url)}">{escape(entry.name)}</a>\n'
        f"          {meta}\n        </li>\n        "
    )
