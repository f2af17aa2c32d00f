"""Two people at once on an article's related links: the clients, the article, and reading and
posting its change page, the queue and a link's page the way a browser does."""

import pytest
from django.test import Client
from django.urls import reverse

from recommendations import engine
from recommendations.models import RelatedLink
from tests.adminforms import browser_post_data, form_errors
from tests.factories import ArticleFactory, ArtistFactory, RelatedLinkFactory
from tests.staff import staff_in

Status = RelatedLink.Status
QUEUE_URL = reverse("admin:recommendations_relatedlink_changelist")
INLINE = "related_links"


@pytest.fixture
def editor():
    client = Client()
    return client, staff_in(client, "Editor", username="ana")


@pytest.fixture
def moderator():
    client = Client()
    return client, staff_in(client, "Moderator", username="mo")


@pytest.fixture
def source():
    """An article with suggestions, one approved link and two pinned ones."""
    article = ArticleFactory(title="The Urn")
    RelatedLinkFactory.create_batch(3, source=article)
    RelatedLinkFactory(source=article, status=Status.APPROVED)
    RelatedLinkFactory(source=article, status=Status.PINNED, position=0)
    RelatedLinkFactory(source=article, status=Status.PINNED, position=1)
    return article


def article_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def link_url(link):
    return reverse("admin:recommendations_relatedlink_change", args=[link.pk])


def opened(client, article) -> dict[str, list[str]]:
    """The article's change page as the browser would post it, opened now."""
    return browser_post_data(client.get(article_url(article)), "article_form")


def row_of(data, link) -> str:
    """The prefix of the row that shows `link` in posted article form data."""
    index = next(
        key.split("-")[1]
        for key, values in data.items()
        if key.startswith(f"{INLINE}-") and key.endswith("-id") and values == [str(link.pk)]
    )
    return f"{INLINE}-{index}-"


def queue_action(client, action, links, **extra):
    selected = [str(link.pk) for link in links]
    return client.post(QUEUE_URL, {"action": action, "_selected_action": selected, **extra})


def inline_errors(response) -> list[str]:
    return [
        message
        for name, messages in form_errors(response).items()
        if name.startswith(INLINE)
        for message in messages
    ]


def saved_title(article) -> str:
    article.refresh_from_db()
    return article.title


def decide(client, action, link):
    if action == "delete":
        return queue_action(client, "delete_selected", [link], post="yes")
    return queue_action(client, action, [link])


def row_of_queue(data, link) -> str:
    index = next(
        key.split("-")[1]
        for key, values in data.items()
        if key.startswith("form-") and key.endswith("-id") and values == [str(link.pk)]
    )
    return f"form-{index}-"


def related_by_artist(count: int):
    """An article and `count` others sharing its artist, with the engine's suggestions."""
    artist = ArtistFactory()
    article = ArticleFactory(title="The Urn")
    article.featured_artists.add(artist)
    for _ in range(count):
        ArticleFactory().featured_artists.add(artist)
    engine.refresh_article(article.pk)
    return article
