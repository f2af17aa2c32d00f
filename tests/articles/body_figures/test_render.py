"""Figures in the body as readers see them (articles/body_figures/render.py): the article page,
the preview link, the admin's live preview share the markup of the ordered figures."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.body_figures.render import body_html
from articles.models import Article
from articles.previews import preview_path
from tests.articles.test_figure_markup import made_renditions
from tests.articles.test_query_budget import ARTICLE_PAGE_QUERIES, create_site_settings
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def shown_artwork(title="Remembering", credit="© Ai Weiwei"):
    artwork = ArtworkFactory(title=title, date_display="2009")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ai Weiwei"))
    image = ArtworkImageFactory(artwork=artwork, credit=credit, alt_text="Backpacks").image
    type(image).objects.filter(pk=image.pk).update(
        renditions=made_renditions(image), width=2000, height=1000
    )
    return artwork


def node(artwork, size="wide", **extra):
    more = "".join(f' data-{name}="{value}"' for name, value in extra.items())
    return f'<figure data-artwork="{artwork.pk}" data-size="{size}"{more}></figure>'


def article_body(content: str) -> str:
    start = content.index('<div class="prose">')
    return content[start : content.index("</div>", content.index("</figure>", start))]


def test_the_page_shows_the_figure_in_place_with_its_composed_caption(client):
    artwork = shown_artwork()
    article = ArticleFactory(body=f"<p>Before</p>{node(artwork)}<p>After</p>")

    content = client.get(article.get_absolute_url()).content.decode()

    body = content[content.index('<div class="prose">') :]
    assert body.index("<p>Before</p>") < body.index("figure--wide") < body.index("<p>After</p>")
    assert '<figure class="figure figure--wide">' in body
    assert "<picture>" in body
    assert 'srcset="/media/renditions/' in body
    assert 'loading="lazy"' in body
    assert "Ai Weiwei" in body
    assert "Remembering" in body
    assert "© Ai Weiwei" in body
    assert 'alt="Backpacks"' in body


def test_the_caption_follows_the_artwork_record(client):
    artwork = shown_artwork()
    article = ArticleFactory(body=node(artwork))
    artwork.title = "Remembering (2009 edition)"
    artwork.save()

    content = client.get(article.get_absolute_url()).content.decode()

    assert "Remembering (2009 edition)" in content


def test_the_nodes_texts_override_and_are_escaped(client):
    """Caption, credit and alt from the node, escaped however hostile."""
    artwork = shown_artwork()
    hostile = "&lt;script&gt;alert(1)&lt;/script&gt;"
    article = ArticleFactory(
        body=node(artwork, "full", alt=hostile, credit=hostile, caption="One&#10;Two")
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in content
    assert 'alt="&lt;script&gt;alert(1)&lt;/script&gt;"' in content
    assert '<small class="figure__credit">&lt;script&gt;alert(1)&lt;/script&gt;</small>' in content
    assert '<span class="figure__line">One</span>' in content
    assert '<span class="figure__line">Two</span>' in content
    assert "figure--full" in content


@pytest.mark.parametrize(
    "missing",
    ['<figure data-artwork="999999"></figure>', '<figure data-image="999999"></figure>'],
)
def test_a_missing_artwork_or_image_renders_as_nothing(client, missing):
    article = ArticleFactory(body=f"<p>a</p>{missing}<p>b</p>")

    content = client.get(article.get_absolute_url()).content.decode()

    assert "<p>a</p><p>b</p>" in content
    assert "figure--" not in content


def test_an_artwork_without_a_picture_renders_as_nothing(client):
    artwork = ArtworkFactory()
    article = ArticleFactory(body=f"<p>a</p>{node(artwork)}<p>b</p>")

    content = client.get(article.get_absolute_url()).content.decode()

    assert "<p>a</p><p>b</p>" in content


def test_an_uploaded_image_shows_with_its_own_texts(client):
    image = ImageFactory()
    article = ArticleFactory(
        body=f'<figure data-image="{image.pk}" data-alt="The studio" data-credit="Photo: J. Doe"'
        ' data-caption="The artist in her studio, 1978"></figure>'
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert '<figure class="figure figure--inline">' in content
    assert 'alt="The studio"' in content
    assert "The artist in her studio, 1978" in content
    assert "Photo: J. Doe" in content


@pytest.mark.parametrize("n", [1, 8])
def test_body_figures_cost_no_query(client, n):
    """The body's rows come with the figures the page reads already: as many queries as the
    same page without them."""
    create_site_settings(client)
    plain = ArticleFactory(body="<p>0</p>")
    article = ArticleFactory(body="".join(f"<p>{i}</p>{node(shown_artwork())}" for i in range(n)))

    with CaptureQueriesContext(connection) as without:
        client.get(plain.get_absolute_url())
    with CaptureQueriesContext(connection) as with_figures:
        response = client.get(article.get_absolute_url())

    assert len(with_figures) == len(without) <= ARTICLE_PAGE_QUERIES
    assert response.content.decode().count("figure--wide") == n


def test_the_preview_link_shows_body_figures(client):
    artwork = shown_artwork()
    article = ArticleFactory(status=Article.Status.DRAFT, body=node(artwork))

    response = client.get(preview_path(article))

    assert response.status_code == 200
    assert "figure--wide" in response.content.decode()


def test_a_body_without_nodes_is_written_as_stored():
    body = '<p>One <a href="https://example.com" rel="noopener noreferrer">link</a></p><h2>T</h2>'
    article = ArticleFactory(body=body)
    assert body_html(article) == article.body
