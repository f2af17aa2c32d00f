"""Publishing through the services, as a command or the shell does: the rules, the record and
one domain signal, with nothing left for the admin to add."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import services
from articles.models import Article, PublicationEvent
from articles.signals import article_public_state_changed
from tests.checks import passing_article
from tests.factories import ArticleFactory, ArticleFigureFactory, SectionFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db

Status = Article.Status
Action = PublicationEvent.Action
DAY = datetime.timedelta(days=1)


@pytest.fixture
def heard():
    """The domain signals sent during the test, as (before, after) pairs."""
    calls = []

    def listen(sender, article, before, after, **kwargs):
        calls.append((before, after))

    article_public_state_changed.connect(listen, dispatch_uid="test-heard")
    yield calls
    article_public_state_changed.disconnect(dispatch_uid="test-heard")


def test_publishing_from_the_shell_does_everything_the_admin_does(heard):
    editor = staff_in(None, "Editor")
    article = passing_article(status=Status.REVIEW, published_at=None)
    heard.clear()

    assert services.article_publish(article=article, user=editor) is True

    article.refresh_from_db()
    assert article.is_published and article.first_published_at is not None
    assert article.updated_by == editor
    event = article.publication_events.first()
    assert (event.action, event.by, event.publication_time) == (
        Action.PUBLISHED,
        editor,
        article.published_at,
    )
    [(before, after)] = heard
    assert (before.public, after.public) == (False, True)
    assert (before.status, after.status) == (Status.REVIEW, Status.PUBLISHED)


def test_publishing_what_is_public_already_changes_nothing(heard):
    article = ArticleFactory()
    events, version = article.publication_events.count(), article.lock_version
    heard.clear()

    assert services.article_publish(article=article, user=None) is False

    article.refresh_from_db()
    assert (article.publication_events.count(), article.lock_version) == (events, version)
    assert heard == []


def test_republishing_keeps_the_first_publication_time():
    article = ArticleFactory()
    first = article.published_at
    services.article_unpublish(article=article, user=None)

    services.article_publish(article=article, user=None)

    article.refresh_from_db()
    assert article.published_at == first


def test_a_scheduled_article_published_now_appears_now():
    article = ArticleFactory(scheduled=True)
    assert article.is_scheduled

    services.article_publish(article=article, user=None)

    article.refresh_from_db()
    assert article.is_published
    assert [event.action for event in article.publication_events.all()[:2]] == [
        Action.RESCHEDULED,
        Action.SCHEDULED,
    ]


def test_a_figure_without_alt_text_keeps_an_article_unpublished(heard):
    article = ArticleFactory(status=Status.REVIEW)
    figure = ArticleFigureFactory(article=article)
    type(figure.artwork.primary_image).objects.update(alt_text="")
    heard.clear()

    with pytest.raises(ValidationError, match="Figure 1 has no alt text"):
        services.article_publish(article=article, user=None)

    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert heard == []


def test_a_contributor_may_submit_but_not_publish():
    contributor = staff_in(None, "Contributor")
    article = passing_article(status=Status.DRAFT)

    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, user=contributor)
    assert services.article_submit(article=article, user=contributor) is True

    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.publication_events.first().by == contributor


def test_a_contributor_may_not_touch_published_work():
    contributor = staff_in(None, "Contributor")
    article = ArticleFactory()

    with pytest.raises(PermissionDenied):
        services.article_return_to_draft(article=article, user=contributor)
    article.title = "Changed"
    with pytest.raises(PermissionDenied):
        services.article_save(article=article, user=contributor)


def test_a_time_to_come_schedules_and_a_time_past_publishes():
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    later = timezone.now() + DAY

    with pytest.raises(ValueError, match="article_schedule"):
        services.article_publish(article=article, user=None, at=later)
    with pytest.raises(ValueError, match="article_publish"):
        services.article_schedule(article=article, user=None, at=timezone.now() - DAY)
    assert services.article_schedule(article=article, user=None, at=later) is True

    article.refresh_from_db()
    assert article.is_scheduled
    assert article.publication_events.first().action == Action.SCHEDULED


def test_an_edit_sends_the_signal_only_when_the_article_moves(heard):
    article = ArticleFactory()
    heard.clear()

    article.title = "A new title"
    services.article_save(article=article, user=None)
    assert heard == []

    article.section = SectionFactory()
    services.article_save(article=article, user=None)
    [(before, after)] = heard
    assert before.public and after.public
    assert before.section_id != after.section_id


def test_deleting_an_article_is_heard_as_leaving(heard):
    article = ArticleFactory()
    heard.clear()

    article.delete()

    [(before, after)] = heard
    assert before.public and after is None


def test_a_new_article_must_be_saved_before_it_is_published():
    with pytest.raises(ValueError, match="article_save"):
        services.article_publish(article=Article(title="Unsaved"), user=None)
