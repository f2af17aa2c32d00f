"""Editor extensions of our own, for the setting DJANGO_PROSE_EDITOR_EXTENSIONS:
django-prose-editor's "configurable" preset loads their modules where a field's editor names
them. The figure in an article's body, which the article admin gives the body's editor
(articles/admin_body_figures.py). What is stored is decided by richtext.sanitize, not by this
list."""

from django_prose_editor.config import html_tags
from js_asset import static_lazy

from richtext.figures import ATTRIBUTES as FIGURE_ATTRIBUTES

EXTENSIONS = [
    {
        "js": [static_lazy("articles/body-figure.js")],
        "extensions": {"BodyFigure": html_tags(["figure"], {"figure": list(FIGURE_ATTRIBUTES)})},
    }
]
