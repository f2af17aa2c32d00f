"""Django's admin/edit_inline/tabular.html written in Python, the same HTML.

A tabular inline is a table of a row per object (and an empty row that the admin's script
copies), a cell per field: on an article's change page the byline, the outbound links and the
"You may also like" links, some 150 cells through the engine's loops and lookups. As
adminsite/fieldsets.py does for fieldset.html, templates/admin/edit_inline/tabular.html calls
{% tabular_inline %} (adminsite/templatetags/admin_written.py), which writes here what Django's
template would write, character for character, and has the engine render Django's own template
when anything differs from what this was written against: Django's file, the engine's options,
or the objects (the admin's own InlineAdminFormSet, InlineAdminForm, InlineFieldset, Fieldline,
AdminField and AdminReadonlyField). tests/adminsite/test_tabular.py renders the cases both
ways, hostile values included.
"""

from pathlib import Path

import django.contrib.admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_modify import cell_count
from django.contrib.admin.templatetags.admin_urls import admin_urlname, admin_urlquote
from django.template.defaultfilters import capfirst, striptags, yesno
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.translation import gettext

from adminsite.fieldsets import Written, attribute
from adminsite.rendering import _value

DJANGO_TABULAR = (
    Path(django.contrib.admin.__file__).parent / "templates/admin/edit_inline/tabular.html"
)
# The sha256 of the file written against: Django 6.1's admin/edit_inline/tabular.html.
TABULAR = Written(
    DJANGO_TABULAR, "c86c726f3adcd10d5fdd82c6612977cf5f06338aecd08b4f7ee132b43b5dbbdc"
)

_FIELDS = (helpers.AdminField, helpers.AdminReadonlyField)


def write(context) -> str | None:
    """tabular.html for this context, or None when the engine must render it."""
    inlines = context.get("inline_admin_formset")
    if type(inlines) is not helpers.InlineAdminFormSet or not TABULAR.writable(context):
        return None
    rows = []
    for form in inlines:
        if type(form) is not helpers.InlineAdminForm:
            return None
        fieldsets = []
        for fieldset in form:
            if type(fieldset) is not helpers.InlineFieldset:
                return None
            lines = [list(line) for line in fieldset]
            if any(type(field) not in _FIELDS for fields in lines for field in fields):
                return None
            fieldsets.append(lines)
        rows.append((form, fieldsets))
    return _write(context, inlines, rows)


def _write(context, inlines, rows) -> str:
    formset = inlines.formset
    prefix = _value(formset.prefix)
    outer = context.get("forloop")
    out = [
        f'\n<div class="js-inline-admin-formset inline-group" id="{prefix}-group"\n'
        '     data-inline-type="tabular"\n'
        f'     data-inline-formset="{_value(inlines.inline_formset_data())}">\n'
        '  <div class="tabular inline-related '
    ]
    if isinstance(outer, dict) and outer.get("last"):
        out.append("last-related")
    out.append(
        f'">\n{_value(formset.management_form)}\n'
        f'<fieldset class="module {_value(inlines.classes)}"'
        f' aria-labelledby="{prefix}-heading">\n  '
    )
    collapsible = inlines.is_collapsible
    if collapsible:
        out.append("<details><summary>")
    out.append(f'\n  <h2 id="{prefix}-heading" class="inline-heading">\n  ')
    opts = inlines.opts
    named = opts.verbose_name if formset.max_num == 1 else opts.verbose_name_plural
    out.append(f"\n    {_value(capfirst(named))}\n  ")
    out.append("\n  </h2>\n  ")
    if collapsible:
        out.append("</summary>")
    out.append(
        f"\n   {_value(formset.non_form_errors())}\n"
        '  <div class="wrapper">\n    <table>\n     <thead><tr>\n'
        '       <th class="original"></th>\n     '
    )
    for field in inlines.fields():
        _write_heading(out, field)
    out.append("\n     <th>")
    deletable = formset.can_delete and inlines.has_delete_permission
    if deletable:
        out.append(_value(gettext("Delete?")))
    out.append("</th>\n     </tr></thead>\n\n     <tbody>\n     ")
    for counter0, (form, fieldsets) in enumerate(rows):
        empty = counter0 == len(rows) - 1 and inlines.has_add_permission
        _write_row(out, context, inlines, form, fieldsets, counter0, empty, deletable)
    out.append("\n     </tbody>\n    </table>\n  </div>\n  ")
    if collapsible:
        out.append("</details>")
    out.append("\n</fieldset>\n  </div>\n</div>\n")
    return "".join(out)


