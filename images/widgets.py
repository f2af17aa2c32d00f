"""The file input of an image use's form, with the upload kept across a validation error
(images.kept_uploads): a hidden input with the kept image's signed token beside it, and a line
that says which file is kept."""

from django import forms
from django.utils.html import format_html

KEPT_SUFFIX = "-kept"


class KeptUploadInput(forms.ClearableFileInput):
    kept_token = ""  # set per form by ImageUseForm
    kept_name = ""

    def render(self, name, value, attrs=None, renderer=None):
        rendered = super().render(name, value, attrs, renderer)
        if not self.kept_token:
            return rendered
        return format_html(
            '{}<input type="hidden" name="{}" value="{}" class="kept-upload">'
            '<p class="kept-upload__note">Kept from your last try: “{}”. '
            "It is saved with the form; choose another file to replace it.</p>",
            rendered,
            name + KEPT_SUFFIX,
            self.kept_token,
            self.kept_name,
        )
