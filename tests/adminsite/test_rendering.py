"""Widgets rendered in Python (adminsite/rendering.py) are what Django's templates render,
character for character, whatever their values: hostile text, safe text, numbers, dates, None,
tuples, lazy strings, true and false attributes, option groups."""

import datetime
import decimal
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from hypothesis import given
from hypothesis import strategies as st

from adminsite import rendering
from tests.querybudgets import article_with_everything

DJANGO = DjangoTemplates()
OURS = rendering.WidgetRenderer()

HOSTILE = [
    '"><script>alert(1)</script>',
    "' onmouseover='x",
    "&amp; &lt; <b>",
    "",
    " ",
    "ünïcödé 現代美術 🎨",
    "a\nb\tc",
]
VALUES = [
    *HOSTILE,
    mark_safe("<b>safe</b>"),
    None,
    0,
    1,
    -3,
    2.5,
    decimal.Decimal("1.10"),
    True,
    False,
    ("a", "<b>"),
    ["x", "<y>"],
    datetime.date(2026, 12, 4),
    datetime.datetime(2026, 12, 4, 10, 30, tzinfo=datetime.UTC),
    lazy(lambda: "<lazy>", str)(),
]
INPUTS = [
    forms.TextInput,
    forms.HiddenInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.PasswordInput,
    forms.SearchInput,
]


def both(widget, name, value, attrs=None) -> tuple[str, str]:
    return (
        widget.render(name, value, attrs, renderer=DJANGO),
        widget.render(name, value, attrs, renderer=OURS),
    )


def test_every_template_it_writes_is_taken_over():
    """Django's sources are the ones written against: nothing falls back unnoticed."""
    assert set(OURS.writers()) == set(rendering.WRITERS)


@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize("widget_class", INPUTS)
def test_inputs(widget_class, value):
    attrs = {"class": "<c>", "required": True, "disabled": False, "data-x": value, "maxlength": 5}
    django_html, ours = both(widget_class(attrs=attrs), '<name">', value)
    assert ours == django_html


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_checkbox(value):
    django_html, ours = both(forms.CheckboxInput(attrs={"aria-label": value}), "tick", value)
    assert ours == django_html


# A list or tuple as a label is a group of choices, not a label.
LABELS = [value for value in VALUES if not isinstance(value, list | tuple)]


@pytest.mark.parametrize("label", LABELS, ids=repr)
def test_selects(label):
    choices = [
        ("", "---------"),
        (1, label),
        ("<v>", "plain"),
        (label if isinstance(label, str) else "group", [(2, label), (3, "three")]),
    ]
    for widget in (forms.Select(choices=choices), forms.SelectMultiple(choices=choices)):
        for value in (None, "", 1, "<v>", [1, 2], "2"):
            django_html, ours = both(widget, "pick", value, {"id": "id_<pick>"})
            assert ours == django_html


def test_a_select_of_another_option_template_is_left_to_the_engine():
    class Fancy(forms.Select):
        option_template_name = "django/forms/widgets/radio_option.html"

    django_html, ours = both(Fancy(choices=[(1, "one")]), "pick", 1)
    assert ours == django_html


@given(st.text(), st.text(), st.text())
def test_any_text(name, value, label):
    django_html, ours = both(forms.TextInput(attrs={"title": label}), name, value)
    assert ours == django_html
    select = forms.Select(choices=[(value, label), (label, [(name, value)])])
    django_html, ours = both(select, name, value)
    assert ours == django_html


def test_error_lists():
    for errors in (ErrorList([]), ErrorList(["<b>bad</b>", "worse"], field_id="id_x")):
        assert errors.render(renderer=OURS) == errors.render(renderer=DJANGO)
        assert errors.render(errors.template_name_ul, renderer=OURS) == errors.render(
            errors.template_name_ul, renderer=DJANGO
        )


@pytest.mark.django_db
def test_an_admin_page_is_the_same_with_either_renderer(admin_client, settings):
    article = article_with_everything(tags=["<photography>"])
    url = reverse("admin:articles_article_change", args=[article.pk])
    pages = []
    for renderer in (
        "django.forms.renderers.DjangoTemplates",
        "adminsite.rendering.WidgetRenderer",
    ):
        settings.FORM_RENDERER = renderer  # the setting's signal clears the cached renderer
        html = admin_client.get(url).content.decode()
        html = re.sub(r"/preview/[^/]+/", "/preview/-/", html)
        for name in ("csrfmiddlewaretoken", "_working_copy_key"):
            html = re.sub(rf'name="{name}" value="[^"]+"', "", html)
        pages.append(re.sub(r'nonce="[^"]+"', "", html))
    assert pages[0] == pages[1]


@pytest.mark.parametrize(
    "label", [*HOSTILE, None, mark_safe("<b>safe</b>"), lazy(lambda: "<lazy>", str)()], ids=repr
)
def test_labels(label):
    """BoundField.label_tag(): with and without an id, a suffix, attributes and a legend."""

    class Form(forms.Form):
        named = forms.CharField(label=label, required=True)
        plain = forms.CharField(label=label, required=False)

    for auto_id in ("id_%s", False):
        django_form = Form(auto_id=auto_id, renderer=DJANGO)
        our_form = Form(auto_id=auto_id, renderer=OURS)
        django_form.required_css_class = our_form.required_css_class = '<req">'
        for name in ("named", "plain"):
            for kwargs in (
                {},
                {"attrs": {"class": "<c>", "title": label, "data-on": True, "data-off": False}},
                {"contents": mark_safe("<b>x</b>"), "label_suffix": ' <:">'},
                {"tag": "legend"},
            ):
                ours = our_form[name].label_tag(**kwargs)
                assert ours == django_form[name].label_tag(**kwargs)


@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("limited", [None, {"order__gte": 0}, lambda: {"order__gte": 0}])
def test_related_widget_wrappers(monkeypatch, hidden, limited):
    """The admin's picker with its links, every combination, a hostile model name and field
    name: the same as admin/widgets/related_widget_wrapper.html renders."""
    from django.contrib import admin  # noqa: PLC0415
    from django.contrib.admin.widgets import RelatedFieldWidgetWrapper  # noqa: PLC0415

    from articles.models import Article, Section  # noqa: PLC0415

    rel = Article._meta.get_field("section").remote_field
    monkeypatch.setattr(Section._meta, "verbose_name", '<sec"tion> & %(model)s')
    monkeypatch.setattr(rel, "limit_choices_to", limited)
    inner = forms.HiddenInput() if hidden else forms.Select(choices=[(1, "<one>")])
    for bits in range(16):
        wrapper = RelatedFieldWidgetWrapper(
            inner,
            rel,
            admin.site,
            can_add_related=bool(bits & 1),
            can_change_related=bool(bits & 2),
            can_delete_related=bool(bits & 4),
            can_view_related=bool(bits & 8),
        )
        django_html, ours = both(wrapper, 'sec"<tion>', 1)
        assert ours == django_html
        assert ("<sec" in ours) is False
