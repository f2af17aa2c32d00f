"""The admin's live preview shows the body's figures as the posted body places them: nodes
parsed from the unsaved form, artworks and images read, nothing written."""

import pytest
from django.test import Client

from articles.models import Article, ArticleFigure
from tests.articles.body_figures.test_render import node, shown_artwork
from tests.articles.test_live_preview import (
    NONCE,
    editor,  # noqa: F401 (a fixture)
    form_as_opened,
    main_of,
    preview_url,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_an_unchanged_form_previews_the_public_page_with_its_body_figures(editor):  # noqa: F811
    article = ArticleFactory(body=f"<p>a</p>{node(shown_artwork())}<p>b</p>")
    article = Article.objects.get(pk=article.pk)
    public = Client().get(article.get_absolute_url()).content.decode()
    assert "figure--wide" in public

    preview = editor.post(preview_url(article), form_as_opened(editor, article))

    assert NONCE.sub("", preview.content.decode()) == NONCE.sub("", public)


def test_a_new_node_shows_in_the_preview_and_nothing_is_written(editor):  # noqa: F811
    article = ArticleFactory(body="<p>a</p>")
    artwork = shown_artwork(title="Sunflower Seeds")
    data = form_as_opened(editor, article)
    data["body"] = [f"<p>a</p>{node(artwork, 'full', caption='Seeds, 2010')}<p>b</p>"]
    rows = ArticleFigure.objects.count()

    preview = editor.post(preview_url(article), data)

    shown = main_of(preview.content.decode())
    assert "figure--full" in shown
    assert "Seeds, 2010" in shown
    assert ArticleFigure.objects.count() == rows
    assert Article.objects.get(pk=article.pk).body == "<p>a</p>"
