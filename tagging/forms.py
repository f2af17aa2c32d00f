"""An autocomplete for taggit tags that can also create new ones.

Django's admin autocomplete (select2) picks existing rows by primary key. Editors also need to
type a tag that does not exist yet, so our select2 runs in "tags" mode and marks a new entry as
`new:<name>`: a tag called "1968" can never be mistaken for the tag whose key is 1968.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from taggit.managers import TaggableManager
from taggit.models import Tag

from plaintext.text import clean_text

NEW_PREFIX = "new:"
MAX_TAG_LENGTH = Tag._meta.get_field("name").max_length


class TagAutocompleteWidget(AutocompleteSelectMultiple):
    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        # Our own script initialises it (with tag creation), not Django's autocomplete.js.
        attrs["class"] = attrs["class"].replace("admin-autocomplete", "admin-tag-autocomplete")
        attrs["data-tag-autocomplete"] = "true"
        return attrs

    def optgroups(self, name, value, attr=None):
        """Render chosen tags, including new ones not saved yet (after a form error)."""
        value = value or []
        new_names = [str(v) for v in value if str(v).startswith(NEW_PREFIX)]
        existing = [v for v in value if not str(v).startswith(NEW_PREFIX) and str(v).isdigit()]
        groups = super().optgroups(name, existing, attr)
        options = groups[0][1] if groups else []
        for new_name in new_names:
            option = self.create_option(
                name, new_name, new_name.removeprefix(NEW_PREFIX), True, len(options)
            )
            options.append(option)
        return groups or [(None, options, 0)]

    @property
    def media(self):
        # One list, so that merging with other widgets' media keeps our script after jQuery,
        # select2 and jquery.init.js.
        base = super().media
        return forms.Media(css=base._css, js=[*base._js, "tagging/tag-autocomplete.js"])


class TagAutocompleteField(forms.ModelMultipleChoiceField):
    """Cleans to a list of Tag objects and new tag names, which TaggableManager.set() takes."""

    def __init__(self, *, model_field, admin_site, **kwargs):
        kwargs.setdefault("required", not model_field.blank)
        kwargs.setdefault("label", model_field.verbose_name.capitalize())
        kwargs.setdefault("help_text", "Start typing to find a tag; press Enter to add a new one.")
        super().__init__(
            queryset=Tag.objects.order_by("name"),
            widget=TagAutocompleteWidget(model_field, admin_site),
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        if hasattr(value, "__iter__"):
            return [tag.pk if isinstance(tag, Tag) else tag for tag in value]
        return super().prepare_value(value)

    def clean(self, value):
        value = self.prepare_value(value) or []
        new_names = []
        for raw in value:
            raw = str(raw)
            if raw.startswith(NEW_PREFIX):
                tag_name = clean_text(raw.removeprefix(NEW_PREFIX))
                if len(tag_name) > MAX_TAG_LENGTH:
                    raise ValidationError(
                        f"A tag can be at most {MAX_TAG_LENGTH} characters: “{tag_name[:40]}…”."
                    )
                if tag_name:
                    new_names.append(tag_name)
        existing_keys = [v for v in value if not str(v).startswith(NEW_PREFIX)]
        if self.required and not existing_keys and not new_names:
            raise ValidationError(self.error_messages["required"], code="required")
        existing = list(super().clean(existing_keys)) if existing_keys else []
        existing_names = {tag.name.lower() for tag in existing}
        return existing + [name for name in new_names if name.lower() not in existing_names]

    def has_changed(self, initial, data):
        initial_keys = {str(key) for key in (self.prepare_value(initial) or [])}
        return initial_keys != {str(key) for key in (data or [])}


class TagAutocompleteAdminMixin:
    """Use the tag autocomplete for every TaggableManager on a ModelAdmin."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            return TagAutocompleteField(model_field=db_field, admin_site=self.admin_site)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
