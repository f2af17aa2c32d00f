"""What the import reads from one Tate file: plain values, checked, ready to be written."""

from dataclasses import dataclass

from imports.tate.dates import DateSpan
from imports.tate.dimensions import Dimensions


class Skip(Exception):
    """A record that cannot be imported: `reason` is the summary's key ("no title"), `detail`
    what a person needs to find and fix it."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class TateArtist:
    tate_id: int
    name: str
    sort_name: str
    birth_year: int | None
    death_year: int | None
    birth_place: str
    death_place: str
    url: str
    movements: tuple[str, ...]
    notes: tuple[str, ...] = ()  # what was left out, for the summary


@dataclass(frozen=True)
class TateCredit:
    artist_tate_id: int
    name: str  # as the artwork file prints it, for messages
    role: str  # an ArtworkArtist.Role value
    role_text: str = ""  # for a role without a value of its own: the role as Tate writes it
    # The artist as the artwork file describes them, made when there is no artist file.
    artist: TateArtist | None = None


@dataclass(frozen=True)
class TateArtwork:
    tate_id: int
    accession_number: str
    title: str
    date: DateSpan
    medium: str
    dimensions: Dimensions
    classification: str
    credit_line: str
    copyright_line: str
    url: str
    subjects: tuple[str, ...]
    credits: tuple[TateCredit, ...]
    notes: tuple[str, ...] = ()  # what was left out, for the summary
