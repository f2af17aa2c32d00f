"""What a working copy changes, field by field: the object as saved now against the copy.

Django's own `changed_data` decides what differs (the form bound to the copy, its initial
values from the saved object), so a field differs here exactly when saving the copy would
change it. Values are shown as an editor reads them: names rather than keys, text rather than
HTML."""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.choices import flatten_choices
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator

EMPTY = "(empty)"
LONGEST = 240  # characters of a value shown; the form below holds the whole of it


@dataclass(frozen=True)
class Difference:
    field: str
    saved: str
    unsaved: str


def _text(value) -> str:
    if value is None or value == "" or value == [] or value == ():
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "j M Y, H:i")
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ", ".join(_text(item) for item in value) or EMPTY
    text = " ".join(strip_tags(str(value)).split())
    return Truncator(text).chars(LONGEST) or EMPTY


def _label_of(field: forms.Field, value):
    """A choice's label rather than its stored value ("Published", not "published")."""
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in flatten_choices(field.choices)}
        return labels.get(str(value), value) if value not in (None, "") else value
    return value


def _saved(field: forms.Field, initial) -> str:
    """The saved value as its field shows it: a key becomes the row it names."""
    initial = _label_of(field, initial)
    if isinstance(field, forms.ModelChoiceField):
        try:
            return _text(field.clean(field.prepare_value(initial)))
        except ValidationError:
            pass
    return _text(initial)


def _unsaved(form: forms.BaseForm, name: str) -> str:
    """The copy's value, cleaned when it is valid, as typed when it is not."""
    field = form.fields[name]
    if name in getattr(form, "cleaned_data", {}) and name not in form.errors:
        return _text(_label_of(field, form.cleaned_data[name]))
    raw = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    if isinstance(field, forms.ModelChoiceField):
        try:
            return _text(field.clean(raw))
        except ValidationError:
            pass
    return _text(_label_of(field, raw))


def _label(form: forms.BaseForm, name: str) -> str:
    label = form.fields[name].label or name.replace("_", " ")
    return str(label)[:1].upper() + str(label)[1:]


def form_differences(form: forms.BaseForm, prefix: str = "") -> list[Difference]:
    form.is_valid()  # fills cleaned_data of the valid fields
    return [
        Difference(
            f"{prefix}{_label(form, name)}",
            _saved(form.fields[name], form.get_initial_for_field(form.fields[name], name)),
            _unsaved(form, name),
        )
        for name in form.changed_data
        if name not in ("DELETE", "id")
        and not isinstance(form.fields[name].widget, forms.HiddenInput)
    ]


def formset_differences(formset) -> list[Difference]:
    formset.is_valid()
    found = []
    name = str(formset.model._meta.verbose_name)
    for number, form in enumerate(formset.forms, start=1):
        row = f"{name[:1].upper()}{name[1:]} {number}"
        is_new = form.instance.pk is None or number > formset.initial_form_count()
        if "DELETE" in form.fields and form["DELETE"].data:
            if not is_new:
                found.append(Difference(row, str(form.instance), "removed"))
            continue
        if not form.has_changed():
            continue
        if is_new:
            found.append(Difference(row, "(not there)", "added"))
        found.extend(form_differences(form, prefix=f"{row}: "))
    return found
