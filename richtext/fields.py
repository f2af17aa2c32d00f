"""A model field for rich text: edited with django-prose-editor, sanitized on every save."""

from django.db import models
from django_prose_editor.fields import ProseEditorField

from richtext.sanitize import sanitize_body_html, sanitize_html, sanitize_url
from richtext.widgets import RichTextFormField

# What the editor offers; the server's allow-list in richtext.sanitize is what is enforced.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
    # The browser's spellcheck, which django-prose-editor switches off unless told otherwise.
    "NoSpellCheck": False,
    # Full-screen writing: a menu button, F11, and Esc to leave (static/richtext/ adds a
    # labelled button beside the word count).
    "Fullscreen": True,
}


class RichTextField(ProseEditorField):
    """HTML text that is cleaned against the allow-list whenever the row is saved.

    Sanitizing in pre_save (not only in forms) means the admin, imports, the shell and
    fixtures all store the same safe HTML, so templates may render it with |safe.

    `figures=True` (the article's body, nowhere else) lets the text hold figure nodes
    (richtext/figures.py), checked and rewritten by the sanitizer like everything else.
    """

    def __init__(self, *args, figures: bool = False, **kwargs):
        self.figures = figures
        self.sanitize = sanitize_body_html if figures else sanitize_html
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", self.sanitize)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        cleaned = self.sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, cleaned)
        return cleaned

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("extensions", None)
        kwargs.pop("sanitize", None)
        # Not a column's property: what the sanitizer allows is the field's code, as the
        # allow-list is, so migrations leave it out.
        return name, "richtext.fields.RichTextField", args, kwargs


class SafeURLField(models.URLField):
    """A URL that templates may put in an href: cleared on save when its scheme is not http,
    https or mailto. Forms already refuse such addresses; this covers imports, the shell and
    fixtures, as RichTextField does for HTML."""

    def pre_save(self, model_instance, add):
        cleaned = sanitize_url(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, cleaned)
        return cleaned
