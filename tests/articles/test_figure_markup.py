"""Figures in pages: <picture> with WebP and fallback srcsets, the original's width and height,
lazy loading below the fold, alt text and the credit line; the original until renditions exist;
and alt text required to publish."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.workflow import missing_alt_text_message
from tests.adminforms import article_form_data, form_errors, management_form
from tests.checks import form_overrides, passing_article
from tests.factories import (
    ArticleFactory,
    ArticleFigureFactory,
    ArtworkFactory,
    ArtworkImageFactory,
)

pytestmark = pytest.mark.django_db


def made_renditions(image) -> dict:
    """The renditions JSON images.tasks stores (the files themselves are not needed to render)."""
    stem = image.file.name.rsplit(".", 1)[0]
    return {
        "source": image.file.name,
        "focal": [0.5, 0.5],
        "width": 2000,
        "height": 1000,
        "widths": [
            {
                "w": w,
                "h": w // 2,
                "webp": f"renditions/{stem}/w{w}.webp",
                "fallback": f"renditions/{stem}/w{w}.png",
            }
            for w in (480, 960, 1600)
        ],
        "social": {"name": f"renditions/{stem}/social.jpg", "w": 1200, "h": 630},
    }


def figure_with_renditions(article, *, credit="Photo: Tate", **image_fields):
    artwork = ArtworkFactory()
    image = ArtworkImageFactory(artwork=artwork, credit=credit, **image_fields).image
    type(image).objects.filter(pk=image.pk).update(
        renditions=made_renditions(image), width=2000, height=1000
    )
    return ArticleFigureFactory(article=article, artwork=artwork)


def test_figures_are_responsive_pictures(client):
    article = ArticleFactory()
    for _ in range(3):
        figure_with_renditions(article)

    content = client.get(article.get_absolute_url()).content.decode()

    assert content.count("<picture>") >= 3
    assert '<source type="image/webp" srcset="/media/renditions/' in content
    assert "w480.webp 480w, " in content and "w1600.webp 1600w" in content
    assert 'srcset="/media/renditions/' in content and "w960.png 960w" in content
    assert 'sizes="(min-width: 56rem) 56rem, 100vw"' in content
    assert 'width="2000" height="1000"' in content
    assert content.count('loading="eager"') == 1  # the lead figure only
    assert 'loading="lazy"' in content
    assert "Photo: Tate" in content
    assert 'property="og:image" content="http://testserver/media/renditions/' in content


def test_without_renditions_the_original_is_shown(client):
    article = ArticleFactory()
    figure = ArticleFigureFactory(article=article)
    original = figure.artwork.primary_image.image.file.url

    content = client.get(article.get_absolute_url()).content.decode()

    assert f'<img src="{original}"' in content
    assert "srcset" not in content.split('class="article__lead')[1].split("</figure>")[0]


def test_stale_renditions_are_ignored(client):
    article = ArticleFactory()
    figure = figure_with_renditions(article)
    image = figure.artwork.primary_image.image
    type(image).objects.filter(pk=image.pk).update(
        renditions={**image.renditions, "source": "old.png"}
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert "/media/renditions/" not in content


def test_decorative_figure_has_empty_alt(client):
    article = ArticleFactory()
    figure_with_renditions(article, alt_text="", decorative=True)

    content = client.get(article.get_absolute_url()).content.decode()

    assert 'alt=""' in content


def publish(client, article, **fields):
    figures = list(article.figures.all())
    data = article_form_data(
        article,
        status="published",
        **management_form("figures", total=len(figures), initial=len(figures)),
        **fields,
    )
    for index, figure in enumerate(figures):
        data.update(
            {
                f"figures-{index}-id": str(figure.pk),
                f"figures-{index}-article": str(article.pk),
                f"figures-{index}-position": str(figure.position),
                f"figures-{index}-artwork": str(figure.artwork_id or ""),
                f"figures-{index}-alt_text": figure.alt_text,
                f"figures-{index}-caption": figure.caption,
                f"figures-{index}-credit": figure.credit,
            }
        )
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


def test_alt_text_is_required_to_publish(admin_client):
    """An image without a description (as an import may leave one) blocks publishing."""
    article = ArticleFactory(status=Article.Status.REVIEW)
    figure = ArticleFigureFactory(article=article)
    type(figure.artwork.primary_image).objects.update(alt_text="")

    response = publish(admin_client, article)

    assert form_errors(response)["figures-__all__"] == [missing_alt_text_message(1)]
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW

    response = publish(admin_client, article, **{"figures-0-decorative": "on"}, **form_overrides())

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_bulk_publish_skips_an_article_missing_alt_text(admin_client):
    blocked = ArticleFactory(status=Article.Status.REVIEW, title="Blocked")
    figure = ArticleFigureFactory(article=blocked)
    type(figure.artwork.primary_image).objects.update(alt_text="")
    fine = passing_article(status=Article.Status.REVIEW, published_at=None)

    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [blocked.pk, fine.pk]},
        follow=True,
    )

    blocked.refresh_from_db()
    fine.refresh_from_db()
    assert (blocked.status, fine.status) == (Article.Status.REVIEW, Article.Status.PUBLISHED)
    assert "“Blocked” was not published" in response.content.decode()
