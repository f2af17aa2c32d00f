"""The article form in groups (the editors' desk, issue 16): Content, Figures, Publishing,
Related, Search engines, Record, shown as tabs by static/articles/desk-groups.js.

ArticleAdmin keeps its fieldsets and inlines; this mixin only says which group each belongs
to: a class `desk-group-<key>` on each fieldset, and the inline prefixes on each tab. Without
the script every group shows, one after the other, as before.
"""

from django import forms

# The groups in order: key, tab label, the inlines (formset prefixes) it holds.
DESK_GROUPS = [
    ("content", "Content", ["article_authors"]),
    ("figures", "Figures", ["figures"]),
    ("publishing", "Publishing", []),
    ("related", "Related", ["links", "related_links", "shown_block", "featuring_decisions"]),
    ("search", "Search engines", []),
    ("record", "Record", []),
]
# Fieldsets by title; one that is not listed joins Content, the tab that opens first.
FIELDSET_GROUPS = {
    None: "content",
    "Publication": "publishing",
    "Publishing": "publishing",
    "Series": "content",
    "Related": "related",
    "Search engines": "search",
    "Record": "record",
}
# Where an inline of another app that is not listed goes.
OTHER_INLINES = "related"

DESK_GROUPS_MEDIA = forms.Media(
    css={"all": ["articles/desk-groups.css"]}, js=["articles/desk-groups.js"]
)


class DeskGroupsAdminMixin:
    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "classes": [*options.get("classes", []), _group_class(name)]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        context["desk_groups"] = [
            {"key": key, "label": label, "inlines": " ".join(inlines)}
            for key, label, inlines in DESK_GROUPS
        ]
        context["desk_other_inlines"] = OTHER_INLINES
        return super().render_change_form(request, context, *args, **kwargs)

    @property
    def media(self):
        return super().media + DESK_GROUPS_MEDIA


def _group_class(fieldset_name) -> str:
    return f"desk-group-{FIELDSET_GROUPS.get(fieldset_name, 'content')}"
