"""Which fields hold plain text, and the one way they are cleaned before they are stored.

A content model inherits `CleanTextModel`; `PlaintextConfig.ready()` connects the same cleaning
to every save of those models (pre_save: the admin, the shell, fixtures, revisions restored
raw) and of taggit's `Tag`, which cannot take our base. Cleaning again in `clean_fields()`
means a form validates what will be stored: a title of nothing but control characters is
"This field cannot be blank.", a section name that differs from another only by a pasted
control character is a duplicate. `update()` and `bulk_create()` save nothing: whoever writes
with them cleans first (imports/tate/parsing.py), and the feeds strip at output what XML cannot
carry.
"""

from functools import cache

from django.db import models
from django_prose_editor.fields import ProseEditorField

from plaintext.text import clean_text


@cache
def plain_text_fields(model) -> tuple[str, ...]:
    """The attribute names of `model`'s plain-text fields (also of a migration's historical
    model): its character and text fields, except rich text (HTML, which richtext.sanitize
    cleans), slugs (an address, which its validators and the slug helpers keep valid) and fields
    with choices (codes, not text)."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, ProseEditorField | models.SlugField)
        and not field.choices
    )


def clean_text_fields(instance) -> None:
    """Cleans every plain-text field of `instance` in place (plaintext.text.clean_text)."""
    for name in plain_text_fields(type(instance)):
        value = getattr(instance, name)
        if isinstance(value, str):
            setattr(instance, name, clean_text(value))


def clean_before_save(sender, instance, **kwargs):
    """pre_save receiver of every CleanTextModel and of taggit's Tag (plaintext/apps.py)."""
    clean_text_fields(instance)


class CleanTextModel(models.Model):
    """A model whose plain-text fields are cleaned before they are validated and before every
    save. No fields of its own: inheriting it needs no migration."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        clean_text_fields(self)
        super().clean_fields(exclude=exclude)
