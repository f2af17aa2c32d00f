"""Figures placed in an article's body (articles/body_figures/) keep the cached pages that show
them fresh, as ordered figures do: the article's page when the artwork, its image or its credit
changes, and the artwork's page when a body starts or stops showing it."""

import pytest

from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)
from tests.pagecache.pages import HIT, MISS, served, warm

pytestmark = pytest.mark.django_db


def node(artwork):
    return f'<figure data-artwork="{artwork.pk}" data-size="wide"></figure>'


@pytest.fixture
def site(committed):
    with committed():
        artwork = ArtworkFactory(title="Remembering", slug="remembering")
        ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Ai Weiwei"))
        shown = ArtworkImageFactory(artwork=artwork, credit="© Ai Weiwei")
        article = ArticleFactory(
            title="Backpacks", slug="backpacks", body=f"<p>Text.</p>{node(artwork)}"
        )
        other = ArticleFactory(title="Other", slug="other")
    return {"artwork": artwork, "image": shown, "article": article, "other": other}


def test_a_change_of_the_artwork_refreshes_the_article(client, site, committed):
    article = site["article"]
    warm(client, article.get_absolute_url(), site["other"].get_absolute_url())
    with committed():
        site["artwork"].title = "Remembering, 2009"
        site["artwork"].save()
    how, page = served(client, article.get_absolute_url())
    assert (how, "Remembering, 2009" in page) == (MISS, True)
    assert served(client, site["other"].get_absolute_url())[0] == HIT


def test_a_change_of_the_credit_refreshes_the_article(client, site, committed):
    article = site["article"]
    warm(client, article.get_absolute_url())
    with committed():
        site["image"].credit = "Courtesy the artist"
        site["image"].save()
    how, page = served(client, article.get_absolute_url())
    assert (how, "Courtesy the artist" in page) == (MISS, True)


def test_the_artwork_page_lists_an_article_that_shows_it_only_in_its_body(client, site, committed):
    artwork_url = site["artwork"].get_absolute_url()
    assert "Backpacks" in served(client, artwork_url)[1]
    newer = ArtworkFactory(title="Sunflower Seeds", slug="seeds")
    ArtworkImageFactory(artwork=newer)
    warm(client, artwork_url, newer.get_absolute_url())
    with committed():
        article = site["article"]
        article.body = f"<p>Text.</p>{node(newer)}"
        article.save()
    how, page = served(client, newer.get_absolute_url())
    assert (how, "Backpacks" in page) == (MISS, True)
    how, page = served(client, artwork_url)
    assert (how, "Backpacks" in page) == (MISS, False)
