"""The publishing record the publishing services leave, whoever calls them."""

import datetime

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article, PublicationEvent
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

Status = Article.Status
Action = PublicationEvent.Action


def actions(article) -> list[str]:
    return list(article.publication_events.order_by("at", "pk").values_list("action", flat=True))


def move(article, status, published_at=None):
    if status == Status.PUBLISHED and published_at and published_at > timezone.now():
        services.article_schedule(article=article, user=None, at=published_at)
    elif status == Status.PUBLISHED:
        services.article_publish(article=article, user=None, at=published_at)
    else:
        MOVES[status](article=article, user=None)


MOVES = {
    Status.DRAFT: services.article_return_to_draft,
    Status.REVIEW: services.article_submit,
    Status.UNPUBLISHED: services.article_unpublish,
}


def test_a_life_from_draft_to_archive_is_on_the_record():
    article = ArticleFactory(status=Status.DRAFT, published_at=None)
    move(article, Status.REVIEW)
    move(article, Status.DRAFT)
    move(article, Status.REVIEW)
    move(article, Status.PUBLISHED)
    move(article, Status.UNPUBLISHED)
    move(article, Status.PUBLISHED)

    assert actions(article) == [
        Action.SUBMITTED,
        Action.RETURNED,
        Action.SUBMITTED,
        Action.PUBLISHED,
        Action.UNPUBLISHED,
        Action.PUBLISHED,
    ]


def test_scheduling_and_rescheduling_record_the_time():
    later = timezone.now() + datetime.timedelta(days=1)
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    move(article, Status.PUBLISHED, published_at=later)
    move(article, Status.PUBLISHED, published_at=later + datetime.timedelta(hours=2))

    newest, first = article.publication_events.all()[:2]
    assert (first.action, first.publication_time) == (Action.SCHEDULED, later)
    assert newest.action == Action.RESCHEDULED


def test_saves_that_change_no_status_leave_no_event():
    article = ArticleFactory()
    before = actions(article)
    article.title = "New title"
    article.save()

    assert actions(article) == before == [Action.PUBLISHED]


def test_publishing_sets_the_time_and_the_first_publication_once():
    article = ArticleFactory(status=Status.DRAFT, published_at=None)
    move(article, Status.PUBLISHED)
    first = article.first_published_at
    move(article, Status.UNPUBLISHED)
    move(article, Status.PUBLISHED)

    assert article.published_at is not None and first is not None
    assert article.first_published_at == first
    assert article.ever_published


def test_every_save_moves_the_lock_version_on():
    article = ArticleFactory()
    version = article.lock_version
    article.save()
    article.save(update_fields=["title"])

    article.refresh_from_db()
    assert article.lock_version == version + 2
