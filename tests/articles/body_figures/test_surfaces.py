"""Everything that reads an article's figures sees those placed in its body: JSON-LD, the feeds'
full content, search (both databases), the pre-publish checks, revisions, lead images.
(The page cache: tests/pagecache/test_body_figures.py.)"""

import pytest
from django.urls import reverse

from articles import prepublish
from articles.models import Article, ArticleFigure
from images.models import Image
from tests.articles.body_figures.test_render import node, shown_artwork
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ImageFactory,
)
from tests.feeds.reader import read_feed
from tests.revisions.adminpages import admin_save, admin_url, form_data, versions_of
from tests.search.searching import found
from tests.structured_data.head import read_head

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def test_json_ld_lists_the_body_figures_pictures(client):
    lead, in_body = shown_artwork(), shown_artwork(title="Sunflower Seeds")
    article = ArticleFactory(body=f"{node(lead)}<p>x</p>{node(in_body)}")

    head = read_head(client, article.get_absolute_url())

    (data,) = [d for d in head.json_ld if d.get("@type") == "NewsArticle"] or head.json_ld[:1]
    body_picture = in_body.primary_image.image.picture().src
    assert any(url.endswith(body_picture) for url in data["image"])
    assert len(data["image"]) >= 2


def test_the_lead_image_falls_back_to_the_first_body_figure():
    artwork = shown_artwork()
    article = ArticleFactory(body=node(artwork))
    article = Article.objects.get(pk=article.pk)
    assert article.ordered_figures() == []
    assert article.lead_image().image == artwork.primary_image.image


def test_the_feeds_full_content_carries_the_figures_with_absolute_addresses(client):
    artwork = shown_artwork()
    ArticleFactory(title="With a figure", body=f"<p>Before</p>{node(artwork)}")
    ArticleFactory(title="Without", body="<p>Plain</p>")

    feed = read_feed(client, reverse("feeds:latest-atom"))

    by_title = {entry.title: entry.content[0].value for entry in feed.entries}
    content = by_title["With a figure"]
    assert "figure--wide" in content
    assert "Remembering" in content and "Ai Weiwei" in content
    raw = client.get(reverse("feeds:latest-atom")).content.decode()
    assert 'srcset="http://testserver/media/renditions/' in raw
    assert 'src="/media' not in raw
    assert 'srcset="/media' not in raw
    assert by_title["Without"] == "<p>Plain</p>"


def test_search_finds_the_article_by_the_artist_of_a_body_figure(client):
    """What a figure adds to the article's document (its artwork's artists), on both databases."""
    artwork = ArtworkFactory(title="Untitled")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ines Quillfeather"))
    article = ArticleFactory(title="A study", body=node(artwork))
    assert article.get_absolute_url() in found(client, "Quillfeather")

    article.body = "<p>No figure now.</p>"
    article.save()
    assert article.get_absolute_url() not in found(client, "Quillfeather")


def test_the_checks_see_body_figures_before_they_are_saved():
    """The checks run on the body in hand (the admin runs them before the row is saved)."""
    upload = ImageFactory(original_name="IMG_0042.jpg")
    article = ArticleFactory(body="<p>x</p>")
    article.body = f'<figure data-image="{upload.pk}" data-alt="IMG_0042.jpg"></figure>'

    report = prepublish.run(article, user=None)

    problems = [p for result in report.results for p in result.problems]
    assert any(p.startswith("Body figure 1") and "file name" in p for p in problems)
    assert not ArticleFigure.objects.filter(article=article, in_body=True).exists()


def test_a_revert_brings_back_the_body_figures_and_their_upload(admin_client):
    artwork = shown_artwork()
    upload = ImageFactory()
    article = ArticleFactory(body="<p>x</p>")
    url = admin_url(article)
    first_body = (
        f"<p>One</p>{node(artwork)}"
        f'<figure data-image="{upload.pk}" data-alt="The studio" data-credit="J. Doe"></figure>'
    )
    admin_save(admin_client, url, body=first_body)
    assert ArticleFigure.objects.filter(article=article, in_body=True).count() == 2
    admin_save(admin_client, url, body="<p>Two</p>")
    assert not ArticleFigure.objects.filter(article=article, in_body=True).exists()
    assert not Image.objects.filter(pk=upload.pk).exists()  # it belonged to its figure

    with_figures = next(v for v in versions_of(article) if "<figure" in v.field_dict["body"])
    revision_url = admin_url(article, "revision", with_figures.pk)
    response = admin_client.post(revision_url, form_data(admin_client.get(revision_url)))
    assert response.status_code == 302

    rows = list(ArticleFigure.objects.filter(article=article, in_body=True).order_by("position"))
    assert [(row.artwork_id, row.image_id) for row in rows] == [
        (artwork.pk, None),
        (None, upload.pk),
    ]
    assert Image.objects.filter(pk=upload.pk).exists()
    page = admin_client.get(article.get_absolute_url()).content.decode()
    assert page.count('<figure class="figure figure--') == 2
