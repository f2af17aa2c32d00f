"""The rich-text editor of the admin: what it is told to offer (spellcheck, full screen) and
the writing tools' files it brings, for every RichTextField."""

import json

from django.contrib import admin

from articles.models import Article
from artists.models import Artist
from richtext.widgets import RichTextAdminWidget


def admin_widget(model, name):
    field = model._meta.get_field(name)
    return admin.site._registry[model].formfield_for_dbfield(field, request=None).widget


def editor_config(widget) -> dict:
    attrs = widget.get_context("body", "", {})["widget"]["attrs"]
    return json.loads(attrs["data-django-prose-editor-configurable"])


def test_every_rich_text_field_gets_the_writing_tools():
    """The article's body and the artist's bio both use the widget with the writing tools."""
    for model, name in [(Article, "body"), (Artist, "bio")]:
        widget = admin_widget(model, name)

        assert isinstance(widget, RichTextAdminWidget)
        assert "richtext/writing-tools.js" in str(widget.media)
        assert "richtext/writing-tools.css" in str(widget.media)


def test_the_editor_keeps_spellcheck_and_offers_full_screen():
    """django-prose-editor turns the browser's spellcheck off unless told not to."""
    extensions = editor_config(admin_widget(Article, "body"))["extensions"]

    assert "NoSpellCheck" not in extensions
    assert "Fullscreen" in extensions
