"""The models that show an Image, each through a foreign key: content apps register their uses
from their own ready(), so that images never names them.

A registered use gets, from here:

- its folder: where its new uploads are stored ("artworks/2026/11/<hex>.jpg"), so that media
  stays sorted by what it is;
- ownership: the image belongs to the use. When the use is deleted, or lets its image go (the
  editor cleared it, a revert took it away), the image row is deleted too, and with it its
  renditions (images.receivers); the original file stays, as a revision may bring it back;
- its rows, for whoever must know what shows an image (`uses_of`: the page cache, when
  renditions change).

Nothing here imports a model: the apps' ready() import this module before models are loaded.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save


@dataclass(frozen=True)
class ImageUse:
    model: type[models.Model]
    field: str  # the foreign key to Image
    folder: str  # where its new uploads are stored

    @property
    def label(self) -> str:
        """'artworks.ArtworkImage', as rebuild_renditions --model takes it."""
        return self.model._meta.label

    @property
    def attname(self) -> str:
        return self.model._meta.get_field(self.field).attname

    @property
    def image_model(self):
        return self.model._meta.get_field(self.field).related_model

    def rows_showing(self, image_pks):
        return self.model._base_manager.filter(**{f"{self.attname}__in": image_pks})


_registered: dict[tuple[type[models.Model], str], ImageUse] = {}


def register(model: type[models.Model], field: str, *, folder: str) -> None:
    """Declare that `model` shows an Image through its foreign key `field` (from the app's
    ready(); calling it again changes nothing)."""
    related = model._meta.get_field(field).related_model
    if related is None or related._meta.label != "images.Image":
        raise TypeError(f"{model._meta.label}.{field} is not a foreign key to images.Image.")
    use = ImageUse(model, field, folder.strip("/"))
    _registered[(model, field)] = use
    uid = f"images.uses:{model._meta.label_lower}.{field}"
    pre_save.connect(_remember_image, sender=model, dispatch_uid=f"{uid}:pre")
    post_save.connect(_release_replaced_image, sender=model, dispatch_uid=f"{uid}:save")
    post_delete.connect(_release_image, sender=model, dispatch_uid=f"{uid}:delete")


def registered() -> tuple[ImageUse, ...]:
    return tuple(_registered.values())


def use_of(model: type[models.Model], field: str) -> ImageUse:
    try:
        return _registered[(model, field)]
    except KeyError:
        raise LookupError(f"{model._meta.label}.{field} is not a registered image use.") from None


def uses_of(image) -> list[models.Model]:
    """The rows that show `image` (one query per registered use)."""
    return [row for use in registered() for row in use.rows_showing([image.pk])]


def _uses_of_model(model) -> list[ImageUse]:
    return [use for use in registered() if use.model is model]


def _remember_image(sender, instance, **kwargs):
    """The image each use's row pointed at before this save (raw saves too: a revert writes
    parts back that way)."""
    if instance.pk is None:
        return
    names = [use.attname for use in _uses_of_model(sender)]
    stored = sender._base_manager.filter(pk=instance.pk).values(*names).first() or {}
    instance._images_before = stored


def _release_replaced_image(sender, instance, using=None, **kwargs):
    before = getattr(instance, "_images_before", {})
    for use in _uses_of_model(sender):
        previous = before.get(use.attname)
        if previous is not None and previous != getattr(instance, use.attname):
            _delete_images(use, [previous], using)


def _release_image(sender, instance, using=None, **kwargs):
    for use in _uses_of_model(sender):
        pk = getattr(instance, use.attname)
        if pk is not None:
            _delete_images(use, [pk], using)


def _delete_images(use: ImageUse, pks, using) -> None:
    # One by one, through delete(): images.receivers deletes each image's renditions.
    for image in use.image_model.objects.using(using).filter(pk__in=pks):
        image.delete()
