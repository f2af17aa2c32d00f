"""Editing articles in the admin: mistakes come back as form errors, never as a 500."""

import pytest
from django.urls import reverse

from articles.models import Article
from artworks.models import ArtworkArtist
from tests.adminforms import form_errors, management_form
from tests.checks import form_overrides
from tests.factories import (
    ArticleFactory,
    ArtistFactory,
    ArtworkArtistFactory,
    ArtworkFactory,
    ArtworkImageFactory,
    SectionFactory,
    png_upload,
)
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


@pytest.fixture
def editor(client):
    """A staff member in the Editor group (not a superuser)."""
    return staff_in(client, "Editor")


def article_data(**fields):
    """A complete article add form with empty byline, figures and links."""
    data = {
        "title": "The Urn",
        "slug": "the-urn",
        "section": str(SectionFactory().pk),
        "standfirst": "A standfirst.",
        "body": "<p>A body.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at_0": "",
        "published_at_1": "",
        "meta_description": "",
        **management_form("article_authors"),
        **management_form("figures"),
        **management_form("links"),
    }
    data.update(fields)
    return data


def test_add_page_has_the_inline_prefixes_the_tests_post(admin_client):
    """The add form's inlines use the prefixes these tests post with."""
    content = admin_client.get(ADD_URL).content.decode()

    for prefix in ("article_authors", "figures", "links"):
        assert f'name="{prefix}-TOTAL_FORMS"' in content


def test_editor_can_open_the_article_pages(client, editor):
    """A non-superuser editor can list and add articles."""
    ArticleFactory()

    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert client.get(ADD_URL).status_code == 200


def test_duplicate_slug_is_a_form_error(admin_client):
    """A slug already in use is refused on the form, not by a database error."""
    ArticleFactory(slug="the-urn")

    response = admin_client.post(ADD_URL, article_data(slug="the-urn"))

    assert list(form_errors(response)) == ["slug"]
    assert Article.objects.count() == 1


def test_standalone_figure_without_alt_text_is_a_form_error(admin_client):
    """An uploaded figure image must be described for readers who cannot see it."""
    data = article_data(
        **management_form("figures", total=1),
        **{"figures-0-position": "0", "figures-0-image": png_upload(), "figures-0-alt_text": " "},
    )

    response = admin_client.post(ADD_URL, data)

    assert list(form_errors(response)) == ["figures-0-alt_text"]
    assert not Article.objects.exists()


def test_figure_with_neither_artwork_nor_image_is_a_form_error(admin_client):
    """A figure with a caption but no picture asks for an artwork or an upload."""
    data = article_data(
        **management_form("figures", total=1),
        **{"figures-0-position": "0", "figures-0-caption": "A caption without a picture"},
    )

    response = admin_client.post(ADD_URL, data)

    assert list(form_errors(response)) == ["figures-0-__all__"]


def test_figure_of_artwork_without_image_is_a_form_error(admin_client):
    """An artwork with no image cannot be shown as a figure yet."""
    artwork = ArtworkFactory()
    data = article_data(
        **management_form("figures", total=1),
        **{"figures-0-position": "0", "figures-0-artwork": str(artwork.pk)},
    )

    response = admin_client.post(ADD_URL, data)

    assert list(form_errors(response)) == ["figures-0-artwork"]


def test_figure_with_another_artworks_image_is_a_form_error(admin_client):
    """A figure cannot show an image that belongs to a different artwork."""
    artwork = ArtworkImageFactory().artwork
    elsewhere = ArtworkImageFactory()
    data = article_data(
        **management_form("figures", total=1),
        **{
            "figures-0-position": "0",
            "figures-0-artwork": str(artwork.pk),
            "figures-0-artwork_image": str(elsewhere.pk),
        },
    )

    response = admin_client.post(ADD_URL, data)

    assert list(form_errors(response)) == ["figures-0-artwork_image"]


def test_editor_creates_article_with_artwork_figure_and_readers_see_it(client, editor):
    """An editor adds an article with an artwork figure; readers see it with its caption."""
    artwork = ArtworkFactory(
        title="Dropping a Han Dynasty Urn",
        date_display="1995",
        medium="Three black and white photographs",
        dimensions_display="each 148 x 121cm",
    )
    ArtworkArtistFactory(
        artwork=artwork, artist=ArtistFactory(name="Ai Weiwei"), role=ArtworkArtist.Role.ARTIST
    )
    ArtworkImageFactory(artwork=artwork, alt_text="Three photographs of a man dropping an urn")
    data = article_data(
        **management_form("figures", total=1),
        **{"figures-0-position": "0", "figures-0-artwork": str(artwork.pk)},
        **form_overrides(),
    )

    response = client.post(ADD_URL, data)

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(slug="the-urn")
    assert article.is_published
    assert article.figures.get().artwork == artwork

    client.logout()
    page = client.get(article.get_absolute_url())

    assert page.status_code == 200
    content = page.content.decode()
    assert "The Urn" in content
    assert "Ai Weiwei, Dropping a Han Dynasty Urn (1995)" in content
    assert "Three black and white photographs, each 148 x 121cm" in content


def test_article_saved_as_draft_is_not_public(client, editor):
    """An article the editor saves as a draft stays a 404 for readers."""
    response = client.post(ADD_URL, article_data(status=Article.Status.DRAFT))

    assert response.status_code == 302, form_errors(response)
    client.logout()
    assert client.get(reverse("articles:article-detail", args=["the-urn"])).status_code == 404