def _write_heading(out: list, field: dict) -> None:
    widget = field["widget"]
    hidden = widget.get("is_hidden") if type(widget) is dict else widget.is_hidden
    out.append(f'\n       <th class="column-{_value(field["name"])}')
    if field["required"]:
        out.append(" required")
    if hidden:
        out.append(" hidden")
    out.append(f'">{_value(capfirst(field["label"]))}\n       ')
    help_text = field["help_text"]
    if help_text:
        icon = conditional_escape(static("admin/img/icon-unknown.svg"))
        said = _value(striptags(help_text))
        out.append(
            f'<img src="{icon}" class="help help-tooltip" width="10" height="10" '
            f'alt="({said})" title="{said}">'
        )
    out.append("\n       </th>\n     ")


def _write_row(out, context, inlines, form, fieldsets, counter0, empty, deletable) -> None:
    out.append("\n        ")
    errors = form.form.non_field_errors()
    if errors:
        out.append(
            f'\n        <tr class="row-form-errors"><td colspan="{_value(cell_count(form))}">'
            f"{_value(errors)}</td></tr>\n        "
        )
    out.append('\n        <tr class="form-row ')
    original = form.original
    if original or form.show_url:
        out.append("has_original")
    if empty:
        out.append(" empty-form")
    number = "empty" if empty else _value(counter0)
    out.append(f'"\n             id="{_value(inlines.formset.prefix)}-{number}">\n')
    out.append('        <td class="original">\n          ')
    if original or form.show_url:
        out.append("<p>\n          ")
        if original:
            out.append(f"\n          {_value(original)}\n          ")
            model_admin = form.model_admin
            if model_admin.show_change_link and model_admin.has_registered_model:
                out.append(_change_link(context, inlines, model_admin, original))
            out.append("\n          ")
        out.append("\n          ")
        if form.show_url:
            out.append(
                f'<a href="{_value(form.absolute_url)}">{_value(gettext("View on site"))}</a>'
            )
        out.append("\n            </p>")
    out.append("\n          ")
    if form.needs_explicit_pk_field():
        out.append(_value(form.pk_field().field))
    out.append("\n          ")
    fk = form.fk_field()
    if fk:
        out.append(_value(fk.field))
    out.append("\n        </td>\n        ")
    for lines in fieldsets:
        out.append("\n          ")
        for fields in lines:
            out.append("\n            ")
            for field in fields:
                _write_cell(out, field)
            out.append("\n          ")
        out.append("\n        ")
    out.append('\n        <td class="delete">')
    if deletable and original:
        out.append(_value(form.deletion_field().field))
    out.append("</td>\n        </tr>\n     ")


def _write_cell(out: list, field) -> None:
    out.append('\n              <td class="')
    name = attribute(field, "name")
    if name:
        out.append(f"field-{_value(name)}")
    if attribute(field, "is_hidden"):
        out.append(" hidden")
    out.append('">\n              ')
    if field.is_readonly:
        out.append(f"\n                  <p>{_value(field.contents())}</p>\n              ")
    else:
        # A form without errors (one shown anew) has none to list: an empty ErrorList's "".
        bound = field.field
        errors = "" if not bound.form.errors else _value(bound.errors.as_ul())
        out.append(
            f"\n                  {errors}\n                  {_value(bound)}\n              "
        )
    out.append("\n              </td>\n            ")


def _change_link(context, inlines, model_admin, original) -> str:
    """The row's link to its own change page, as {% url %} and the template write it."""
    request = getattr(context, "request", None)
    if hasattr(request, "current_app"):
        current_app = request.current_app
    else:
        current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
    url = reverse(
        admin_urlname(model_admin.opts, "change"),
        args=[admin_urlquote(original.pk)],
        current_app=current_app,
    )
    changing = inlines.has_change_permission
    kind = _value(yesno(changing, "inlinechangelink,inlineviewlink"))
    said = _value(gettext("Change") if changing else gettext("View"))
    return f'<a href="{conditional_escape(url)}" class="{kind}">{said}</a>'
