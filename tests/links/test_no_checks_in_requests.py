"""The checker never runs inside a page request: public pages and admin pages that show
outbound links, and saving and publishing an article with them, send nothing to the site the
links point at (a local server that records every request)."""

import pytest
from django.http import HttpResponse
from django.urls import path, reverse

from articles import services
from links.models import Link
from links.scheduling import check_soon
from tests.factories import ArticleFactory, ArticleLinkFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


def test_pages_and_admin_pages_with_links_send_nothing(client, web):
    article = ArticleFactory(body=f'<p>See <a href="{web.url("/ok")}">the preview</a>.</p>')
    ArticleLinkFactory(article=article, url=web.url("/interview"))
    for address in ("/ok", "/interview", "/404"):
        Link.objects.get_or_create(url=web.url(address), defaults={"host": "127.0.0.1"})

    pages = ["/", article.get_absolute_url(), "/articles/"]
    for page in pages:
        assert client.get(page).status_code == 200, page

    staff_in(client, "Editor")
    admin_pages = [
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_changelist"),
        reverse("admin:index"),
    ]
    for page in admin_pages:
        assert client.get(page).status_code == 200, page

    services.article_unpublish(article=article, user=None)
    services.article_publish(article=article, user=None)

    assert web.seen == []
    assert not Link.objects.filter(checked_at__isnull=False).exists()


def recheck_view(request):
    """What an editor's "recheck now" does in its request: check_soon, and answer."""
    count = check_soon(Link.objects.all())
    return HttpResponse(f"{count} queued")


urlpatterns = [path("recheck/", recheck_view)]


def test_a_request_that_calls_check_soon_checks_nothing(client, web, settings):
    """With the immediate backend (which would run a task inside the request) nothing is
    queued and nothing is fetched; the links are only due now."""
    settings.ROOT_URLCONF = __name__
    Link.objects.create(url=web.url("/ok"), host="127.0.0.1")

    response = client.get("/recheck/")

    assert response.content == b"1 queued"
    assert web.seen == []
    link = Link.objects.get()
    assert link.checked_at is None and link.next_check_at is not None
