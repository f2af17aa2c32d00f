"""taggit's tag admin, with the slug optional: the admin's slug script has nothing to offer for a
name without letters ("🎨"), and tagging/slugs.py makes one when it is left empty."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from plaintext.text import clean_text

admin.site.unregister(Tag)


class TagForm(forms.ModelForm):
    def clean_name(self):
        # Cleaned here, not only on save, so that the uniqueness check sees the name as it will be
        # stored: "Café" pasted with a control character is the existing "Café", a form error.
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise ValidationError("A tag needs a name with letters, digits or symbols in it.")
        return name


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    form = TagForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "slug":
            kwargs["required"] = False
            kwargs["help_text"] = (
                "The last part of the tag's address. Leave empty to make it from the name; "
                "changing it moves the tag's page."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
