"""The pre-publish checks in the publishing services: blocking or warning by role and by the
setting, warnings overridden with a reason that goes into the publishing record, and nothing
saved when the checks refuse."""

import datetime

import pytest
from django.utils import timezone

from articles import prepublish, services
from articles.models import Article, ArticleFigure, PublicationEvent
from tests.checks import overrides, passing_article
from tests.factories import ArticleFactory, ArticleFigureFactory
from tests.staff import staff_in

pytestmark = pytest.mark.django_db
Status = Article.Status
Action = PublicationEvent.Action


@pytest.fixture
def editor():
    return staff_in(None, "Editor")


@pytest.fixture
def contributor():
    return staff_in(None, "Contributor")


def without_alt_text(article):
    figure = ArticleFigureFactory(article=article, credit="© The museum", caption="A caption")
    type(figure.artwork.primary_image).objects.update(alt_text="")
    return figure


def test_a_blocking_check_refuses_and_nothing_moves(editor):
    article = passing_article(status=Status.REVIEW, published_at=None)
    without_alt_text(article)

    with pytest.raises(prepublish.ChecksRefused) as refused:
        services.article_publish(
            article=article, user=editor, overrides={"alt_text": "Publishing anyway"}
        )

    assert refused.value.messages == [
        "Alt text describes every picture: Figure 1 has no alt text: describe the picture, "
        "or tick “decorative”."
    ]
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not article.publication_events.filter(action=Action.PUBLISHED).exists()


def test_a_warning_stops_until_overridden_with_a_reason_kept_on_the_record(editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)  # no byline, no tag

    with pytest.raises(prepublish.ChecksRefused) as refused:
        services.article_publish(article=article, user=editor)
    assert [r.id for r in refused.value.report.stopping] == ["byline", "tags", "standfirst_length"]
    assert "At least one tag: Add at least one tag. (or override the warning with a reason)" in (
        refused.value.messages
    )

    reasons = {
        "standfirst_length": "Short on purpose",
        "byline": "An editorial",
        "tags": "Tags come tomorrow",
    }
    assert services.article_publish(article=article, user=editor, overrides=reasons) is True

    event = article.publication_events.first()
    assert (event.action, event.overrides) == (Action.PUBLISHED, reasons)


def test_a_blank_reason_is_no_reason(editor):
    article = passing_article(status=Status.REVIEW, published_at=None)
    ArticleFactory(title=article.title.upper())

    with pytest.raises(prepublish.ChecksRefused):
        services.article_publish(article=article, user=editor, overrides={"duplicate_title": "   "})
    assert services.article_publish(
        article=article, user=editor, overrides={"duplicate_title": " Two  series "}
    )
    assert article.publication_events.first().overrides == {"duplicate_title": "Two series"}


def test_scheduling_and_submitting_run_the_checks_too(editor, contributor):
    later = timezone.now() + datetime.timedelta(days=1)
    article = ArticleFactory(status=Status.DRAFT, published_at=None)

    with pytest.raises(prepublish.ChecksRefused):
        services.article_schedule(article=article, user=editor, at=later)
    with pytest.raises(prepublish.ChecksRefused):
        services.article_submit(article=article, user=contributor)
    article.refresh_from_db()
    assert article.status == Status.DRAFT

    assert services.article_submit(
        article=article, user=contributor, overrides=overrides("contributor")
    )


def test_a_contributor_may_submit_over_missing_alt_text_with_a_reason(contributor, editor):
    """Alt text is a warning for contributors (an editor will see to it) and blocks editors."""
    article = passing_article(status=Status.DRAFT, published_at=None)
    without_alt_text(article)

    assert services.article_submit(
        article=article, user=contributor, overrides={"alt_text": "Waiting for the museum"}
    )
    with pytest.raises(prepublish.ChecksRefused):
        services.article_publish(article=article, user=editor, overrides=overrides())


def test_the_setting_changes_a_checks_severity_per_role(editor, settings):
    article = passing_article(status=Status.REVIEW, published_at=None)
    article.tags.clear()
    settings.PREPUBLISH_CHECKS = {"tags": {"editor": "blocking"}, "byline": {"editor": "off"}}

    report = prepublish.run(article, user=editor, overrides={"tags": "No reason enough"})

    assert "byline" not in [r.id for r in report.results]
    assert [(r.id, r.state) for r in report.stopping] == [("tags", "blocking")]
    with pytest.raises(prepublish.ChecksRefused):
        services.article_publish(article=article, user=editor, overrides={"tags": "No"})

    settings.PREPUBLISH_CHECKS = {"tags": {"editor": "urgent"}}
    with pytest.raises(ValueError, match="urgent"):
        prepublish.run(article, user=editor)


def test_the_system_keeps_only_the_alt_text_rule():
    """A command or the demo (user=None) publishes without a byline or tags, never without alt
    text."""
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    assert services.article_publish(article=article, user=None)

    other = ArticleFactory(status=Status.REVIEW, published_at=None)
    without_alt_text(other)
    with pytest.raises(prepublish.ChecksRefused):
        services.article_publish(article=other, user=None)


def test_a_live_article_saved_where_it_is_keeps_only_the_blocking_rules(editor):
    article = ArticleFactory()  # public, with no byline: warnings are not asked again
    article.title = "Retitled"
    services.article_save(article=article, user=editor)

    figure = without_alt_text(article)
    with pytest.raises(prepublish.ChecksRefused):
        services.article_save(article=article, user=editor)
    ArticleFigure.objects.filter(pk=figure.pk).update(decorative=True)
    services.article_save(article=article, user=editor)


def test_a_check_id_is_registered_once():
    [check] = [c for c in prepublish.registered() if c.id == "tags"]
    with pytest.raises(ValueError, match="registered already"):
        prepublish.register(check)
