"""The rich-text editor of the admin with the writing tools: spellcheck, a word count and
reading time beside the text, and full-screen writing (static/richtext/writing-tools.js).

Every RichTextField gets them (the article's body, the artist's bio): the field's form field
picks this widget where the admin would pick django-prose-editor's."""

from django.contrib.admin.widgets import AdminTextareaWidget
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media


class RichTextAdminWidget(AdminProseEditorWidget):
    @property
    def media(self):
        # A classic script, so that it listens before the editor's modules (deferred) announce
        # their editors with "prose-editor:ready".
        return super().media + Media(
            css={"all": ["richtext/writing-tools.css"]},
            js=["richtext/writing-tools.js"],
        )


class RichTextFormField(ProseEditorFormField):
    def __init__(self, *args, **kwargs):
        # The admin asks for its textarea (formfield_overrides of TextField), as a class or an
        # instance; django-prose-editor would answer with its admin widget, ours adds the tools.
        widget = kwargs.get("widget")
        widget_class = widget if isinstance(widget, type) else type(widget)
        if widget is not None and issubclass(widget_class, AdminTextareaWidget):
            kwargs["widget"] = RichTextAdminWidget
        super().__init__(*args, **kwargs)
