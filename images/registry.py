"""Which models store images that get renditions, and the signals that keep them made.

One ImageSpec per image field names the fields beside it (dimensions, focal point, renditions
JSON). `connect_signals()` (from ImagesConfig.ready) connects, for each registered model:

- post_save: when the stored renditions are not those of the current file and focal point,
  images.tasks.make_image_renditions is queued after the transaction commits; nothing is ever
  made while the request runs. Raw saves count too: a revert writes parts back that way.
- post_delete: the object's rendition files are deleted after the transaction commits (the
  original is left alone: a revision may bring the object back, and its renditions are then
  made again).
"""

from dataclasses import dataclass
from functools import cache, partial

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from images.renditions import delete_rendition_files, rounded_focal

# (model, file, width, height, focal x, focal y, renditions): the one list of image fields.
_DECLARED = (
    ("artworks.ArtworkImage", "image", "width", "height", "focal_x", "focal_y", "renditions"),
    (
        "articles.ArticleFigure",
        "image",
        "image_width",
        "image_height",
        "focal_x",
        "focal_y",
        "renditions",
    ),
    (
        "artists.Artist",
        "portrait",
        "portrait_width",
        "portrait_height",
        "portrait_focal_x",
        "portrait_focal_y",
        "portrait_renditions",
    ),
)


@dataclass(frozen=True)
class ImageSpec:
    model: type[models.Model]
    file_field: str
    width_field: str
    height_field: str
    focal_x_field: str
    focal_y_field: str
    renditions_field: str

    @property
    def label(self) -> str:
        """'artworks.ArtworkImage', as --model takes it."""
        return self.model._meta.label

    def file(self, instance):
        return getattr(instance, self.file_field)

    def focal(self, instance) -> tuple[float, float]:
        x, y = getattr(instance, self.focal_x_field), getattr(instance, self.focal_y_field)
        return rounded_focal(0.5 if x is None else x, 0.5 if y is None else y)

    def renditions(self, instance) -> dict:
        value = getattr(instance, self.renditions_field)
        return value if isinstance(value, dict) else {}

    def is_up_to_date(self, instance) -> bool:
        """Whether the stored renditions are those of the current file and focal point (an
        empty field is up to date when it has no renditions left)."""
        renditions = self.renditions(instance)
        name = self.file(instance).name or ""
        if not name:
            return not renditions
        return renditions.get("source") == name and renditions.get("focal") == list(
            self.focal(instance)
        )

    def task_arguments(self, instance) -> tuple:
        """make_image_renditions' arguments for this object: JSON-serializable."""
        meta = self.model._meta
        return (meta.app_label, meta.model_name, instance.pk, self.file_field)


@cache
def specs() -> tuple[ImageSpec, ...]:
    """Every registered image field (models are looked up once the app registry is ready)."""
    return tuple(ImageSpec(apps.get_model(label), *fields) for label, *fields in _DECLARED)


def spec_for(app_label: str, model_name: str, file_field: str) -> ImageSpec:
    model = apps.get_model(app_label, model_name)
    for spec in specs():
        if spec.model is model and spec.file_field == file_field:
            return spec
    raise LookupError(f"No renditions are registered for {model._meta.label}.{file_field}.")


def specs_of(model: type[models.Model]) -> list[ImageSpec]:
    return [spec for spec in specs() if spec.model is model]


def connect_signals() -> None:
    for model in {spec.model for spec in specs()}:
        uid = f"images.renditions:{model._meta.label_lower}"
        post_save.connect(image_saved, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(image_deleted, sender=model, dispatch_uid=f"{uid}:delete")


def image_saved(sender, instance, using=None, **kwargs):
    """Queue the renditions of every image of `instance` whose stored ones are out of date."""
    from images.tasks import make_image_renditions  # noqa: PLC0415 (tasks import this module)

    for spec in specs_of(sender):
        if not spec.is_up_to_date(instance):
            enqueue = partial(make_image_renditions.enqueue, *spec.task_arguments(instance))
            # robust: the save has committed; a queue that fails is logged, and
            # `manage.py rebuild_renditions --missing` catches up.
            transaction.on_commit(enqueue, using=using, robust=True)


def image_deleted(sender, instance, using=None, **kwargs):
    """Delete the rendition files of a deleted object once its deletion has committed."""
    for spec in specs_of(sender):
        renditions = spec.renditions(instance)
        if renditions:
            storage = spec.file(instance).storage
            transaction.on_commit(partial(delete_rendition_files, storage, renditions), using=using)
