"""Django's admin/includes/fieldset.html written in Python, the same HTML.

Every fieldset of a change form, and of each row of a stacked inline (an article's figures),
goes through that template: a loop over its lines and fields with a dozen lookups and tests a
field, each through the engine's variable resolution (a subscript tried and its exception
caught, then the attribute). That was the largest share of the article change page's time
after the widgets themselves. templates/admin/includes/fieldset.html calls {% fieldset %}
(adminsite/templatetags/admin_written.py), which writes here what Django's template would
write, character for character, with the engine's rules for each value (escaped unless safe,
numbers localised, `|safe` as str() made safe), and has the engine render Django's own template
instead when anything differs from what this was written against: Django's file (a Django
upgrade), the engine's options (autoescape off, a `string_if_invalid`), or the objects (the
admin's own Fieldset and InlineFieldset, Fieldline, AdminField and AdminReadonlyField, not
subclasses that may change what they say). tests/adminsite/test_fieldsets.py renders the cases
both ways, hostile values included.
"""

import hashlib
from pathlib import Path

import django.contrib.admin
from django.contrib.admin import helpers
from django.utils.safestring import mark_safe

from adminsite.rendering import _value


class Written:
    """A template of Django's that a module here writes in Python: its file, and the sha256
    of the text that module was written against."""

    def __init__(self, path: Path, sha256: str):
        self.path = path
        self.sha256 = sha256
        self._same = None
        self._compiled = {}

    def writable(self, context) -> bool:
        """Whether Python may write it for this context: Django's file is the one written
        against, and the engine escapes and shows a missing value as nothing."""
        if self._same is None:
            self._same = hashlib.sha256(self.path.read_bytes()).hexdigest() == self.sha256
        engine = context.template.engine if context.template is not None else None
        return (
            self._same
            and context.autoescape
            and engine is not None
            and engine.string_if_invalid == ""
        )

    def render(self, context) -> str:
        """What the engine makes of Django's own file (compiled once per engine)."""
        engine = context.template.engine
        if engine not in self._compiled:
            self._compiled[engine] = engine.from_string(self.path.read_text(encoding="utf-8"))
        return self._compiled[engine].render(context)


DJANGO_FIELDSET = (
    Path(django.contrib.admin.__file__).parent / "templates/admin/includes/fieldset.html"
)
# The sha256 of the file written against: Django 6.1's admin/includes/fieldset.html.
FIELDSET = Written(
    DJANGO_FIELDSET, "cdcfa96ca6b4672d417f204f48aee1a176bfcf35891f187b7599246162a6f594"
)


# What an empty ErrorList renders to (django/forms/errors/list/ul.html: nothing), as
# Fieldline.errors() and AdminField.errors() give it: marked safe (the empty string: no input).
NO_ERRORS = mark_safe("")


def _safe(value) -> str:
    """`{{ value|safe }}`: its text, marked safe (the template's author said it is: help
    texts and descriptions are written by the site's code, never by its users)."""
    return mark_safe(str(value))  # noqa: S308 (what Django's |safe does, no more)


def _shown(value) -> str:
    """`{{ value }}` of a lookup: nothing for a missing one (string_if_invalid is "")."""
    return "" if value is None else _value(value)


def attribute(field, name):
    """`field.field.<name>` as the engine looks it up: a key of the read-only field's dict
    (None when missing, as the engine's {% if %} sees it), else the BoundField's attribute."""
    inner = field.field
    if type(inner) is dict:
        return inner.get(name)
    return getattr(inner, name, None)


def write(context) -> str | None:
    """fieldset.html for this context, or None when the engine must render it."""
    fieldset = context.get("fieldset")
    if type(fieldset) not in (helpers.Fieldset, helpers.InlineFieldset):
        return None
    if not FIELDSET.writable(context):
        return None
    lines = list(fieldset)
    rows = [(line, list(line)) for line in lines]
    for line, fields in rows:
        if type(line) is not helpers.Fieldline or any(
            type(field) not in (helpers.AdminField, helpers.AdminReadonlyField) for field in fields
        ):
            return None
    return _write(context, fieldset, rows)


