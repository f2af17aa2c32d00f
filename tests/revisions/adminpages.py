"""Driving the admin's revision pages in tests: their addresses, an object's versions, and
posting a change form back as a browser would (the data of the form a GET rendered: fields,
inlines and their management forms, ready to change a value and post)."""

from django import forms
from django.urls import reverse
from reversion.models import Version

from tests.adminforms import form_errors


def form_data(response) -> dict:
    """Everything a browser would post from the change form (or revision form) in `response`,
    uploads aside."""
    assert response.status_code == 200, f"expected a form, got {response.status_code}"
    data = _form(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form(formset.management_form))
        for form in formset.forms:
            data.update(_form(form))
    return data


def _form(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        key, widget, value = form.add_prefix(name), field.widget, form[name].value()
        if isinstance(widget, forms.FileInput):
            continue
        if isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, (part_widget, part) in enumerate(zip(widget.widgets, parts, strict=True)):
                data[f"{key}_{index}"] = part_widget.format_value(part) or ""
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif getattr(widget, "allow_multiple_selected", False) or isinstance(value, list | tuple):
            data[key] = [str(item) for item in value or ()]  # an empty list posts nothing
        else:
            data[key] = "" if value is None else str(value)
    return data


def admin_save(client, url: str, **changes) -> dict:
    """Open the change form at `url`, change the given fields, and save it; returns the data
    posted. A value of None leaves the field out, as an empty multiple choice is."""
    data = form_data(client.get(url))
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return data


def admin_url(obj, view: str = "change", *args) -> str:
    """An admin URL of the object's model: change, history, compare, revision, recover..."""
    opts = obj._meta
    object_args = () if view in {"changelist", "recoverlist", "recover"} else (obj.pk,)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=(*object_args, *args))


def versions_of(obj) -> list[Version]:
    """The object's versions, oldest first."""
    return list(Version.objects.get_for_object(obj).order_by("pk"))
