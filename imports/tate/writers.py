"""Tate's artists and artworks written in batches (imports/batches.py does the work): which
fields each fills, and an artwork's credits."""

from artists.models import Artist, initial_of
from artworks.models import Artwork, ArtworkArtist
from imports.batches import TAGS, BatchWriter, Planned
from imports.tate.records import TateArtist, TateArtwork

CREDITS = "credits"


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
    """`artist_ids`: {Tate artist id: Artist pk} of the artists in the database."""

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

    def __init__(self, *, artist_ids: dict[int, int], **kwargs):
        super().__init__(**kwargs)
        self.artist_ids = artist_ids

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
            CREDITS: [[f"tate:{credit.artist_tate_id}", credit.role] for credit in record.credits],
        }

    def slug_text(self, record: TateArtwork) -> str:
        return record.title

    def parts_now(self, pks: list[int]) -> dict:
        credits: dict[int, dict] = {pk: {CREDITS: []} for pk in pks}
        rows = (
            ArtworkArtist.objects.filter(artwork_id__in=pks)
            .order_by("artwork_id", "position", "pk")
            .values_list("artwork_id", "artist_id", "artist__tate_id", "role")
        )
        for artwork_id, artist_id, tate_id, role in rows:
            key = f"tate:{tate_id}" if tate_id is not None else f"pk:{artist_id}"
            credits[artwork_id][CREDITS].append([key, role])
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
                position=position,
            )
            for item in changed
            for position, credit in enumerate(item.record.credits)
        )
