"""Who may do what to an article: Contributor, Editor and Moderator, through the real admin,
including hand-made POSTs that ask for more than the form offers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.forms import STATUS_REFUSED
from articles.models import Article, PublicationEvent
from tests.adminforms import article_form_data, form_errors
from tests.checks import form_overrides, passing_article
from tests.factories import ArticleFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

Status = Article.Status
Action = PublicationEvent.Action
ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def delete_url(article):
    return reverse("admin:articles_article_delete", args=[article.pk])


@pytest.fixture
def contributor(client):
    return staff_in(client, "Contributor")


@pytest.fixture
def editor(client):
    return staff_in(client, "Editor")


@pytest.fixture
def moderator(client):
    return staff_in(client, "Moderator")


# Contributor


def test_contributor_is_offered_draft_and_review_only(client, contributor):
    response = client.get(ADD_URL)

    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == [Status.DRAFT, Status.REVIEW]


def test_contributor_writes_a_draft_and_submits_it(client, contributor):
    response = client.post(ADD_URL, article_form_data(status=Status.DRAFT))
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(slug="the-urn")

    response = client.post(
        change_url(article),
        article_form_data(article, status=Status.REVIEW, **form_overrides("contributor")),
    )

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    event = article.publication_events.get()
    assert (event.action, event.by) == (Action.SUBMITTED, contributor)


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.UNPUBLISHED])
def test_contributor_crafted_post_to_publish_a_new_article_is_refused(client, contributor, status):
    response = client.post(ADD_URL, article_form_data(status=status))

    assert form_errors(response)["status"] == [STATUS_REFUSED]
    assert not Article.objects.exists()


def test_contributor_crafted_post_to_publish_a_draft_is_refused(client, contributor):
    article = ArticleFactory(status=Status.REVIEW, title="Waiting")

    response = client.post(
        change_url(article), article_form_data(article, status=Status.PUBLISHED, title="Live?")
    )

    assert form_errors(response)["status"] == [STATUS_REFUSED]
    article.refresh_from_db()
    assert (article.status, article.title) == (Status.REVIEW, "Waiting")
    assert not article.publication_events.filter(action=Action.PUBLISHED).exists()


def test_contributor_sees_published_work_read_only_and_cannot_post_to_it(client, contributor):
    article = ArticleFactory(title="Live")

    page = client.get(change_url(article))
    refused = client.post(change_url(article), article_form_data(article, title="Changed"))

    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert refused.status_code == 403
    article.refresh_from_db()
    assert article.title == "Live"


def test_contributor_cannot_delete_published_work(client, contributor):
    article = ArticleFactory()

    assert client.post(delete_url(article), {"post": "yes"}).status_code == 403
    client.post(
        CHANGELIST_URL,
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert Article.objects.filter(pk=article.pk).exists()


def test_contributor_cannot_delete_work_that_was_once_published(client, contributor):
    article = ArticleFactory()
    services.article_return_to_draft(article=article, user=None)

    assert client.post(delete_url(article), {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_contributor_may_delete_a_draft(client, contributor):
    article = ArticleFactory(status=Status.DRAFT)

    response = client.post(delete_url(article), {"post": "yes"})

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_contributor_cannot_run_the_publish_action(client, contributor):
    article = ArticleFactory(status=Status.REVIEW)

    client.post(CHANGELIST_URL, {"action": "publish_now", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.status == Status.REVIEW
    actions = client.get(CHANGELIST_URL).context["action_form"].fields["action"].choices
    assert "publish_now" not in dict(actions)


# Editor


def test_editor_publishes_now_and_it_is_on_the_record(client, editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)

    response = client.post(
        change_url(article), article_form_data(article, status="published", **form_overrides())
    )

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.is_published
    event = article.publication_events.first()  # the newest
    assert (event.action, event.by) == (Action.PUBLISHED, editor)
    page = client.get(change_url(article)).content.decode()
    assert f"Published by {editor.username} on" in page


def test_editor_schedules_and_the_admin_says_when_in_which_zone(client, editor, settings):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    when = timezone.localtime() + datetime.timedelta(days=2)

    response = client.post(
        change_url(article),
        article_form_data(
            article,
            status="published",
            published_at_0=when.strftime("%Y-%m-%d"),
            published_at_1=when.strftime("%H:%M:00"),
            **form_overrides(),
        ),
    )

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.is_scheduled and not article.is_published
    assert article.publication_events.first().action == Action.SCHEDULED
    page = client.get(change_url(article)).content.decode()
    assert "Scheduled: appears on" in page
    # The publication time field gave way to the action bar's schedule dialog, which says it.
    assert f"Times are in the site's time zone, <strong>{settings.TIME_ZONE}</strong>" in page


def test_editor_unpublishes_and_deletes_published_work(client, editor):
    article = ArticleFactory()

    client.post(CHANGELIST_URL, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED
    assert article.publication_events.first().by == editor

    assert client.post(delete_url(article), {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_editor_bulk_publishes(client, editor):
    articles = [passing_article(status=Status.REVIEW, published_at=None) for _ in range(3)]

    client.post(
        CHANGELIST_URL,
        {"action": "publish_now", "_selected_action": [a.pk for a in articles]},
    )

    assert Article.objects.published().count() == 3
    assert PublicationEvent.objects.filter(action=Action.PUBLISHED, by=editor).count() == 3


# Moderator


def test_moderator_cannot_add_or_change_articles(client, moderator):
    article = ArticleFactory(title="Live")

    assert client.get(ADD_URL).status_code == 403
    assert client.post(ADD_URL, article_form_data(status=Status.DRAFT)).status_code == 403
    assert client.post(change_url(article), article_form_data(article)).status_code == 403
    assert client.post(delete_url(article), {"post": "yes"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Live"
