"""Django's fieldset.html and tabular.html written in Python (adminsite/fieldsets.py,
adminsite/tabular.py) are what the engine renders from Django's own files, character for
character: on whole admin pages with hostile text, with errors shown again, and with the
options the project's admins do not use (collapsed, described, read-only, help texts, no
delete, one row at most, fields side by side)."""

import re

import pytest
import time_machine
from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.template import Context, engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from adminsite import fieldsets, tabular
from articles.admin import ArticleAuthorInline, ArticleLinkInline
from articles.models import Section
from recommendations.admin import RelatedLinkInline
from tests.adminforms import article_form_data
from tests.factories import ArticleLinkFactory, AuthorFactory, RelatedLinkFactory
from tests.querybudgets import article_with_everything

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def still_clock():
    """Both renders of a page in the same minute: the preview link's expiry is written to the
    minute (two renders either side of a minute's turn differed: 14:51 and 14:52)."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


HOSTILE = "\"><script>alert(1)</script> & ' %s %% {{ x }}"


def _comparable(html: str) -> str:
    html = re.sub(r"/preview/[^/]+/", "/preview/-/", html)
    for name in ("csrfmiddlewaretoken", "_working_copy_key"):
        html = re.sub(rf'name="{name}" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


class Spy:
    """Counts what each writer wrote, and can turn both off (the engine renders Django's)."""

    def __init__(self, monkeypatch):
        self.written = {"fieldset": 0, "tabular": 0}
        self.on = True
        for name, module in (("fieldset", fieldsets), ("tabular", tabular)):
            monkeypatch.setattr(module, "write", self._spy(name, module.write))

    def _spy(self, name, write):
        def spied(context):
            if not self.on:
                return None
            written = write(context)
            self.written[name] += written is not None
            return written

        return spied


def both_ways(spy, fetch) -> tuple[str, str]:
    spy.on = False
    engine = fetch()
    spy.on = True
    python = fetch()
    return engine, python


def page(client, url, data=None):
    def fetch():
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == 200
        return _comparable(response.content.decode())

    return fetch


def hostile_article():
    article = article_with_everything(title=HOSTILE, standfirst=HOSTILE, tags=["<b>&"])
    article.authors.add(AuthorFactory(name=HOSTILE))
    ArticleLinkFactory(article=article, title=HOSTILE, url="https://example.com/?a=1&b=<2>")
    RelatedLinkFactory(source=article, target=article_with_everything(title=HOSTILE))
    return article


def test_an_article_page_is_the_same_either_way(admin_client, monkeypatch):
    """The change page with hostile text in every inline: the same bytes, both written."""
    spy = Spy(monkeypatch)
    url = reverse("admin:articles_article_change", args=[hostile_article().pk])
    engine, python = both_ways(spy, page(admin_client, url))
    assert python == engine
    assert "&lt;script&gt;" in python and "<script>alert" not in python
    assert spy.written["fieldset"] >= 5 and spy.written["tabular"] >= 3


def test_a_form_shown_again_with_errors_is_the_same_either_way(admin_client, monkeypatch):
    """Errors of fields, of lines and of rows (an outbound link without its address)."""
    spy = Spy(monkeypatch)
    article = hostile_article()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_form_data(article, slug="", title=HOSTILE)
    data.update(
        {
            "links-TOTAL_FORMS": "1",
            "links-0-title": HOSTILE,
            "links-0-url": "not a url <script>",
            "links-0-position": "x",
        }
    )
    engine, python = both_ways(spy, page(admin_client, url, data))
    assert python == engine
    assert 'class="errorlist' in python
    assert spy.written["fieldset"] and spy.written["tabular"]


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:articles_article_add"),
        reverse("admin:artworks_artwork_add"),
        reverse("admin:auth_user_add"),
    ],
)
def test_add_pages_are_the_same_either_way(admin_client, monkeypatch, url):
    spy = Spy(monkeypatch)
    engine, python = both_ways(spy, page(admin_client, url))
    assert python == engine
    assert spy.written["fieldset"]


def test_a_user_page_is_the_same_either_way(admin_client, monkeypatch):
    """Django's own user admin: checkboxes, help texts, read-only, collapsed-free fieldsets."""
    spy = Spy(monkeypatch)
    user = get_user_model().objects.create_user("someone", first_name=HOSTILE)
    url = reverse("admin:auth_user_change", args=[user.pk])
    engine, python = both_ways(spy, page(admin_client, url))
    assert python == engine
    assert 'class="vCheckboxLabel' in python and "help" in python
    assert spy.written["fieldset"] >= 4


def test_inline_options_the_project_does_not_use(admin_client, monkeypatch):
    """Collapsed tabular inlines with read-only cells, a help text in the heading, one row at
    most, rows without delete, a change link and no add permission: the same bytes."""
    spy = Spy(monkeypatch)
    article = hostile_article()
    monkeypatch.setattr(ArticleLinkInline, "classes", ["collapse", "x<y"])
    monkeypatch.setattr(ArticleLinkInline, "readonly_fields", ["url"])
    monkeypatch.setattr(ArticleLinkInline, "show_change_link", True)
    monkeypatch.setattr(ArticleLinkInline, "can_delete", False)
    monkeypatch.setattr(ArticleAuthorInline, "max_num", 1)
    monkeypatch.setattr(ArticleAuthorInline, "has_add_permission", lambda *args: False)
    monkeypatch.setattr(RelatedLinkInline, "has_change_permission", lambda *args: False)
    field = Section._meta.get_field("name")
    monkeypatch.setattr(field, "help_text", HOSTILE)
    url = reverse("admin:articles_article_change", args=[article.pk])
    engine, python = both_ways(spy, page(admin_client, url))
    assert python == engine
    assert "<details>" in python
    assert spy.written["tabular"] >= 3


