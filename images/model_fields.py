"""The fields an image-bearing model adds beside its SafeImageField: where the picture's
important part is (for crops), what the uploader called the file, how big it is, and the
renditions made from it (filled by images.tasks, never while a page renders)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

FOCAL_HELP = "Where the important part of the picture is, from 0 (left/top) to 1 (right/bottom)."


class FocalPointField(models.FloatField):
    """A coordinate from 0 to 1; left empty (or not sent at all), it is the centre."""

    CENTRE = 0.5

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", self.CENTRE)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [MinValueValidator(0.0), MaxValueValidator(1.0)])
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        if getattr(model_instance, self.attname) is None:
            setattr(model_instance, self.attname, self.CENTRE)
        return super().pre_save(model_instance, add)


def focal_field(axis: str) -> FocalPointField:
    return FocalPointField(f"focal point {axis}", help_text=FOCAL_HELP)


def original_name_field() -> models.CharField:
    return models.CharField(
        "uploaded as", max_length=100, blank=True, editable=False, help_text="The file's name."
    )


def file_size_field() -> models.PositiveIntegerField:
    return models.PositiveIntegerField("file size (bytes)", null=True, blank=True, editable=False)


def renditions_field() -> models.JSONField:
    return models.JSONField(default=dict, blank=True, editable=False)


def decorative_field() -> models.BooleanField:
    return models.BooleanField(
        default=False,
        help_text="Tick only if the picture adds nothing for a reader who cannot see it; it is "
        "then hidden from screen readers and needs no alt text.",
    )
