"""The action checkbox of each row of a list, written without a widget each: the same text
as Django's (adminsite/row_checkbox.py)."""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin import ModelAdmin

from adminsite.row_checkbox import RowCheckboxAdmin
from artists.models import Artist

HOSTILE = "\"><script>alert('x')</script> O'Keeffe & <b>; DROP TABLE artists_artist; --"


class Row:
    def __init__(self, pk, name):
        self.pk = pk
        self.name = name

    def __str__(self):
        return self.name


def _admin():
    return admin.site.get_model_admin(Artist)


def test_every_registered_admin_writes_its_checkboxes_so():
    for model_admin in admin.site._registry.values():
        assert isinstance(model_admin, RowCheckboxAdmin), model_admin


@pytest.mark.parametrize(
    "row",
    [
        Row(7, "Ada Lovelace"),
        Row(12, HOSTILE),
        Row("a/b?<c>&'\"", HOSTILE),
        Row(3, "ünïcödé 現代美術 🎨"),
        Row(4, ""),
    ],
    ids=repr,
)
def test_a_checkbox_is_djangos(monkeypatch, row):
    rendered = []
    render = forms.CheckboxInput.render
    monkeypatch.setattr(
        forms.CheckboxInput, "render", lambda *a, **k: rendered.append(a) or render(*a, **k)
    )
    model_admin = _admin()

    ours = model_admin.action_checkbox(row)
    assert rendered == []  # no widget
    djangos = ModelAdmin.action_checkbox(model_admin, row)

    assert ours == djangos
    assert "<script>" not in ours
    assert str(ours).startswith('<input type="checkbox" name="_selected_action" value="')


def test_a_key_with_no_value_to_write_is_left_to_django(monkeypatch):
    model_admin = _admin()
    row = Row("", HOSTILE)

    assert model_admin.action_checkbox(row) == ModelAdmin.action_checkbox(model_admin, row)


def test_another_renderer_renders_it_as_django(settings, monkeypatch):
    settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
    calls = []
    original = ModelAdmin.action_checkbox
    monkeypatch.setattr(
        ModelAdmin, "action_checkbox", lambda self, obj: calls.append(obj) or original(self, obj)
    )
    row = Row(5, HOSTILE)

    rendered = _admin().action_checkbox(row)

    assert calls == [row]
    assert rendered == original(_admin(), row)
