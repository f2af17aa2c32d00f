"""Django's plainest widget templates rendered in Python (FORM_RENDERER, in settings).

An article's change page renders some 200 widgets and 60 labels, and a moderation list with
its editable columns some 600 widgets; each goes through the template engine (a template, an
include for its attributes, a context pushed and popped), which was most of those pages' time.
For the
templates below `WidgetRenderer` writes what the engine would write, character for character,
with the engine's own rules for each value (`render_value_in_context`: localised, escaped
unless safe; `stringformat:'s'` keeps a safe value safe), and leaves every other template, and
any of these overridden by an app, to the engine. A template is taken over only when its
source is the one written here against (django/forms/templates), so a Django upgrade that
changes one falls back to the engine instead of drifting. tests/adminsite/test_rendering.py
renders every case both ways, hostile values included.
"""

import html
from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData, SafeString, mark_safe

DJANGO_FORMS_TEMPLATES = Path(django.forms.__file__).parent / "templates"

INPUT = "django/forms/widgets/input.html"
SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
ERRORS = "django/forms/errors/list/ul.html"
ERRORS_DEFAULT = "django/forms/errors/list/default.html"
ATTRS = "django/forms/widgets/attrs.html"
LABEL = "django/forms/label.html"
LABEL_ATTRS = "django/forms/attrs.html"  # ATTRS for labels: their `attrs`, not a widget's

_INCLUDE_INPUT = '{% include "django/forms/widgets/input.html" %}\n'
# The sources written against: their exact text in Django 6.1.
SOURCES = {
    ATTRS: (
        "{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}"
        "{% if value is not True %}=\"{{ value|stringformat:'s' }}\"{% endif %}{% endif %}"
        "{% endfor %}"
    ),
    INPUT: (
        '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %}'
        " value=\"{{ widget.value|stringformat:'s' }}\"{% endif %}"
        '{% include "django/forms/widgets/attrs.html" %}>\n'
    ),
    SELECT: (
        '<select name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>'
        "{% for group_name, group_choices, group_index in widget.optgroups %}{% if group_name %}"
        '\n  <optgroup label="{{ group_name }}">{% endif %}{% for option in group_choices %}'
        "\n  {% include option.template_name with widget=option %}{% endfor %}"
        "{% if group_name %}\n  </optgroup>{% endif %}{% endfor %}\n</select>\n"
    ),
    OPTION: (
        "<option value=\"{{ widget.value|stringformat:'s' }}\""
        '{% include "django/forms/widgets/attrs.html" %}>{{ widget.label }}</option>\n'
    ),
    ERRORS: (
        '{% if errors %}<ul class="{{ error_class }}"{% if errors.field_id %} '
        'id="{{ errors.field_id }}_error"{% endif %}>{% for error in errors %}<li>{{ error }}'
        "</li>{% endfor %}</ul>{% endif %}"
    ),
    ERRORS_DEFAULT: '{% include "django/forms/errors/list/ul.html" %}',
    LABEL: (
        "{% if use_tag %}<{{ tag }}{% include 'django/forms/attrs.html' %}>{{ label }}</{{ tag }}>"
        "{% else %}{{ label }}{% endif %}\n"
    ),
}
SOURCES[LABEL_ATTRS] = SOURCES[ATTRS].replace("widget.attrs.items", "attrs.items")
# The widgets whose template only includes input.html.
INPUT_WIDGETS = [
    f"django/forms/widgets/{kind}.html"
    for kind in ("text", "hidden", "number", "checkbox", "email", "url", "password", "search")
]
SOURCES.update(dict.fromkeys(INPUT_WIDGETS, _INCLUDE_INPUT))

# What the engine's template context holds for a form renderer: autoescape on, localisation
# and time zones as set (make_context gives every widget template such a context).
_CONTEXT = Context(autoescape=True)


def _value(value) -> str:
    """`{{ value }}`: for text, what render_value_in_context does to it (escape() is
    SafeString(html.escape(text))), without its checks for dates, numbers and lazy text."""
    if type(value) is str:
        return SafeString(html.escape(value))
    if type(value) is SafeString:
        return value
    return render_value_in_context(value, _CONTEXT)


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: str() (a tuple as itself), escaped unless it was safe."""
    try:
        text = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        text = ""
    # A safe value stays safe (stringformat is a filter with is_safe=True): the text of
    # something that was safe already, never a value of anyone's typing made safe here.
    return _value(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {_value(name)}" + ("" if value is True else f'="{_formatted(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = f' value="{_formatted(value)}"' if value != None else ""  # noqa: E711 (as {% if %})
    return (
        f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"{shown}'
        f"{_attrs(widget['attrs'])}>\n"
    )


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_value(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_value(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _label(context: dict) -> str:
    """A field's label (BoundField.label_tag): its tag and attributes when it has an id."""
    label = _value(context["label"])
    if not context["use_tag"]:
        return label
    tag = _value(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


def _no_errors(context: dict) -> str | None:
    return "" if not context["errors"] else None


WRITERS = {
    **dict.fromkeys(INPUT_WIDGETS, lambda context: _input(context["widget"]) + "\n"),
    INPUT: lambda context: _input(context["widget"]),
    SELECT: lambda context: _select(context["widget"]),
    ERRORS: _no_errors,
    ERRORS_DEFAULT: _no_errors,
    LABEL: _label,
}


class WidgetRenderer(DjangoTemplates):
    """Django's default form renderer, with the templates of WRITERS written in Python. The
    renderer of every form (FORM_RENDERER): Django's admin widgets render the widget they wrap
    with the default renderer, whatever their form's."""

    def __init__(self):
        super().__init__()
        self._writers = None

    def writers(self) -> dict:
        if self._writers is None:
            self._writers = {
                name: write for name, write in WRITERS.items() if self._is_djangos(name)
            }
            if not all(self._is_djangos(name) for name in (ATTRS, OPTION, INPUT)):
                self._writers = {}  # the pieces they are made of are someone else's
            if not self._is_djangos(LABEL_ATTRS):
                self._writers.pop(LABEL, None)
        return self._writers

    def _is_djangos(self, name: str) -> bool:
        origin = self.get_template(name).template.origin
        path = Path(origin.name)
        return (
            path == DJANGO_FORMS_TEMPLATES / name
            and path.read_text(encoding="utf-8") == SOURCES[name]
        )

    def render(self, template_name, context, request=None):
        write = self.writers().get(template_name)
        written = write(context) if write is not None else None
        if written is None:
            return super().render(template_name, context, request)
        return written.strip()
