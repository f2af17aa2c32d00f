"""Composing an artwork's two caption lines: the one place that decides how captions read.

Ai Weiwei, Dropping a Han Dynasty Urn (1995)
Three black and white photographs, each 148 x 121cm
"""

from typing import NamedTuple


class Caption(NamedTuple):
    line1: str
    line2: str

    def __str__(self):
        return "\n".join(line for line in self if line)


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def credit_label(role_label: str, name: str, *, first: bool, after: str = "") -> str:
    """'Ai Weiwei' for the artist; 'After Titian' (or 'after Titian' inside a list) otherwise;
    'Sir Joshua Reynolds and studio' for a role said after the name."""
    named = f"{name} {after}" if after else name
    if not role_label:
        return named
    prefix = role_label if first else role_label[:1].lower() + role_label[1:]
    return f"{prefix} {named}"


def compose_caption(artwork) -> Caption:
    """Line 1 'Artist, Title (date)'; line 2 'medium, dimensions'. Missing parts take their
    separators with them: never '()' or a dangling comma."""
    credits = artwork.credited_artists() if artwork.pk else []
    labels = [
        credit_label(
            credit.role_before, credit.artist.name, first=index == 0, after=credit.role_after
        )
        for index, credit in enumerate(credits)
    ]
    title = artwork.title.strip()
    date = artwork.date_display.strip()
    titled = f"{title} ({date})" if title and date else title or date
    line1 = ", ".join(part for part in (join_names(labels), titled) if part)
    line2 = ", ".join(
        part for part in (artwork.medium.strip(), artwork.dimensions_display.strip()) if part
    )
    return Caption(line1, line2)
