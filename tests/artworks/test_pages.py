"""The public artwork pages: the list and each artwork's page."""

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def urn():
    """Ai Weiwei's urn, with an image, another work by him and a work by someone else."""
    artist = ArtistFactory(name="Ai Weiwei", birth_year=1957)
    urn = ArtworkFactory(
        title="Dropping a Han Dynasty Urn",
        date_display="1995",
        medium="Three black and white photographs",
        dimensions_display="each 148 x 121cm",
        classification="Photograph",
        credit_line="Courtesy of the artist",
        accession_number="P.2011.1",
        tags=["Destruction"],
    )
    ArtworkArtistFactory(artwork=urn, artist=artist)
    ArtworkImageFactory(artwork=urn, alt_text="A man lets an urn fall", credit="© Ai Weiwei")
    seeds = ArtworkFactory(title="Sunflower Seeds", date_display="2010")
    ArtworkArtistFactory(artwork=seeds, artist=artist)
    stranger = ArtworkFactory(title="A Stranger's Work")
    ArtworkArtistFactory(artwork=stranger, artist=ArtistFactory(name="Someone Else"))
    return urn


def test_artwork_list_shows_artworks_with_artists(client, urn):
    """The artwork list shows titles, artists and dates."""
    content = text_of(client.get(reverse("artworks:artwork-list")))

    assert "Dropping a Han Dynasty Urn" in content
    assert "Sunflower Seeds" in content
    assert "Ai Weiwei" in content
    assert "1995" in content
    assert urn.get_absolute_url() in content


def test_artwork_page_shows_caption_lines_and_image(client, urn):
    """The artwork page shows its composed caption lines under its described image."""
    content = text_of(client.get(urn.get_absolute_url()))

    assert "Ai Weiwei, Dropping a Han Dynasty Urn (1995)" in content
    assert "Three black and white photographs, each 148 x 121cm" in content
    assert 'alt="A man lets an urn fall"' in content
    assert "© Ai Weiwei" in content


def test_artwork_page_shows_details(client, urn):
    """The details list the classification, credit line, accession number and subjects."""
    content = text_of(client.get(urn.get_absolute_url()))

    assert "Photograph" in content
    assert "Courtesy of the artist" in content
    assert "P.2011.1" in content
    assert "Destruction" in content
    assert reverse("articles:tag-detail", args=["destruction"]) in content


def test_artwork_page_shows_other_works_by_the_artist(client, urn):
    """Other works by the same artist are listed; the work itself and strangers' are not."""
    response = client.get(urn.get_absolute_url())

    content = text_of(response)
    assert "Sunflower Seeds" in content
    assert "A Stranger" not in content
    assert [work.title for work in response.context["other_works"]] == ["Sunflower Seeds"]


def test_artwork_page_lists_articles_featuring_it(client, urn):
    """Published articles that show the work in a figure or feature it are listed."""
    in_figure = ArticleFigureFactory(artwork=urn, article=ArticleFactory(title="Urn in a figure"))
    featured = ArticleFactory(title="Urn featured")
    featured.featured_artworks.add(urn)
    ArticleFactory(title="Not about the urn")

    content = text_of(client.get(urn.get_absolute_url()))

    assert "Urn in a figure" in content
    assert in_figure.article.get_absolute_url() in content
    assert "Urn featured" in content
    assert "Not about the urn" not in content


def test_artwork_without_image_renders_without_img(client):
    """An artwork with no image yet renders as text, with no image tag."""
    artwork = ArtworkFactory(title="Lost Painting", date_display="c.1500", medium="Oil on panel")
    ArtworkArtistFactory(artwork=artwork, artist=ArtistFactory(name="Unknown Master"))

    content = text_of(client.get(artwork.get_absolute_url()))

    assert "Lost Painting" in content
    assert "Unknown Master" in content
    assert "c.1500" in content
    assert "Oil on panel" in content
    assert "<img" not in content


def test_artwork_without_image_in_list_renders_without_img(client):
    """The artwork list shows a work without an image as a text-only card."""
    ArtworkFactory(title="Lost Painting")

    content = text_of(client.get(reverse("artworks:artwork-list")))

    assert "Lost Painting" in content
    assert "<img" not in content


def test_artwork_without_artists_renders(client):
    """An artwork credited to nobody still has a page."""
    artwork = ArtworkFactory(title="Anonymous Vase", date_display="1700")

    content = text_of(client.get(artwork.get_absolute_url()))

    assert "Anonymous Vase" in content


@pytest.mark.parametrize("page_cache", [False, True])
def test_artwork_list_total_is_right_the_moment_an_artwork_comes_or_goes(
    client, settings, django_capture_on_commit_callbacks, page_cache
):
    """The total the list prints is kept between pages (pagecache/counts.py), and moves at once
    when an artwork is added or deleted."""
    settings.PAGE_CACHE = page_cache
    first = ArtworkFactory()
    ArtworkFactory()
    assert "2 works, by title" in text_of(client.get(reverse("artworks:artwork-list")))
    with django_capture_on_commit_callbacks(execute=True):
        ArtworkFactory()
    assert "3 works, by title" in text_of(client.get(reverse("artworks:artwork-list")))
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert "2 works, by title" in text_of(client.get(reverse("artworks:artwork-list")))
