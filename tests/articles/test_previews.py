"""Preview links: any article as readers will see it, for anyone with an unexpired, untampered
link; kept out of search engines and caches."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles import previews
from articles.models import Article
from tests.factories import ArticleFactory, ArticleFigureFactory, ArtworkFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def draft():
    article = ArticleFactory(
        title="Not Yet", standfirst="Coming soon.", status=Article.Status.DRAFT, tags=["Ink"]
    )
    ArticleFigureFactory(article=article, artwork=ArtworkFactory(title="Blue Field"))
    return article


def test_preview_renders_a_draft_as_the_public_page_would(client, draft):
    """No login needed; the page is the article template with its figure and tags."""
    response = client.get(previews.preview_path(draft))

    assert response.status_code == 200
    assert response.templates[0].name == "articles/article_detail.html"
    content = response.content.decode()
    assert "Not Yet" in content and "Blue Field" in content and "Ink" in content
    assert "not public (draft)" in content


@pytest.mark.parametrize(
    "state",
    [
        {"status": Article.Status.REVIEW},
        {"status": Article.Status.UNPUBLISHED},
        {"published_at": timezone.now() + datetime.timedelta(days=3)},
        {},
    ],
    ids=["in-review", "unpublished", "scheduled", "published"],
)
def test_preview_shows_every_status(client, state):
    article = ArticleFactory(title="Any State", **state)

    assert client.get(previews.preview_path(article)).status_code == 200


def test_preview_is_noindex_and_never_cached(client, draft):
    response = client.get(previews.preview_path(draft))

    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_public_pages_are_not_marked_noindex(client):
    article = ArticleFactory()

    content = client.get(article.get_absolute_url()).content.decode()

    assert 'name="robots"' not in content


def test_preview_link_expires_after_48_hours_by_default(client, draft):
    path = previews.preview_path(draft)

    with time_machine.travel(timezone.now() + 47 * HOUR):
        assert client.get(path).status_code == 200
    with time_machine.travel(timezone.now() + 49 * HOUR):
        assert client.get(path).status_code == 404


def test_preview_lifetime_is_a_setting(client, draft, settings):
    settings.PREVIEW_LINK_HOURS = 1
    path = previews.preview_path(draft)

    with time_machine.travel(timezone.now() + 2 * HOUR):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "x" + token,  # payload changed
        lambda token: token.split(":")[0],  # signature removed
        lambda token: "garbage",
        lambda token: "é" * 300,
    ],
    ids=["signature", "payload", "unsigned", "garbage", "unicode"],
)
def test_tampered_preview_tokens_are_404(client, draft, tamper):
    token = previews.preview_token(draft)

    response = client.get(reverse("articles:article-preview", args=[tamper(token)]))

    assert response.status_code == 404


def test_token_for_another_purpose_is_refused(client, draft):
    """A value signed with the same key for something else is not a preview link."""
    token = signing.dumps({"article": draft.pk}, salt="something.else")

    assert client.get(reverse("articles:article-preview", args=[token])).status_code == 404


def test_preview_of_a_deleted_article_is_404(client, draft):
    path = previews.preview_path(draft)
    draft.delete()

    assert client.get(path).status_code == 404


def test_admin_change_page_offers_the_preview_link(admin_client, draft):
    response = admin_client.get(reverse("admin:articles_article_change", args=[draft.pk]))

    content = response.content.decode()
    assert 'class="preview-link"' in content
    assert "/preview/" in content and "without an account" in content