class EveryKindForm(forms.Form):
    # Help texts are markup of the site's code (Django's template shows them |safe).
    name = forms.CharField(help_text="<b>help</b>", label=HOSTILE)
    agreed = forms.BooleanField(help_text="<b>safe by the site</b>")
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    choice = forms.ChoiceField(choices=[("a", HOSTILE)], widget=forms.RadioSelect)
    number = forms.IntegerField(required=False, help_text="n")


class EveryKindAdmin(admin.ModelAdmin):
    def shown(self, obj):
        return HOSTILE


@pytest.mark.parametrize("bound", [False, True])
def test_fieldsets_of_every_kind(monkeypatch, bound):
    """Names, descriptions, collapsed, fields side by side, checkboxes, radio groups (shown
    in a fieldset of their own), hidden fields, read-only fields, errors: the same bytes."""
    spy = Spy(monkeypatch)
    form = EveryKindForm(data={"number": "x <y>"} if bound else None)
    form._meta = type("Meta", (), {"labels": None, "help_texts": None, "model": Section})
    form.instance = Section(name=HOSTILE)
    model_admin = EveryKindAdmin(Section, admin.site)
    adminform = helpers.AdminForm(
        form,
        [
            (None, {"fields": ["name"]}),
            (HOSTILE, {"fields": [("agreed", "hidden"), "choice"], "description": "<i>d</i>"}),
            ("Folded", {"fields": ["number", ("shown", "name")], "classes": ["collapse"]}),
            ("Hidden", {"fields": ["hidden"]}),
        ],
        {},
        readonly_fields=["shown"],
        model_admin=model_admin,
    )
    template = engines["django"].from_string(
        "{% for fieldset in adminform %}"
        '{% include "admin/includes/fieldset.html" with heading_level=3 prefix="p<" '
        "id_prefix=7 id_suffix=forloop.counter0 %}{% endfor %}"
    )
    request = RequestFactory().get("/")

    def fetch():
        return template.render({"adminform": adminform}, request)

    engine, python = both_ways(spy, fetch)
    assert python == engine
    assert spy.written["fieldset"] == 4
    assert "&lt;script&gt;" in python and "<script>" not in python
    assert 'class="description"><i>d</i>' in python
    # A fieldset with an error in it is shown open (Django's is_collapsible).
    assert ("<details>" in python) is not bound
    assert ('class="errorlist' in python) is bound


def test_other_objects_are_left_to_the_engine(monkeypatch):
    """A fieldset of another class (which may say other things of itself) is not written."""

    class OwnFieldset(helpers.Fieldset):
        pass

    form = EveryKindForm()
    context = Context({"fieldset": OwnFieldset(form, fields=["name"])}, autoescape=True)
    context.template = engines["django"].from_string("").template
    assert fieldsets.write(context) is None
    context = Context({"fieldset": helpers.Fieldset(form, fields=["name"])}, autoescape=False)
    context.template = engines["django"].from_string("").template
    assert fieldsets.write(context) is None


def test_another_django_file_is_left_to_the_engine(monkeypatch):
    """After a Django upgrade that changes the templates, the engine renders them."""
    form = EveryKindForm()
    context = Context({"fieldset": helpers.Fieldset(form, fields=["name"])}, autoescape=True)
    context.template = engines["django"].from_string("").template
    assert fieldsets.write(context) is not None
    monkeypatch.setattr(
        fieldsets, "FIELDSET", fieldsets.Written(fieldsets.DJANGO_FIELDSET, "0" * 64)
    )
    assert fieldsets.write(context) is None
    monkeypatch.setattr(tabular, "TABULAR", fieldsets.Written(tabular.DJANGO_TABULAR, "0" * 64))
    context = Context({"inline_admin_formset": object()}, autoescape=True)
    context.template = engines["django"].from_string("").template
    assert tabular.write(context) is None


def _error_lists(monkeypatch) -> list:
    """Every ErrorList a page renders as a list (a field's, a line's, a row's cell's)."""
    from django.forms.utils import ErrorList  # noqa: PLC0415

    rendered = []
    as_ul = ErrorList.as_ul
    monkeypatch.setattr(ErrorList, "as_ul", lambda errors: rendered.append(errors) or as_ul(errors))
    return rendered


def test_a_page_shown_anew_renders_no_empty_error_list(admin_client, monkeypatch):
    """An unbound form has no errors: its fields' empty lists are not rendered one by one
    (some 200 on an article's page), and what they would render is there: nothing."""
    article = hostile_article()
    url = reverse("admin:articles_article_change", args=[article.pk])
    rendered = _error_lists(monkeypatch)

    assert admin_client.get(url).status_code == 200
    assert rendered == []

    data = article_form_data(article, slug="", title=HOSTILE)
    data.update({"links-TOTAL_FORMS": "1", "links-0-title": "A", "links-0-url": "not a url"})
    assert 'class="errorlist' in admin_client.post(url, data).content.decode()
    assert rendered  # a form sent back with errors lists them
