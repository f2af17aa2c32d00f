"""Autocomplete pickers show the object their row loaded, as Django's own query would show it,
and fall back to that query whenever the loaded object may not be what the picker lists."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from adminsite import primed
from articles.models import Article, ArticleAuthor, Author
from tests.factories import (
    ArticleAuthorFactory,
    ArticleFigureFactory,
    ArtistFactory,
    AuthorFactory,
    ImageFactory,
    RelatedLinkFactory,
)
from tests.querybudgets import article_with_everything, artwork_with_everything

pytestmark = pytest.mark.django_db


def _article():
    article = article_with_everything(tags=["photography"])
    artwork = artwork_with_everything()
    ArticleFigureFactory(article=article, artwork=artwork, artwork_image=artwork.images.last())
    ArticleFigureFactory(article=article, artwork=None, image=ImageFactory(), alt_text="A room")
    article.featured_artists.add(
        ArtistFactory(name="Zoe Zed"), ArtistFactory(name="Ann Aa"), ArtistFactory(name="Mo M")
    )
    article.featured_artworks.add(artwork_with_everything(), artwork_with_everything())
    RelatedLinkFactory(source=article)
    RelatedLinkFactory(source=article, status="pinned", position=0)
    return article


def _page(client, article) -> str:
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    # What differs from one response to the next: the CSRF token, the CSP nonce, the key of
    # the page's working copy and the signed preview link (its time, to the second).
    html = re.sub(r"/preview/[^/]+/", "/preview/-/", response.content.decode())
    for name in ("csrfmiddlewaretoken", "_working_copy_key"):
        html = re.sub(rf'name="{name}" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


def test_the_change_page_is_the_same_as_with_a_query_per_picker(admin_client, monkeypatch):
    article = _article()
    with_rows = _page(admin_client, article)

    monkeypatch.setattr(primed, "prime", lambda form: None)  # every picker queries, as Django's
    by_query = _page(admin_client, article)

    assert with_rows == by_query
    assert "Ann Aa" in with_rows and "Zoe Zed" in with_rows


def _byline_form(article):
    inline = admin.site.get_model_admin(Article).inlines[0](Article, admin.site)
    request = RequestFactory().get("/")
    request.user = type("Superuser", (), {"is_active": True, "is_superuser": True})()
    request.user.has_perm = lambda *args, **kwargs: True
    formset = inline.get_formset(request, article)(
        instance=article, queryset=inline.get_queryset(request)
    )
    return formset.forms[0]


def test_a_picker_whose_choices_are_narrowed_asks_the_database(admin_user):
    article = _article()
    form = _byline_form(article)
    chosen = form.instance.author
    form.fields["author"].queryset = Author.objects.exclude(pk=chosen.pk)

    primed.prime(form)

    widget = form.fields["author"].widget.widget
    assert widget.primed is None
    # As Django shows it: a chosen author who is no longer among the choices is not shown.
    assert chosen.name not in str(form["author"])


def test_a_picker_shows_the_posted_object_not_the_loaded_one(admin_user):
    article = _article()
    form = _byline_form(article)
    assert form.fields["author"].widget.widget.primed == form.instance.author
    other = AuthorFactory(name="Posted Person")

    widget = form.fields["author"].widget.widget
    rendered = widget.render("article_authors-0-author", str(other.pk))

    assert "Posted Person" in rendered
    assert form.instance.author.name not in rendered


def test_rows_of_an_inline_know_the_page_object(admin_user):
    article = _article()
    ArticleAuthorFactory(article=article)

    form = _byline_form(article)

    assert isinstance(form.instance, ArticleAuthor)
    assert form.instance.article is article


def _pickers(db_field, *, required: bool, many: bool = False):
    """Django's autocomplete picker of `db_field` and ours, each in its form field."""
    from django import forms  # noqa: PLC0415
    from django.contrib.admin import widgets  # noqa: PLC0415

    model = db_field.remote_field.model
    kind = forms.ModelMultipleChoiceField if many else forms.ModelChoiceField
    theirs = widgets.AutocompleteSelectMultiple if many else widgets.AutocompleteSelect
    ours = primed.PrimedAutocompleteSelectMultiple if many else primed.PrimedAutocompleteSelect
    return [
        kind(queryset=model.objects.all(), required=required, widget=widget(db_field, admin.site))
        for widget in (theirs, ours)
    ]


