"""The image field every upload goes through: the file is checked and re-encoded by
images.sanitize before anything is stored, under a random name; the uploader's file name is
kept only as a label.

`SafeImageField` is a model ImageField whose form field is `SafeImageFormField`; it can also
fill a label field (the original name) and a size field (bytes stored), as ImageField fills
width and height.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from images.naming import image_storage_name, original_name_label
from images.sanitize import clean_image
from images.sniffing import EXTENSIONS

FORMAT_OF_EXTENSION = {extension: image_format for image_format, extension in EXTENSIONS.items()}
MAX_NAME_LENGTH = 150


class SafeImageFormField(forms.FileField):
    """Cleans an upload to a fresh, metadata-free image file (a ContentFile) or refuses it."""

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = None  # the stored name is ours; the uploaded one is checked below
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp,image/gif")

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        _check_name(upload.name)
        cleaned = clean_image(upload)
        content = cleaned.content
        content.name = f"upload.{cleaned.extension}"
        content.original_label = original_name_label(upload.name)
        return content


def _check_name(name: str) -> None:
    """Uploaded files' names are already without folders (Django keeps the last part of
    '../../x.jpg'); a very long one is refused, as storages and editors' lists handle it badly."""
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            "The file name is too long (over %(max)d characters): rename the file to at most "
            "%(max)d characters and upload it again.",
            code="name_too_long",
            params={"length": len(name), "max": MAX_NAME_LENGTH},
        )


class SafeImageField(models.ImageField):
    def __init__(self, *args, original_name_field=None, size_field=None, **kwargs):
        self.original_name_field = original_name_field
        self.size_field = size_field
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for option in ("original_name_field", "size_field"):
            if getattr(self, option):
                kwargs[option] = getattr(self, option)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def generate_filename(self, instance, filename):
        """A random name under the instance's `upload_folder` (an Image is stored in the folder
        of its use) or else upload_to, whatever the upload was called."""
        extension = filename.rsplit(".", 1)[-1].lower()
        image_format = FORMAT_OF_EXTENSION.get(extension, "JPEG")
        prefix = str(getattr(instance, "upload_folder", None) or self.upload_to).strip("/")
        return self.storage.generate_filename(
            image_storage_name(prefix=prefix, image_format=image_format)
        )

    def save_form_data(self, instance, data):
        super().save_form_data(instance, data)
        if data is False:  # "clear" ticked
            self._set(instance, self.original_name_field, "")
            self._set(instance, self.size_field, None)
        elif data is not None and hasattr(data, "original_label"):
            self._set(instance, self.original_name_field, data.original_label)
            self._set(instance, self.size_field, data.size)

    @staticmethod
    def _set(instance, field_name, value):
        if field_name:
            setattr(instance, field_name, value)
