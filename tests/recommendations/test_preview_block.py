"""A preview is never a reader: the article's preview link and the admin's live preview show
the "You may also like" block with each card linking straight to its article's public address,
with no click token and no impression script, while the public page links through the click
redirect and sends its impression."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles import previews
from recommendations.models import RelatedLink
from tests.adminforms import browser_post_data
from tests.factories import ArticleFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

HREF = re.compile(r'class="card__link" href="([^"]*)"')


@pytest.fixture
def source():
    source = ArticleFactory(title="The source", status="draft")
    for n, status in enumerate(["pinned", "approved", "suggested"], start=1):
        target = ArticleFactory(title=f"Target {n}", slug=f"target-{n}")
        RelatedLink.objects.create(
            source=source, target=target, score=1 / n, status=status,
            position=1 if status == "pinned" else None,
        )  # fmt: skip
    return source


def block_of(content: str) -> str:
    start = content.index('<section class="related')
    return content[start : content.index("</section>", start)]


def assert_uncounted(content: str):
    block = block_of(content)
    assert HREF.findall(block) == [f"/articles/target-{n}/" for n in (1, 2, 3)]
    assert "/r/" not in content
    assert "data-block" not in block and "data-seen" not in block
    assert "impressions.js" not in content
    assert "Chosen by the editors" in block  # the notes are still there


def test_the_preview_links_block_counts_nothing(source):
    response = Client().get(previews.preview_path(source))
    assert response.status_code == 200
    assert_uncounted(response.content.decode())


def test_the_admins_live_preview_counts_nothing(client, source):
    staff_in(client, "Editor")
    change = client.get(reverse("admin:articles_article_change", args=[source.pk]))
    response = client.post(
        reverse("admin:articles_article_live_preview", args=[source.pk]),
        browser_post_data(change, "article_form"),
    )
    assert response.status_code == 200, response.content[:500]
    assert_uncounted(response.content.decode())


def test_the_public_page_still_links_through_the_redirect_and_counts(source):
    source.status = "published"
    source.save()
    content = Client().get(source.get_absolute_url()).content.decode()
    block = block_of(content)
    assert all(href.startswith("/r/") for href in HREF.findall(block))
    assert len(HREF.findall(block)) == 3
    assert "data-block=" in block and "impressions.js" in content
