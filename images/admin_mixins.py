"""Editing a use's image in the use's own admin form: the upload (through the safe pipeline),
the focal point, a preview on which a click sets it, and the picture's facts.

`ImageUseAdminMixin` goes on the ModelAdmin or inline of a registered use (images.uses); its
`image_field` names the use's foreign key to Image (default "image"). The form it makes shows
that key as a file field of the same name, with `focal_x` and `focal_y` beside it, and two
read-only fields to place in `fields`: `image_preview` and `image_facts`. Saving the form saves
the Image first (a new one, or the use's own one changed in place), then the use.

A new upload is stored as soon as it is valid, and kept across a validation error elsewhere in
the page (images.kept_uploads): the form is shown again with the kept image's token beside
the file input, and sent again without a new file it takes that image.
"""

from django import forms
from django.contrib import admin
from django.core.validators import MaxValueValidator, MinValueValidator

from images import kept_uploads, uses
from images.admin_display import FOCAL_POINT_MEDIA, focal_point_preview, image_facts
from images.fields import SafeImageFormField
from images.model_fields import FOCAL_HELP, FocalPointField
from images.models import Image
from images.widgets import KEPT_SUFFIX, KeptUploadInput

FOCAL_FIELDS = ("focal_x", "focal_y")


def _focal_form_field(axis: str) -> forms.FloatField:
    return forms.FloatField(
        label=f"Focal point {axis}",
        required=False,
        help_text=FOCAL_HELP,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
    )


class ImageUseForm(forms.ModelForm):
    """A use's form whose image key is edited as an upload and a focal point."""

    image_field = "image"  # set by ImageUseAdminMixin
    focal_x = _focal_form_field("x")
    focal_y = _focal_form_field("y")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = self._meta.model._meta.get_field(self.image_field)
        self._use = uses.use_of(type(self.instance), self.image_field)
        self._kept = self._image_kept_from_last_try()
        self.fields[self.image_field] = SafeImageFormField(
            label=model_field.verbose_name[:1].upper() + model_field.verbose_name[1:],
            help_text=model_field.help_text,
            required=not model_field.blank and self._kept is None,
            widget=KeptUploadInput,
        )
        if self._kept is not None:
            self._show_kept(self._kept)
        image = self._current_image()
        self.initial[self.image_field] = image.file if image else None
        for name in FOCAL_FIELDS:
            self.initial.setdefault(name, getattr(image, name) if image else FocalPointField.CENTRE)

    def _current_image(self) -> Image | None:
        if getattr(self.instance, self._use.attname):
            return getattr(self.instance, self.image_field)
        return None

    def _image_kept_from_last_try(self) -> Image | None:
        if not self.is_bound:
            return None
        token = self.data.get(self.add_prefix(self.image_field) + KEPT_SUFFIX, "")
        return kept_uploads.kept_image(token, self._use)

    def _show_kept(self, image: Image) -> None:
        widget = self.fields[self.image_field].widget
        widget.kept_token = kept_uploads.token_for(image, self._use)
        widget.kept_name = image.original_name

    def _post_clean(self):
        # Before the model form copies cleaned values onto the use: its key gets the Image
        # (unsaved when new or changed), not the upload.
        if self.image_field in self.cleaned_data:
            self.cleaned_data[self.image_field] = self._image_to_store()
        super()._post_clean()

    def _get_validation_exclusions(self):
        # The key may point at an image that save() stores first: nothing to look up yet.
        return {*super()._get_validation_exclusions(), self.image_field}

    def _image_to_store(self) -> Image | None:
        upload = self.cleaned_data[self.image_field]
        new_file = upload is not None and hasattr(upload, "original_label")
        if upload is False:
            return None  # cleared
        if upload is None and self._current_image() is None:
            return self._kept_with_focal_point()  # the upload of the last try, or none
        image = self._current_image() or Image()
        if new_file:
            image.upload_folder = self._use.folder
            Image._meta.get_field("file").save_form_data(image, upload)
        self._set_focal_point(image)
        if new_file and image._state.adding and kept_uploads.keeping():
            self._keep(image)
        return image

    def _set_focal_point(self, image: Image) -> None:
        for name in FOCAL_FIELDS:
            value = self.cleaned_data.get(name)
            setattr(image, name, FocalPointField.CENTRE if value is None else value)

    def _kept_with_focal_point(self) -> Image | None:
        if self._kept is not None:
            self._set_focal_point(self._kept)
        return self._kept

    def _keep(self, image: Image) -> None:
        # Stored now, so that the form can be shown again with it if anything on the page is
        # refused; the request's transaction commits a re-shown form. A newer file replaces
        # the one kept from the last try.
        image.save()
        self._stored_now = image
        if self._kept is not None and self._kept.pk != image.pk:
            kept_uploads.discard(self._kept)
        kept_uploads.delete_unused()
        self._kept = image
        self._show_kept(image)

    def save(self, commit=True):
        # The image is stored even when the use is not yet (commit=False, as the admin's main
        # form does): the use's row needs its key. The request is one transaction.
        image = getattr(self.instance, self.image_field, None)
        if image is not None and self._needs_saving(image):
            image.save()
            setattr(self.instance, self.image_field, image)
        return super().save(commit)

    def _needs_saving(self, image: Image) -> bool:
        if image is getattr(self, "_stored_now", None):
            return False  # stored while the form was cleaned, focal point and all
        return image._state.adding or image is self._kept or self._image_changed()

    def _image_changed(self) -> bool:
        return bool({self.image_field, *FOCAL_FIELDS} & set(self.changed_data))


class ImageUseAdminMixin:
    """For the ModelAdmin or inline of a registered image use: the form above, the focal
    point's script, and the read-only `image_preview` and `image_facts`."""

    image_field = "image"
    image_alt_field = "alt_text"  # the use's alt text, for the preview

    def get_form(self, request, obj=None, **kwargs):
        return super().get_form(request, obj, **{"form": self._image_form(), **kwargs})

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, **{"form": self._image_form(), **kwargs})

    def _image_form(self):
        base = self.form if issubclass(self.form, ImageUseForm) else self._mixed_form()
        return type(base.__name__, (base,), {"image_field": self.image_field})

    def _mixed_form(self):
        return type(f"{self.form.__name__}WithImage", (ImageUseForm, self.form), {})

    @property
    def media(self):
        return super().media + FOCAL_POINT_MEDIA

    @admin.display(description="Preview and focal point")
    def image_preview(self, obj):
        image = self._image_of(obj)
        if image is None:
            return focal_point_preview(None, 0.5, 0.5)
        alt = getattr(obj, self.image_alt_field, "")
        return focal_point_preview(image.file, image.focal_x, image.focal_y, alt)

    @admin.display(description="Image")
    def image_facts(self, obj):
        image = self._image_of(obj)
        if image is None:
            return "—"
        return image_facts(image.width, image.height, image.file_size, image.original_name)

    def _image_of(self, obj) -> Image | None:
        if obj is None or not getattr(obj, f"{self.image_field}_id", None):
            return None
        return getattr(obj, self.image_field)
