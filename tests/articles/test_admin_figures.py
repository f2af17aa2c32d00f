"""The article form's figures (articles/admin_figures.py): positions numbered 0..n-1 in the order
the form gives, an upload kept across a validation error, the other kind's image refused."""

import pytest
from django.urls import reverse

from articles.models import Article, ArticleFigure
from images import kept_uploads, uses
from images.models import Image
from tests.adminforms import article_form_data, form_errors, management_form
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkImageFactory,
    ImageFactory,
    png_upload,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def artwork_figures(*positions):
    """Posted figures of fresh artworks (each with an image) at the given typed positions."""
    fields, artworks = {}, []
    for index, position in enumerate(positions):
        artwork = ArtworkImageFactory().artwork
        artworks.append(artwork)
        fields[f"figures-{index}-position"] = str(position)
        fields[f"figures-{index}-artwork"] = str(artwork.pk)
    return fields, artworks


def test_new_figures_are_numbered_in_the_order_of_their_positions(admin_client):
    """Typed positions 5, 2, 9 save as 1, 0, 2: the order is kept, the gaps close."""
    fields, artworks = artwork_figures(5, 2, 9)
    posted = article_form_data(**management_form("figures", total=3), **fields)

    response = admin_client.post(ADD_URL, posted)

    assert response.status_code == 302, form_errors(response)
    figures = Article.objects.get().ordered_figures()
    assert [(f.position, f.artwork) for f in figures] == [
        (0, artworks[1]),
        (1, artworks[0]),
        (2, artworks[2]),
    ]


def test_moving_a_figure_renumbers_the_others(admin_client):
    """The third figure given position 0 leads; the others follow it, 0..n-1."""
    article = ArticleFactory()
    first, second, third = (ArticleFigureFactory(article=article, position=n) for n in (1, 2, 3))
    posted = article_form_data(article, **management_form("figures", total=3, initial=3))
    for index, (figure, position) in enumerate(((first, 1), (second, 2), (third, 0))):
        posted |= {
            f"figures-{index}-id": str(figure.pk),
            f"figures-{index}-article": str(article.pk),
            f"figures-{index}-position": str(position),
            f"figures-{index}-artwork": str(figure.artwork_id),
        }

    response = admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), posted
    )

    assert response.status_code == 302, form_errors(response)
    assert [f.pk for f in article.figures.order_by("position")] == [third.pk, first.pk, second.pk]
    assert list(article.figures.order_by("position").values_list("position", flat=True)) == [
        0,
        1,
        2,
    ]


def test_an_upload_is_kept_when_the_form_comes_back_with_an_error(admin_client):
    """A figure's file survives a refused title; sent again without it, the figure has it."""
    posted = article_form_data(
        title="",
        **management_form("figures", total=1),
        **{
            "figures-0-position": "1",
            "figures-0-image": png_upload("blue-field.png"),
            "figures-0-alt_text": "A blue canvas",
            "figures-0-focal_x": "0.2",
            "figures-0-focal_y": "0.7",
        },
    )

    refused = admin_client.post(ADD_URL, posted)

    assert list(form_errors(refused)) == ["title"]
    kept = Image.objects.get()
    assert kept.original_name == "blue-field.png"
    page = refused.content.decode()
    assert "Kept from your last try: “blue-field.png”" in page
    assert kept.file.url in page  # its preview, where the focal point is set
    token = refused.context["inline_admin_formsets"][1].formset.forms[0]["image"].field.widget
    posted |= {"title": "A Field of Blue", "figures-0-image-kept": token.kept_token}
    del posted["figures-0-image"]

    saved = admin_client.post(ADD_URL, posted)

    assert saved.status_code == 302, form_errors(saved)
    figure = Article.objects.get().figures.get()
    assert figure.image == kept
    assert (figure.image.focal_x, figure.image.focal_y) == (0.2, 0.7)
    assert Image.objects.count() == 1


def test_a_forged_or_taken_kept_upload_is_not_used(admin_client):
    """Only a token the form signed, for an image no use took, brings an image back."""
    taken = ArticleFigureFactory(artwork=None, image=ImageFactory(), alt_text="A picture").image
    token = kept_uploads.token_for(taken, uses.use_of(ArticleFigure, "image"))
    for forged in (token, str(taken.pk), token[:-2] + "xx"):
        posted = article_form_data(
            **management_form("figures", total=1),
            **{
                "figures-0-position": "1",
                "figures-0-image-kept": forged,
                "figures-0-alt_text": "Someone else's picture",
            },
        )

        response = admin_client.post(ADD_URL, posted)

        assert list(form_errors(response)) == ["figures-0-__all__"]  # artwork or upload


def test_an_image_of_another_artwork_is_refused(admin_client):
    """The picker is limited in the browser; the server refuses a mismatch anyway."""
    chosen, elsewhere = ArtworkImageFactory(), ArtworkImageFactory()
    posted = article_form_data(
        **management_form("figures", total=1),
        **{
            "figures-0-position": "1",
            "figures-0-artwork": str(chosen.artwork_id),
            "figures-0-artwork_image": str(elsewhere.pk),
        },
    )

    errors = form_errors(admin_client.post(ADD_URL, posted))

    assert errors == {"figures-0-artwork_image": ["That image belongs to another artwork."]}
    assert not Article.objects.exists()
