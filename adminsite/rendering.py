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

import hashlib
import html
from pathlib import Path

import django.contrib.admin
import django.forms
from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.templatetags.static import static
from django.utils.html import conditional_escape, strip_spaces_between_tags
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

DJANGO_FORMS_TEMPLATES = Path(django.forms.__file__).parent / "templates"
DJANGO_ADMIN_TEMPLATES = Path(django.contrib.admin.__file__).parent / "templates"

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

# The admin's picker of a related object with its add, change, delete and view links (some 25
# on an article's change page): a longer template, known by the sha256 of Django 6.1's text.
WRAPPER = "admin/widgets/related_widget_wrapper.html"
DIGESTS = {WRAPPER: "6b7096bee4ed6fa85171fe7e82ca91ba1109175f293a6c2e46325eac37ad2f26"}
HOMES = {WRAPPER: DJANGO_ADMIN_TEMPLATES}
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
    # The common cases first (most attributes): text, escaped; a whole number, its digits.
    kind = type(value)
    if kind is str:
        return html.escape(value)
    if kind is int:
        return str(value)
    try:
        text = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        text = ""
    # A safe value stays safe (stringformat is a filter with is_safe=True): the text of
    # something that was safe already, never a value of anyone's typing made safe here.
    return _value(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308


def _attrs(attrs: dict) -> str:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        shown = html.escape(name) if type(name) is str else _value(name)
        parts.append(f" {shown}" if value is True else f' {shown}="{_formatted(value)}"')
    return "".join(parts)


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


def _link(context: dict, kind: str, attributes: list[str], title: str, *, at: int = 8) -> str:
    """One link of related_widget_wrapper.html as its text is before {% spaceless %}: the
    tag's attributes a line each (indented as in the template), then its icon."""
    lines = [
        f'<a class="related-widget-wrapper-link {kind}-related" id="{kind}_id_'
        f'{_value(context["name"])}"',
        *attributes,
        # {% blocktranslate %}: the message's translation, the model's name escaped into it.
        f'title="{gettext(title) % {"model": _value(context["model"])}}">',
    ]
    icon = conditional_escape(static(f"admin/img/icon-{kind}link.svg"))
    indent = " " * at
    inside = " " * (at + 4 if at == 8 else at + 3)  # the template's own indentation
    return (
        f"\n{indent}" + f"\n{inside}".join(lines) + f'\n            <img src="{icon}" alt="" '
        f'width="24" height="24">\n{indent}</a>\n        '
    )


def _related_wrapper(context: dict) -> str | None:
    limited = context["model_has_limit_choices_to"]
    if callable(limited):
        return None  # the engine calls it, with its own rules: let it
    links = ["\n        "]
    if not context["is_hidden"]:
        links.append("\n        ")
        params = _value(context["url_params"])
        popup = 'data-popup="yes"'
        if context["can_change_related"]:
            to = _value(context["change_related_template_url"])
            attributes = [f'data-href-template="{to}?{params}"', popup]
            links.append(_link(context, "change", attributes, "Change selected %(model)s"))
        links.append("\n        ")
        if context["can_add_related"]:
            attributes = [popup, f'href="{_value(context["add_related_url"])}?{params}"']
            links.append(_link(context, "add", attributes, "Add another %(model)s"))
        links.append("\n        ")
        if context["can_delete_related"]:
            to = _value(context["delete_related_template_url"])
            attributes = [f'data-href-template="{to}?{params}"', popup]
            links.append(_link(context, "delete", attributes, "Delete selected %(model)s"))
        links.append("\n        ")
        if context["can_view_related"]:
            to = _value(context["change_related_template_url"])
            viewed = _value(context["view_related_url_params"])
            attributes = [f'data-href-template="{to}?{viewed}"']
            links.append(_link(context, "view", attributes, "View selected %(model)s", at=10))
        links.append("\n        ")
    links.append("\n        ")
    # {% spaceless %}: what Django's SpacelessNode does with the text inside it.
    spaceless = strip_spaces_between_tags("".join(links).strip())
    ref = "" if limited else f'data-model-ref="{_value(context["model_name"])}"'
    return (
        f'\n<div class="related-widget-wrapper" {ref}>\n    {_value(context["rendered_widget"])}'
        f"\n    \n        {spaceless}\n    \n</div>\n"
    )


def _no_errors(context: dict) -> str | None:
    return "" if not context["errors"] else None


WRITERS = {
    **dict.fromkeys(INPUT_WIDGETS, lambda context: _input(context["widget"]) + "\n"),
    INPUT: lambda context: _input(context["widget"]),
    SELECT: lambda context: _select(context["widget"]),
    ERRORS: _no_errors,
    ERRORS_DEFAULT: _no_errors,
    LABEL: _label,
    WRAPPER: _related_wrapper,
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
        if path != HOMES.get(name, DJANGO_FORMS_TEMPLATES) / name:
            return False
        if name in DIGESTS:
            return hashlib.sha256(path.read_bytes()).hexdigest() == DIGESTS[name]
        return path.read_text(encoding="utf-8") == SOURCES[name]

    def render(self, template_name, context, request=None):
        write = self.writers().get(template_name)
        written = write(context) if write is not None else None
        if written is None:
            return super().render(template_name, context, request)
        return written.strip()
