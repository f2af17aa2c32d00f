"""A public article's old addresses answer with a 301 to its address now (the publishing
services keep them: articles/services.py)."""

import pytest

from articles import services
from articles.models import Article, SlugRedirect
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def rename(article, slug):
    article.slug = slug
    services.article_save(article=article, user=None)


def test_old_slug_of_a_published_article_redirects_permanently(client):
    article = ArticleFactory(slug="first")
    rename(article, "second")

    response = client.get("/articles/first/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/second/"
    assert client.get("/articles/second/").status_code == 200


def test_every_old_slug_goes_straight_to_the_newest(client):
    article = ArticleFactory(slug="one")
    rename(article, "two")
    rename(article, "three")

    assert client.get("/articles/one/")["Location"] == "/articles/three/"
    assert client.get("/articles/two/")["Location"] == "/articles/three/"


def test_changing_back_to_an_old_slug_serves_the_article_there(client):
    article = ArticleFactory(slug="here")
    rename(article, "there")
    rename(article, "here")

    assert client.get("/articles/here/").status_code == 200
    assert client.get("/articles/there/")["Location"] == "/articles/here/"
    assert not SlugRedirect.objects.filter(old_slug="here").exists()


def test_a_new_article_may_take_an_old_slug(client):
    moved = ArticleFactory(slug="taken")
    rename(moved, "moved")
    newcomer = ArticleFactory(slug="taken", title="The Newcomer")

    response = client.get("/articles/taken/")

    assert response.status_code == 200
    assert response.context["article"] == newcomer


def test_draft_slug_changes_leave_no_redirect():
    """A draft's address was never public, so nothing needs to keep working."""
    article = ArticleFactory(slug="draft-one", status=Article.Status.DRAFT)
    rename(article, "draft-two")

    assert not SlugRedirect.objects.exists()


def test_old_slug_of_an_article_no_longer_public_is_404(client):
    article = ArticleFactory(slug="old")
    rename(article, "new")
    services.article_unpublish(article=article, user=None)

    assert client.get("/articles/old/").status_code == 404


def test_unknown_slug_is_still_404(client):
    assert client.get("/articles/never-was/").status_code == 404
