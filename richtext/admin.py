"""Rich text in the admin's read-only views (a moderator reading an article, a contributor
looking at a published article they may not change): shown as the page shows it, sanitised
HTML, not as its escaped source ("&lt;p&gt;...").

Django shows a read-only model field through display_for_field, which escapes every string.
Where the whole form is read only, each rich-text field is shown instead by a callable that
sanitises the stored HTML again and marks it safe: the field's name, label and help text stay
(the callable is named after the field). The admin site mixes this into every model admin
(adminsite/sites.py), so every RichTextField gets it."""

from functools import cache

from django.contrib import admin
from django.utils.safestring import mark_safe

from richtext.fields import RichTextField


@cache
def rendered(model, name: str):
    """The read-only display of `model`'s rich-text field `name` (one function per field, so
    that the fieldsets and the read-only fields name the same one)."""
    field = model._meta.get_field(name)

    @admin.display(description=field.verbose_name.capitalize())
    def show(obj):
        html = getattr(obj, name)
        # Marked safe so that the body reads as formatted text, not its source. What is marked
        # is always the field's sanitiser's output (nh3's allow-list: no script, handler,
        # javascript: address or frame; figure nodes are empty elements with plain-text
        # attributes), even though RichTextField already sanitises on save: a row written
        # around the field (update(), raw SQL, an old dump) is shown harmless too.
        # tests/richtext/test_admin_read_only.py puts hostile HTML there.
        return mark_safe(field.sanitize(html)) if html else "-"  # noqa: S308

    show.__name__ = show.__qualname__ = name  # the help text and CSS class of the field
    return show


def rich_text_names(model) -> set[str]:
    return {f.name for f in model._meta.get_fields() if isinstance(f, RichTextField)}


class RichTextReadOnlyAdmin:
    """Mixed in before a model admin class."""

    def _shows_read_only(self, request, obj) -> bool:
        return obj is not None and not self.has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        names = rich_text_names(self.model)
        if not names or not self._shows_read_only(request, obj):
            return fieldsets

        def swap(item):
            if isinstance(item, list | tuple):
                return type(item)(swap(each) for each in item)
            return rendered(self.model, item) if item in names else item

        # Without declared fieldsets, Django lists the form's fields and then the read-only
        # ones, which name the rendered fields a second time.
        shown = set()

        def once(fields):
            kept = []
            for item in map(swap, fields):
                if callable(item):
                    if item in shown:
                        continue
                    shown.add(item)
                kept.append(item)
            return kept

        return [
            (title, {**options, "fields": once(options["fields"])}) for title, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not self._shows_read_only(request, obj):
            return readonly
        # Named here too, so that the form leaves them out (they are no form fields).
        return [*readonly, *(rendered(self.model, name) for name in rich_text_names(self.model))]
