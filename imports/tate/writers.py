"""Tate's artists and artworks written in batches (imports/batches.py does the work): which
fields each fills, and an artwork's credits."""

from collections.abc import Container
from dataclasses import replace

from artists.models import Artist, initial_of
from artworks.models import OTHER_ROLES, Artwork, ArtworkArtist
from imports.batches import TAGS, BatchWriter, Planned
from imports.tate.records import TateArtist, TateArtwork

CREDITS = "credits"
MADE_ARTIST_NOTE = "artist without an artist file made from an artwork's credit"
CREDIT_LEFT_OUT_NOTE = "credit of a contributor with neither an artist file nor a name left out"


def credit_key(key: str, role: str, role_text: str) -> list[str]:
    """A credit as it is compared from one import to the next: who, as what (and for a role in
    words, the words; a credit of any other role compares as it always has, so that records
    imported before roles in words keep their fingerprints)."""
    return [key, role, role_text] if role in OTHER_ROLES else [key, role]


class ArtistWriter(BatchWriter):
    model = Artist
    kind = "artist"
    fields = (
        "name",
        "sort_name",
        "birth_year",
        "death_year",
        "birth_place",
        "death_place",
        "source_url",
    )
    slug_fallback = "artist"

    def values(self, record: TateArtist) -> dict:
        return {
            "name": record.name,
            "sort_name": record.sort_name,
            "birth_year": record.birth_year,
            "death_year": record.death_year,
            "birth_place": record.birth_place,
            "death_place": record.death_place,
            "source_url": record.url,
            TAGS: record.movements,
        }

    def slug_text(self, record: TateArtist) -> str:
        return record.name

    def before_save(self, instance, changed: set[str]) -> set[str]:
        if instance.pk is None or changed & {"name", "sort_name"}:
            instance.sort_initial = initial_of(instance.sort_name or instance.name)
            return {"sort_initial"}
        return set()


class ArtworkWriter(BatchWriter):
    """`artist_ids`: {Tate artist id: Artist pk} of the artists in the database; `known_artists`:
    the Tate ids of the artists there are (in a dry run, also those it would have written).

    A credited artist who is neither is made from what the artwork says of them (Tate has no
    file for a few), before the batch is written, and counted with the artists."""

    model = Artwork
    kind = "artwork"
    fields = (
        "title",
        "accession_number",
        "date_display",
        "earliest_year",
        "latest_year",
        "medium",
        "dimensions_display",
        "height",
        "width",
        "depth",
        "unit",
        "classification",
        "credit_line",
        "copyright_line",
        "source_url",
    )
    slug_fallback = "artwork"

    def __init__(self, *, artist_ids: dict[int, int], known_artists: Container[int] = (), **kwargs):
        super().__init__(**kwargs)
        self.artist_ids = artist_ids
        self.known_artists = known_artists
        self.made_artists: set[int] = set()
        self.artists = ArtistWriter(summary=self.summary, tags=self.tags, dry_run=self.dry_run)

    def write(self, batch):
        self._make_missing_artists(batch)
        super().write([(file, self._with_stored_credits(record)) for file, record in batch])

    def _make_missing_artists(self, batch):
        missing: dict[int, tuple[str, TateArtist]] = {}
        for file, record in batch:
            for credit in record.credits:
                tate_id = credit.artist_tate_id
                absent = not (self._has_artist(tate_id) or tate_id in self.made_artists)
                if absent and credit.artist is not None:
                    missing.setdefault(tate_id, (file, credit.artist))
        if not missing:
            return
        self.artists.write(list(missing.values()))  # counted with the artists, as created
        self.made_artists |= set(missing)
        made = len(missing)
        if not self.dry_run:  # the database may have refused one
            rows = Artist.objects.filter(tate_id__in=list(missing)).values_list("tate_id", "pk")
            self.artist_ids.update(rows)
            made = sum(tate_id in self.artist_ids for tate_id in missing)
        self.summary.notes[MADE_ARTIST_NOTE] += made

    def _has_artist(self, tate_id: int) -> bool:
        if not self.dry_run:
            return tate_id in self.artist_ids
        return tate_id in self.known_artists or tate_id in self.made_artists

    def _with_stored_credits(self, record: TateArtwork) -> TateArtwork:
        """The record without the credits of artists who could not be made (a contributor
        with neither an artist file nor a name, or one the database refused): the work is
        kept, with a note."""
        absent = [c for c in record.credits if not self._has_artist(c.artist_tate_id)]
        if not absent:
            return record
        self.summary.notes[CREDIT_LEFT_OUT_NOTE] += len(absent)
        return replace(record, credits=tuple(c for c in record.credits if c not in absent))

    def values(self, record: TateArtwork) -> dict:
        size = record.dimensions
        return {
            "title": record.title,
            "accession_number": record.accession_number,
            "date_display": record.date.display,
            "earliest_year": record.date.earliest,
            "latest_year": record.date.latest,
            "medium": record.medium,
            "dimensions_display": size.display,
            "height": size.height,
            "width": size.width,
            "depth": size.depth,
            "unit": size.unit,
            "classification": record.classification,
            "credit_line": record.credit_line,
            "copyright_line": record.copyright_line,
            "source_url": record.url,
            TAGS: record.subjects,
            # Compared, not a field: who is credited, in order, as what.
            CREDITS: [
                credit_key(f"tate:{credit.artist_tate_id}", credit.role, credit.role_text)
                for credit in record.credits
            ],
        }

    def slug_text(self, record: TateArtwork) -> str:
        return record.title

    def parts_now(self, pks: list[int]) -> dict:
        credits: dict[int, dict] = {pk: {CREDITS: []} for pk in pks}
        rows = (
            ArtworkArtist.objects.filter(artwork_id__in=pks)
            .order_by("artwork_id", "position", "pk")
            .values_list("artwork_id", "artist_id", "artist__tate_id", "role", "role_text")
        )
        for artwork_id, artist_id, tate_id, role, role_text in rows:
            key = f"tate:{tate_id}" if tate_id is not None else f"pk:{artist_id}"
            credits[artwork_id][CREDITS].append(credit_key(key, role, role_text))
        return credits

    def write_parts(self, planned: list[Planned]):
        """Credits of new artworks, and of those whose credits changed, written anew."""
        changed = [item for item in planned if item.status == "created" or CREDITS in item.changes]
        replaced = [item.instance.pk for item in changed if item.status != "created"]
        if replaced:
            ArtworkArtist.objects.filter(artwork_id__in=replaced).delete()
        ArtworkArtist.objects.bulk_create(
            ArtworkArtist(
                artwork_id=item.instance.pk,
                artist_id=self.artist_ids[credit.artist_tate_id],
                role=credit.role,
                role_text=credit.role_text,
                position=position,
            )
            for item in changed
            for position, credit in enumerate(item.record.credits)
        )
