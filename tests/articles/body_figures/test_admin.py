"""The article's change form and the body's figures: saved from the body, never shown nor
deleted by the figure cards, seen by the checks panel."""

import pytest

from articles.models import ArticleFigure
from tests.articles.body_figures.test_render import node, shown_artwork
from tests.factories import ArticleFactory, ArticleFigureFactory, ImageFactory
from tests.revisions.adminpages import admin_save, admin_url, form_data

pytestmark = pytest.mark.django_db


def test_saving_the_form_keeps_body_and_ordered_figures_apart(admin_client):
    ordered = ArticleFigureFactory(position=0)
    article = ordered.article
    artwork = shown_artwork()

    admin_save(admin_client, admin_url(article), body=f"<p>a</p>{node(artwork)}")

    rows = ArticleFigure.objects.filter(article=article)
    assert list(rows.filter(in_body=False)) == [ordered]
    (in_body,) = rows.filter(in_body=True)
    assert (in_body.artwork, in_body.size) == (artwork, "wide")
    response = admin_client.get(admin_url(article))
    assert response.context["inline_admin_formsets"]
    shown = [
        form.instance
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is ArticleFigure
        for form in inline.formset.forms
    ]
    assert shown == [ordered]


def test_the_figure_cards_cannot_delete_a_body_figure(admin_client):
    """A forged post naming a body row in the cards: not one of the cards' rows, so nothing of
    it is deleted or changed (Django's formset takes only rows of the inline's queryset)."""
    artwork = shown_artwork()
    article = ArticleFactory(body=node(artwork))
    (in_body,) = ArticleFigure.objects.filter(article=article, in_body=True)
    data = form_data(admin_client.get(admin_url(article)))
    prefix = "figures"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "1",
            f"{prefix}-0-id": str(in_body.pk),
            f"{prefix}-0-article": str(article.pk),
            f"{prefix}-0-artwork": str(artwork.pk),
            f"{prefix}-0-position": "0",
            f"{prefix}-0-DELETE": "on",
        }
    )

    response = admin_client.post(admin_url(article), data)

    assert response.status_code in {200, 302}
    assert ArticleFigure.objects.filter(pk=in_body.pk, in_body=True, artwork=artwork).exists()
    assert ArticleFigure.objects.filter(article=article).count() == 1


def test_the_checks_panel_names_body_figures(admin_client):
    upload = ImageFactory(original_name="IMG_0042.jpg")
    article = ArticleFactory(body="<p>x</p>", status="draft")
    article.body = f'<figure data-image="{upload.pk}" data-alt="IMG_0042.jpg"></figure>'
    article.save()

    page = admin_client.get(admin_url(article)).content.decode()

    assert "Body figure 1" in page
