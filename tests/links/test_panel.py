"""The article change page's "Outbound links" panel: each address the article uses, its state
in words, when checked, where it moved, dead or not, the archived copy; escaped; read only (a
post without it saves the article as before)."""

import datetime

import pytest
from django.urls import reverse

from links.models import Link, LinkUse
from tests.adminforms import article_form_data
from tests.factories import ArticleFactory, ArticleLinkFactory
from tests.links.queue_helpers import found
from tests.staff import staff_in

pytestmark = pytest.mark.django_db


def change_page(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk]))


def panel_html(response) -> str:
    content = response.content.decode()
    start = content.index('class="module links-panel"')
    return content[start : content.index("</fieldset>", start)]


def test_the_panel_lists_each_address_with_its_state(client):
    staff_in(client, "Editor")
    article = ArticleFactory(
        body='<p><a href="https://gone.example/a">a</a> <a href="https://moved.example/b">b</a></p>'
    )
    ArticleLinkFactory(article=article, url="https://fine.example/c")
    found(Link.objects.get(url="https://gone.example/a"), Link.Status.GONE, http_status=410)
    found(
        Link.objects.get(url="https://moved.example/b"),
        Link.Status.REDIRECTED,
        redirect_url="https://moved.example/new-b",
    )
    LinkUse.objects.filter(link__url="https://gone.example/a").update(
        archive_url="https://web.archive.org/web/20110403000000/https://gone.example/a",
        archived_on=datetime.date(2011, 4, 3),
    )

    panel = panel_html(change_page(client, article))

    assert panel.count("links-panel__row") >= 3
    assert "https://gone.example/a" in panel and "Gone (HTTP 410): <strong>dead</strong>" in panel
    assert "Moved permanently" in panel and "https://moved.example/new-b" in panel
    assert (
        "https://fine.example/c" in panel
        and "Not checked yet" in panel
        and "outbound links" in panel
    )
    assert "https://web.archive.org/web/20110403000000/https://gone.example/a, 3 Apr 2011" in panel


def test_a_contributor_sees_the_panel_of_their_draft(client):
    contributor = staff_in(client, "Contributor")
    article = ArticleFactory(
        draft=True, created_by=contributor, body='<p><a href="https://gone.example/a">a</a></p>'
    )

    response = change_page(client, article)

    assert response.status_code == 200
    assert "https://gone.example/a" in panel_html(response)


def test_hostile_addresses_in_the_panel_are_escaped(client):
    staff_in(client, "Editor")
    article = ArticleFactory(
        body='<p><a href="https://evil.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a></p>'
    )

    panel = panel_html(change_page(client, article))

    assert "<script>alert(1)" not in panel and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel


def test_the_article_saves_as_before_with_or_without_the_panels_fields(client):
    staff_in(client, "Editor")
    article = ArticleFactory(body='<p><a href="https://gone.example/a">a</a></p>')

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, title="Retitled"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Retitled"
    assert LinkUse.objects.filter(article=article).count() == 1


def test_the_add_form_has_no_panel(client):
    staff_in(client, "Editor")
    response = client.get(reverse("admin:articles_article_add"))
    assert "links-panel" not in response.content.decode()
