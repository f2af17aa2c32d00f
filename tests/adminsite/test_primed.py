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