def _write(context, fieldset, rows) -> str:
    name = fieldset.name
    collapsible = name and fieldset.is_collapsible
    heading = context.get("heading_level", "") or 2
    ids = "-".join(_shown(context.get(key)) for key in ("prefix", "id_prefix", "id_suffix"))
    out = [f'<fieldset class="module aligned {_value(fieldset.classes)}"']
    if name:
        out.append(f' aria-labelledby="{ids}-heading"')
    out.append(">\n    ")
    if name:
        out.append("\n        ")
        if collapsible:
            out.append("<details><summary>")
        level = _value(heading)
        out.append(
            f'\n        <h{level} id="{ids}-heading" class="fieldset-heading">'
            f"{_value(name)}</h{level}>\n        "
        )
        if collapsible:
            out.append("</summary>")
        out.append("\n    ")
    out.append("\n    ")
    if fieldset.description:
        out.append(f'\n        <div class="description">{_safe(fieldset.description)}</div>\n    ')
    out.append("\n    ")
    for line, fields in rows:
        _write_line(out, line, fields)
    out.append("\n    ")
    if collapsible:
        out.append("</details>")
    out.append("\n</fieldset>\n")
    return "".join(out)


def _write_line(out: list, line, fields) -> None:
    alone = len(line.fields) == 1
    # A form without errors (one shown anew: unbound) has none to list for any field: what
    # each field's empty ErrorList renders to, without rendering it.
    clean = not line.form.errors
    line_errors = (NO_ERRORS if clean else line.errors()) if alone else None
    out.append('\n        <div class="form-row')
    if not alone:
        out.append(" flex-container form-multiline")
    if not line.has_visible_field:
        out.append(" hidden")
    for field in fields:
        field_name = attribute(field, "name")
        if field_name:
            out.append(f" field-{_value(field_name)}")
    out.append('">\n            ')
    for field in fields:
        out.append("\n                ")
        readonly = field.is_readonly
        in_fieldset = field.is_fieldset if not readonly else False
        help_text = attribute(field, "help_text")
        field_name = attribute(field, "name")
        hidden = attribute(field, "is_hidden")
        if in_fieldset:
            out.append("<fieldset")
            if help_text:
                described = _shown(attribute(field, "id_for_label"))
                out.append(f' aria-describedby="{described}_helptext"')
            out.append(f">{_value(field.label_tag())}")
        errors = (NO_ERRORS if clean else field.errors()) if not readonly else None
        out.append('\n                <div class="flex-container')
        if (not readonly and errors) or (alone and line_errors):
            out.append(" errors")
        if not alone:
            out.append(" fieldBox")
            if field_name:
                out.append(f" field-{_value(field_name)}")
            if hidden:
                out.append(" hidden")
        if field.is_checkbox:
            out.append(" checkbox-row")
        out.append('">\n                    ')
        if field.is_checkbox:
            out.append(
                '\n                        <div class="checkbox">'
                f"\n                        {_value(field.field)}\n                        "
            )
            if not in_fieldset:
                out.append(_value(field.label_tag()))
            out.append("\n                        </div>\n                    ")
        else:
            out.append("\n                        ")
            if not in_fieldset:
                out.append(_value(field.label_tag()))
            out.append("\n                    ")
        out.append("\n                    ")
        if help_text:
            out.append('\n                        <div class="help')
            if hidden:
                out.append(" hidden")
            out.append('"')
            id_for_label = attribute(field, "id_for_label")
            if id_for_label:
                out.append(f' id="{_value(id_for_label)}_helptext"')
            out.append(
                f">\n                            <div>{_safe(help_text)}</div>"
                "\n                        </div>\n                    "
            )
        out.append("\n                    ")
        if alone:
            out.append(_value(line_errors))
        out.append("\n                    ")
        if not alone and not readonly:
            out.append(_value(errors))
        out.append("\n                        ")
        if not field.is_checkbox:
            out.append("\n                        ")
            if readonly:
                out.append(
                    '\n                            <div class="readonly">'
                    f"{_value(field.contents())}</div>\n                        "
                )
            else:
                out.append(
                    f"\n                            {_value(field.field)}\n                        "
                )
            out.append("\n                    ")
        out.append("\n                </div>\n                ")
        if in_fieldset:
            out.append("</fieldset>")
        out.append("\n            ")
    out.append("\n        </div>\n    ")
