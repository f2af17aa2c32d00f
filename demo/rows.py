"""How the demo writes a row, shared by its loaders (demo/loader.py, demo/exhibitions.py): found
by its key and brought in line with the files, validated as an editor's save would be, and a
drawn picture stored once per row."""

from django.core.files.base import ContentFile
from django.db import models

from demo.pictures import render
from images import uses
from images.models import Image


def upsert(model: type[models.Model], lookup: dict, values: dict):
    """update_or_create, validated like an editor's save (full_clean) before it is written."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def values_of(model: type[models.Model], spec: dict, names: list[str]) -> dict:
    """The listed fields from spec; a field the spec leaves out is emptied, so removing a fact
    from the data removes it from the row too."""
    return {
        name: spec.get(name, None if model._meta.get_field(name).null else "") for name in names
    }


def drawn_image(row, field: str, picture: str, filename: str) -> Image:
    """Draw the picture and store it as a new Image, in the folder of the row's use."""
    image = Image()
    image.upload_folder = uses.use_of(type(row), field).folder
    image.file.save(filename, ContentFile(render(picture)), save=False)
    image.save()
    return image
