"""The action checkbox of each row of a change list, written as Django's widget writes it.

Django builds a CheckboxInput for every row of a list (some 100 a page) and renders it through
the form renderer. When that renderer is ours and writes Django's checkbox template in Python
(rendering.py: only while the template is Django's own), the same text is written here, with
the same escaping, without the widget; otherwise, or for a key the widget would write without
a value, Django's own method renders it. tests/adminsite/test_row_checkbox.py holds the two to
each other, hostile names included.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.forms.renderers import get_default_renderer
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from adminsite.rendering import _formatted, _value

CHECKBOX = "django/forms/widgets/checkbox.html"


class RowCheckboxAdmin:
    """Mixed in before a model admin class (by the site, sites.py)."""

    def action_checkbox(self, obj):
        renderer = get_default_renderer()
        writers = getattr(renderer, "writers", None)
        value = str(obj.pk)
        if writers is None or CHECKBOX not in writers() or value == "":
            return super().action_checkbox(obj)
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        # Each value escaped as the widget's template escapes it (the label was built
        # escaped by format_html, and stays as it is): the widget's own text.
        return mark_safe(  # noqa: S308
            f'<input type="checkbox" name="{_value(ACTION_CHECKBOX_NAME)}" '
            f'value="{_formatted(value)}" class="action-select" aria-label="{_formatted(label)}">'
        )
