"""The lead figure's picture as a feed item's enclosure: which file, its type and its length."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ArticleFigureFactory, ImageFactory
from tests.feeds.reader import read_feed
from tests.renditions import renditions_of

pytestmark = pytest.mark.django_db


def with_renditions(image) -> None:
    image.renditions = renditions_of(image.file)
    image.save()


def enclosure(client, format_name: str) -> dict | None:
    entry = read_feed(client, reverse(f"feeds:latest-{format_name}")).entries[0]
    enclosures = [link for link in entry.links if link.rel == "enclosure"]
    return enclosures[0] if enclosures else None


def test_with_renditions_the_enclosure_is_the_960_rendition_of_unknown_length(client):
    """RSS says 0 for a length it cannot know (the RSS Board's profile); Atom says nothing."""
    figure = ArticleFigureFactory(article=ArticleFactory())
    with_renditions(figure.artwork.primary_image.image)

    rss, atom = enclosure(client, "rss"), enclosure(client, "atom")

    assert rss.href.startswith("http://testserver/media/renditions/")
    assert rss.href.endswith("/w960.jpg")
    assert rss.type == "image/jpeg"
    assert rss.length == "0"
    assert atom.href == rss.href
    assert atom.type == "image/jpeg"
    assert "length" not in atom


def test_without_renditions_the_enclosure_is_the_original_with_its_stored_size(client):
    figure = ArticleFigureFactory(article=ArticleFactory())
    image = figure.artwork.primary_image.image
    image.file_size = 12345
    image.save()

    for format_name in ("rss", "atom"):
        found = enclosure(client, format_name)
        assert found.href == f"http://testserver{image.file.url}"
        assert found.type == "image/png"
        assert found.length == "12345"


def test_a_standalone_figure_upload_is_an_enclosure_too(client):
    figure = ArticleFigureFactory(
        article=ArticleFactory(), artwork=None, image=ImageFactory(), alt_text="A picture"
    )
    figure.image.file_size = 321
    figure.image.save()

    found = enclosure(client, "rss")

    assert found.href == f"http://testserver{figure.image.file.url}"
    assert found.length == "321"


def test_an_article_without_a_picture_has_no_enclosure(client):
    ArticleFactory()

    assert enclosure(client, "rss") is None
    assert enclosure(client, "atom") is None