class _Compiled:
    """Counts the SQL the ORM compiles to run, run or not (an empty IN is never run)."""

    def __init__(self, monkeypatch):
        from django.db.models.sql.compiler import SQLCompiler  # noqa: PLC0415

        self.count = 0
        execute = SQLCompiler.execute_sql

        def counted(compiler, *args, **kwargs):
            self.count += 1
            return execute(compiler, *args, **kwargs)

        monkeypatch.setattr(SQLCompiler, "execute_sql", counted)


@pytest.mark.parametrize("value", [None, "", [], [""]])
@pytest.mark.parametrize(
    ("field", "required"),
    [
        (("articles", "ArticleFigure", "artwork"), False),
        (("articles", "ArticleAuthor", "author"), True),
    ],
)
def test_a_picker_with_nothing_chosen_is_djangos_without_a_query(
    monkeypatch, field, required, value
):
    from django.apps import apps  # noqa: PLC0415

    db_field = apps.get_model(*field[:2])._meta.get_field(field[2])
    theirs, ours = _pickers(db_field, required=required)
    compiled = _Compiled(monkeypatch)

    expected = theirs.widget.render("figures-__prefix__-x", value)
    asked = compiled.count
    rendered = ours.widget.render("figures-__prefix__-x", value)

    assert rendered == expected
    assert asked == 1  # Django builds and compiles a query for no object
    assert compiled.count == asked  # ours does not
    assert ('<option value=""></option>' in rendered) is not required


@pytest.mark.parametrize("value", [None, [], [""]])
def test_a_picker_of_many_with_nothing_chosen_is_djangos_without_a_query(monkeypatch, value):
    db_field = Article._meta.get_field("featured_artists")
    theirs, ours = _pickers(db_field, required=False, many=True)
    compiled = _Compiled(monkeypatch)

    expected = theirs.widget.render("featured_artists", value)
    asked = compiled.count
    rendered = ours.widget.render("featured_artists", value)

    assert rendered == expected and "<option" not in rendered
    assert (asked, compiled.count) == (1, 1)


def test_a_picker_with_something_chosen_still_shows_it(monkeypatch):
    chosen = AuthorFactory(name="Chosen <b>One</b> 'quoted'")
    theirs, ours = _pickers(ArticleAuthor._meta.get_field("author"), required=True)

    rendered = ours.widget.render("article_authors-0-author", str(chosen.pk))

    assert rendered == theirs.widget.render("article_authors-0-author", str(chosen.pk))
    assert "Chosen &lt;b&gt;One&lt;/b&gt; &#x27;quoted&#x27;" in rendered


def test_each_inline_builds_its_empty_form_once(admin_client, monkeypatch):
    """The template of a new row, which the page asks for four or five times an inline."""
    from collections import Counter  # noqa: PLC0415

    from django.forms import BaseForm  # noqa: PLC0415

    built = Counter()
    init = BaseForm.__init__

    def counted(form, *args, **kwargs):
        init(form, *args, **kwargs)
        if "__prefix__" in (form.prefix or ""):
            built[form.prefix] += 1

    monkeypatch.setattr(BaseForm, "__init__", counted)
    article = _article()

    html = _page(admin_client, article)

    prefixes = ["article_authors", "figures", "links", "related_links"]
    # The featuring panel's rows are hidden inputs, their template in a <template> of its own.
    # So is "What readers see now" (recommendations/admin_block.py), a panel of no rows.
    built_once = [*prefixes, "featuring_decisions", "shown_block"]
    assert built == {f"{prefix}-__prefix__": 1 for prefix in built_once}
    for prefix in prefixes:
        assert f'id="{prefix}-empty"' in html
