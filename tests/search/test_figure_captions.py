"""An article is found by its figures' caption text, ordered figures and figures placed in the
body alike (search/migrations/0008, search/sqlite_index.py): the caption override, else the
artwork's title, date and medium, kept current by the database whoever writes."""

import importlib

import pytest
from django.db import connection

from articles.models import ArticleFigure
from artworks.models import Artwork
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtworkFactory, ImageFactory
from tests.search.searching import found, postgres_only

pytestmark = pytest.mark.django_db


def body_with(*nodes: str) -> str:
    return "<p>An essay on the studio.</p>" + "".join(nodes)


def test_an_ordered_figure_s_artwork_title_finds_the_article(client):
    article = ArticleFactory(title="Studio visit", body="<p>On the studio.</p>")
    figure = ArticleFigureFactory(
        article=article, artwork__title="Quorvellin Shoals", artwork__medium="Tempera"
    )
    url = article.get_absolute_url()

    assert url in found(client, "Quorvellin")
    assert url in found(client, "tempera")

    figure.delete()
    assert url not in found(client, "Quorvellin")


def test_a_body_figure_s_artwork_title_finds_the_article_until_it_leaves_the_body(client):
    artwork = ArtworkFactory(title="Brindlemoor at Dusk", date_display="1911")
    node = f'<figure data-artwork="{artwork.pk}" data-size="wide"></figure>'
    article = ArticleFactory(title="Studio visit", body=body_with(node))
    url = article.get_absolute_url()
    assert ArticleFigure.objects.filter(article=article, in_body=True).count() == 1

    assert url in found(client, "Brindlemoor")

    article.body = body_with()
    article.save()
    assert url not in found(client, "Brindlemoor")


def test_the_caption_follows_the_artwork_record(client):
    """Renamed through a save or through update() (an import): the article follows."""
    artwork = ArtworkFactory(title="Harrowgate Lanterns")
    ordered = ArticleFactory(title="Lantern essay")
    ArticleFigureFactory(article=ordered, artwork=artwork)
    in_body = ArticleFactory(
        title="Lantern notes", body=body_with(f'<figure data-artwork="{artwork.pk}"></figure>')
    )
    both = {ordered.get_absolute_url(), in_body.get_absolute_url()}
    assert set(found(client, "Harrowgate")) >= both

    artwork.title = "Wexcombe Lanterns"
    artwork.save()
    assert set(found(client, "Wexcombe")) >= both
    assert not set(found(client, "Harrowgate")) & both

    Artwork.objects.filter(pk=artwork.pk).update(medium="Cloisonné enamel")
    assert set(found(client, "cloisonne")) >= both


def test_a_caption_override_replaces_the_composed_text(client):
    article = ArticleFactory(title="Studio visit")
    figure = ArticleFigureFactory(
        article=article, artwork__title="Ostlemere Bay", caption="Seen from the Pellingham pier"
    )
    url = article.get_absolute_url()

    assert url in found(client, "Pellingham")
    assert url not in found(client, "Ostlemere")

    figure.caption = "   \n "  # blank: composed again
    figure.save()
    assert url in found(client, "Ostlemere")
    assert url not in found(client, "Pellingham")


def test_an_uploaded_body_figure_s_caption_finds_the_article(client):
    image = ImageFactory()
    node = (
        f'<figure data-image="{image.pk}" data-alt="A quay"'
        ' data-caption="The Tremmick quay"></figure>'
    )
    article = ArticleFactory(title="Harbour notes", body=body_with(node))

    assert article.get_absolute_url() in found(client, "Tremmick")


def test_a_caption_word_ranks_below_the_same_word_in_a_title(client):
    """Captions weigh as the body does (C), under a title (A)."""
    captioned = ArticleFactory(title="Studio visit")
    ArticleFigureFactory(article=captioned, artwork__title="Yarrowby Fields")
    titled = ArticleFactory(title="Yarrowby revisited")

    articles = [url for url in found(client, "Yarrowby") if url.startswith("/articles/")]
    assert articles == [titled.get_absolute_url(), captioned.get_absolute_url()]


@postgres_only
def test_the_postgresql_migration_reverses_and_runs_again(client):
    """Backwards: the functions of 0003 and 0004 again (captions not searched); forwards: found."""
    migration = importlib.import_module("search.migrations.0008_postgres_figure_captions")
    article = ArticleFactory(title="Studio visit")
    ArticleFigureFactory(article=article, artwork__title="Clowderby Mill")
    url = article.get_absolute_url()

    with connection.schema_editor() as editor:
        migration.backward(None, editor)
    assert url not in found(client, "Clowderby")

    with connection.schema_editor() as editor:
        migration.forward(None, editor)
    assert url in found(client, "Clowderby")
