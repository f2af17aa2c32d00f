"""Moving a model's own image columns into images.Image rows, and back: the one routine behind
the data migrations of artworks (ArtworkImage), articles (ArticleFigure) and artists (Artist).

Nothing is done to files: an Image row takes the stored name, the dimensions, the focal point
and the renditions JSON of the row it comes from, so no original is re-encoded or moved and no
rendition is made again. The model's old revisions are rewritten too (django-reversion keeps
each version as JSON): a version's image columns become the key of an Image, and an Image
version with those columns is added to the same revision, so that a revert made after the move
brings back the picture the version had, as a revert made before it did.
"""

import json
from dataclasses import dataclass
from itertools import batched

BATCH = 500
IMAGE = ("images", "image")


@dataclass(frozen=True)
class ImageColumns:
    app_label: str
    model_name: str
    key: str  # the new foreign key to Image while both exist (renamed `file_column` after)
    columns: dict[str, str]  # Image field -> the model's column, "file" included

    @property
    def file_column(self) -> str:
        return self.columns["file"]

    def forward(self, apps, schema_editor) -> None:
        db = schema_editor.connection.alias
        model, image_model = apps.get_model(self.app_label, self.model_name), apps.get_model(*IMAGE)
        rows = (
            model._base_manager.using(db)
            .exclude(**{self.file_column: ""})
            .order_by("pk")
            .values("pk", *self.columns.values())
        )
        for batch in batched(rows.iterator(chunk_size=BATCH), BATCH):
            images = [
                _image(image_model, {field: row[column] for field, column in self.columns.items()})
                for row in batch
            ]
            image_model._base_manager.using(db).bulk_create(images)
            keyed = [
                model(pk=row["pk"], **{self.key: image})
                for row, image in zip(batch, images, strict=True)
            ]
            model._base_manager.using(db).bulk_update(keyed, [self.key])
        self._rewrite_versions_forward(apps, db, model, image_model)
        _run_deferred_checks(schema_editor)

    def backward(self, apps, schema_editor) -> None:
        db = schema_editor.connection.alias
        model, image_model = apps.get_model(self.app_label, self.model_name), apps.get_model(*IMAGE)
        key = model._meta.get_field(self.key).attname
        used = model._base_manager.using(db).exclude(**{f"{key}__isnull": True})
        images = image_model._base_manager.using(db).in_bulk(list(used.values_list(key, flat=True)))
        for batch in batched(used.order_by("pk").values_list("pk", key).iterator(), BATCH):
            rows = [model(pk=pk, **self._columns_of(images[image_pk])) for pk, image_pk in batch]
            model._base_manager.using(db).bulk_update(rows, list(self.columns.values()))
        self._rewrite_versions_backward(apps, db)
        # The Image rows stay until images' own migration is undone and drops their table: a
        # delete here would look for the keys of the other models, whose state may be any.
        _run_deferred_checks(schema_editor)

    def _columns_of(self, image) -> dict:
        return {
            column: image.file.name if field == "file" else getattr(image, field)
            for field, column in self.columns.items()
        }

    def _content_types(self, apps, db):
        content_type = apps.get_model("contenttypes", "ContentType")._base_manager.using(db)
        mine = content_type.filter(app_label=self.app_label, model=self.model_name.lower()).first()
        image, _ = content_type.get_or_create(app_label=IMAGE[0], model=IMAGE[1])
        return mine, image

    def _rewrite_versions_forward(self, apps, db, model, image_model) -> None:
        mine, image_type = self._content_types(apps, db)
        if mine is None:
            return  # a new database: no revision yet
        versions = apps.get_model("reversion", "Version")._base_manager.using(db)
        current = dict(model._base_manager.using(db).values_list("pk", self.key))
        made: dict[tuple[str, str], int] = {}  # (object, file) -> an Image made for old versions
        for version in versions.filter(content_type=mine).iterator(chunk_size=BATCH):
            data = json.loads(version.serialized_data)
            fields = data[0]["fields"]
            values = {field: fields.pop(column, None) for field, column in self.columns.items()}
            values.pop("renditions", None)  # never in versions: made again after a revert
            image_pk = None
            if values["file"]:
                image_pk = current.get(_pk(version.object_id)) or made.get(
                    (version.object_id, values["file"])
                )
                if image_pk is None:  # the object, or its picture, is gone: recovery needs one
                    image = _image(image_model, values)
                    image.save(using=db)
                    image_pk = made[(version.object_id, values["file"])] = image.pk
                versions.get_or_create(
                    revision_id=version.revision_id,
                    content_type=image_type,
                    object_id=str(image_pk),
                    db=version.db,
                    defaults={
                        "format": "json",
                        "serialized_data": json.dumps(
                            [{"model": "images.image", "pk": image_pk, "fields": values}]
                        ),
                        "object_repr": values.get("original_name") or values["file"],
                    },
                )
            fields[self.file_column] = image_pk
            version.serialized_data = json.dumps(data)
            version.save(update_fields=["serialized_data"])

    def _rewrite_versions_backward(self, apps, db) -> None:
        mine, image_type = self._content_types(apps, db)
        if mine is None:
            return
        versions = apps.get_model("reversion", "Version")._base_manager.using(db)
        image_versions = versions.filter(content_type=image_type)
        for version in versions.filter(content_type=mine).iterator(chunk_size=BATCH):
            data = json.loads(version.serialized_data)
            fields = data[0]["fields"]
            image_pk = fields.pop(self.file_column, None)
            stored = image_versions.filter(
                revision_id=version.revision_id, object_id=str(image_pk)
            ).first()
            values = json.loads(stored.serialized_data)[0]["fields"] if stored else {}
            for field, column in self.columns.items():
                if field != "renditions":
                    fields[column] = values.get(field, "" if field == "file" else None)
            version.serialized_data = json.dumps(data)
            version.save(update_fields=["serialized_data"])
            if stored:
                stored.delete()


def _image(image_model, values: dict):
    """An unsaved Image with these values (by Image field; those missing take their defaults).
    The file's name is set past the field's descriptor: through it, an ImageField measures a
    file whose dimensions are missing, and a missing original must not stop the migration."""
    image = image_model(
        **{field: value for field, value in values.items() if field != "file" and value is not None}
    )
    image.__dict__["file"] = values["file"]
    return image


def _pk(object_id: str):
    return int(object_id) if object_id.isdigit() else object_id


def _run_deferred_checks(schema_editor) -> None:
    """PostgreSQL checks foreign keys at the commit; the migration then alters the tables it
    just wrote, which it refuses while those checks are pending ("pending trigger events")."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.connection.check_constraints()
