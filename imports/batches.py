"""Writing one batch of imported records: created or updated in bulk, in one transaction, in a
fixed number of queries whatever the batch's size (no query per record).

A record is keyed on its id in the source (`tate_id`). New records are created with every
field; existing ones are merged field by field (imports/fingerprints.py), tags and the
subclass's parts (an artwork's credits) included, so an editor's change is never undone.
Nothing of a batch is written unless all of it is: when the database refuses the batch, it is
tried again one record at a time, and the record it still refuses is skipped and reported.

Bulk writes send no model signals and make no django-reversion revisions; the database's own
triggers (the search index on PostgreSQL) see every row as usual.
"""

from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils import timezone

from imports.fingerprints import fingerprints_of, merge
from imports.slugs import unique_slugs
from imports.summary import ImportSummary
from imports.tags import TagResolver

TAGS = "tags"


@dataclass
class Planned:
    instance: object  # None when unchanged
    record: object
    status: str  # "created", "updated" or "unchanged"
    tags: tuple[str, ...] = ()  # the source's tag names
    changes: frozenset = frozenset()  # for "updated": the fields to write
    kept: bool = False  # an editor's change was kept


class BatchWriter:
    """Subclasses name the model, its fields and how a record gives their values."""

    model = None
    kind = ""  # "artist" or "artwork", as the summary says
    fields: tuple[str, ...] = ()
    slug_fallback = ""

    def __init__(self, *, summary: ImportSummary, tags: TagResolver, dry_run: bool = False):
        self.summary, self.tags, self.dry_run = summary, tags, dry_run

    # What a subclass provides.
    def values(self, record) -> dict:
        raise NotImplementedError

    def slug_text(self, record) -> str:
        raise NotImplementedError

    def parts_now(self, pks: list[int]) -> dict:
        """{pk: {field: comparable value}} for the fields beyond the model's own."""
        return {}

    def write_parts(self, planned: list[Planned]):
        """Write the parts of the created and updated records (after they are saved)."""

    # The batch.
    def write(self, batch: list[tuple[str, object]]):
        """`batch`: (file name, record) pairs, each Tate id once."""
        planned = self.plan(batch)
        if not self.dry_run and any(item.status != "unchanged" for item in planned):
            try:
                with transaction.atomic():
                    self.save(planned)
            except DatabaseError as error:
                self.tags.forget()  # tags it made are rolled back with it
                if len(batch) == 1:
                    self.summary.skip(self.kind, batch[0][0], "database refused", str(error)[:300])
                    return
                for item in batch:
                    self.write([item])
                return
        for item in planned:
            counts = self.summary.counts(self.kind)
            setattr(counts, item.status, getattr(counts, item.status) + 1)
            counts.kept_editor_changes += item.kept

    def plan(self, batch: list[tuple[str, object]]) -> list[Planned]:
        records = [record for _file, record in batch]
        # Rows as dicts, not model instances: most are compared and left alone, cheaply.
        rows = self.model.objects.filter(tate_id__in=[r.tate_id for r in records]).values(
            "pk", "tate_id", "import_fingerprints", *self.fields
        )
        existing = {row["tate_id"]: row for row in rows}
        pks = [row["pk"] for row in existing.values()]
        self._tag_rows = self._current_tag_rows(pks)
        parts = self.parts_now(pks)
        planned = []
        for record in records:
            values = self.values(record)
            tags = values.pop(TAGS)
            incoming = {**values, TAGS: _tag_key(tags)}
            own = {name: value for name, value in values.items() if name in self.fields}
            row = existing.get(record.tate_id)
            if row is None:
                instance = self.model(tate_id=record.tate_id, **own)
                instance.import_fingerprints = fingerprints_of(incoming)
                planned.append(Planned(instance, record, "created", tags))
                continue
            current = {name: row[name] for name in own}
            current[TAGS] = _tag_key(self._tag_rows.get(row["pk"], {}))
            current.update(parts.get(row["pk"], {}))
            result = merge(current=current, incoming=incoming, stored=row["import_fingerprints"])
            instance = None
            if result.writes:
                fields = {name: row[name] for name in self.fields}
                instance = self.model(pk=row["pk"], tate_id=record.tate_id, **fields)
                for name, value in result.changes.items():
                    if name in own:
                        setattr(instance, name, value)
                instance.import_fingerprints = result.fingerprints
            status = "updated" if result.writes else "unchanged"
            planned.append(
                Planned(
                    instance, record, status, tags, frozenset(result.changes), bool(result.kept)
                )
            )
        return planned

    def save(self, planned: list[Planned]):
        created = [item for item in planned if item.status == "created"]
        updated = [item for item in planned if item.status == "updated"]
        slugs = unique_slugs(
            self.model,
            [(self.slug_text(item.record), item.record.tate_id) for item in created],
            fallback=self.slug_fallback,
        )
        for item, slug in zip(created, slugs, strict=True):
            item.instance.slug = slug
            self.before_save(item.instance, set(self.fields))
        self.model.objects.bulk_create([item.instance for item in created])
        if updated:
            now, names = timezone.now(), {"import_fingerprints", "updated_at"}
            for item in updated:
                item.instance.updated_at = now
                names |= self.before_save(item.instance, item.changes & set(self.fields))
                names |= item.changes & set(self.fields)
            self.model.objects.bulk_update([item.instance for item in updated], sorted(names))
        self._write_tags(created + [item for item in updated if TAGS in item.changes])
        self.write_parts(created + updated)

    def before_save(self, instance, changed: set[str]) -> set[str]:
        """What model.save() would fill, which bulk writes skip; returns the fields it set."""
        return set()

    def _current_tag_rows(self, pks: list[int]) -> dict[int, dict[str, int]]:
        """{object pk: {lower-case tag name: tag row pk}}."""
        rows = self.model.tags.through.objects.filter(content_object_id__in=pks)
        current: dict[int, dict[str, int]] = {}
        for row_pk, pk, name in rows.values_list("pk", "content_object_id", "tag__name"):
            current.setdefault(pk, {})[name.lower()] = row_pk
        return current

    def _write_tags(self, planned: list[Planned]):
        """Adds the missing tag rows and deletes those no longer wanted: rows that stay are
        left alone."""
        through = self.model.tags.through
        ids = self.tags.ids({name for item in planned for name in item.tags})
        stale, new = [], []
        for item in planned:
            rows = self._tag_rows.get(item.instance.pk, {})
            wanted = {name.lower() for name in item.tags}
            stale += [row_pk for name, row_pk in rows.items() if name not in wanted]
            new += [
                through(content_object_id=item.instance.pk, tag_id=ids[key])
                for key in dict.fromkeys(name.lower() for name in item.tags)
                if key not in rows
            ]
        if stale:
            through.objects.filter(pk__in=stale).delete()
        if new:
            through.objects.bulk_create(new)


def _tag_key(names) -> list[str]:
    """Tags compared as tags match: without case, in any order."""
    return sorted({name.lower() for name in names})
