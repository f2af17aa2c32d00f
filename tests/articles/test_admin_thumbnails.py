"""The thumbnail column of the admin's list of articles: each article's lead image read for the
whole page as rows (articles/cards.py lead_images), the same as Article.lead_image() shows."""

import re

import pytest
from django.contrib.admin.views.main import ChangeList
from django.urls import reverse

from articles.admin import ArticleChangeList
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    ImageFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = "\"><script>alert('x')</script> O'Keeffe; DROP TABLE images_image; --"
URL = reverse("admin:articles_article_changelist")


def _articles():
    """One article of each case: an upload, hostile words, decorative; an artwork's chosen
    image, its first, its words or the figure's; a figure with no picture before one with; an
    artwork that lost its images; no figure at all."""
    upload = ArticleFactory(title="Upload")
    ArticleFigureFactory(article=upload, artwork=None, image=ImageFactory(), alt_text=HOSTILE)
    decorative = ArticleFactory(title="Decorative")
    ArticleFigureFactory(
        article=decorative, artwork=None, image=ImageFactory(), alt_text="Hidden", decorative=True
    )
    chosen = ArticleFactory(title="Chosen")
    artwork = ArtworkFactory()
    ArtworkImageFactory(artwork=artwork, alt_text="First", position=0)
    second = ArtworkImageFactory(artwork=artwork, alt_text="Second", position=1)
    ArticleFigureFactory(article=chosen, artwork=artwork, artwork_image=second, alt_text="")
    first = ArticleFactory(title="First image")
    ArticleFigureFactory(article=first, artwork=artwork, alt_text="The figure's own words")
    later = ArticleFactory(title="Later figure")
    ArticleFigureFactory(article=later, artwork=None, image=None, position=0)
    bare = ArtworkFactory()
    ArticleFigureFactory(article=later, artwork=bare, position=1, with_image=False)
    ArticleFigureFactory(article=later, artwork=artwork, position=2)
    lost = ArticleFactory(title="Lost")
    ArticleFigureFactory(article=lost, artwork=ArtworkFactory(), with_image=False)
    ArticleFactory(title="No figure")


def _list(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r'nonce="[^"]+"', "", html)


def test_the_thumbnails_are_those_of_each_article_lead_image(admin_client, monkeypatch):
    _articles()

    ours = _list(admin_client)
    # As each article's lead_image() shows it (the column's fallback, a query or more a row).
    monkeypatch.setattr(ArticleChangeList, "get_results", ChangeList.get_results)
    by_lead_image = _list(admin_client)

    assert ours == by_lead_image
    thumbnails = re.findall(r'<th class="field-thumbnail"><a href="[^"]+">(.*?)</a></th>', ours)
    assert len(thumbnails) == 7
    assert sum(cell == "—" for cell in thumbnails) == 2
    assert "&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; O&#x27;Keeffe" in ours
    assert "<script>alert" not in ours
    assert 'alt="Hidden"' not in ours and 'alt="Second"' in ours
    assert ours.count('alt="The figure&#x27;s own words"') == 1


def test_the_thumbnails_cost_one_query_for_the_page(admin_client, settings):
    # Statements counted by the tables they name: on PostgreSQL a read sent as a prepared
    # statement (sqlreads/prepared.py) shows only its EXECUTE after the first page.
    settings.DATABASE_PREPARED_READS = False
    _articles()
    admin_client.get(URL)

    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    with CaptureQueriesContext(connection) as queries:
        admin_client.get(URL)

    pictures = ("articles_articlefigure", "artworks_artworkimage", "images_image")
    read = [q for q in queries if any(table in q["sql"] for table in pictures)]
    assert len(read) == 1  # not the figures, then their artworks' images
