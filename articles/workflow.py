"""The editorial workflow: who may set which status, and what a save leaves on the record
(publication events, and redirects from the addresses a public article had)."""

from dataclasses import dataclass
from datetime import datetime

from articles.models import Article
from articles.records import PublicationEvent, SlugRedirect

Status = Article.Status
Action = PublicationEvent.Action

PUBLISH_PERMISSION = "articles.publish_article"
# What anyone who may edit an article may set; the rest needs PUBLISH_PERMISSION.
UNPRIVILEGED_STATUSES = (Status.DRAFT, Status.REVIEW)
# Statuses in which an article is, or has been, in front of readers.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.UNPUBLISHED)


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def allowed_statuses(user) -> list[Status]:
    return list(Status) if can_publish(user) else list(UNPRIVILEGED_STATUSES)


def may_change(user, article: Article | None) -> bool:
    """Published and archived work is changed only by those who may publish."""
    return article is None or can_publish(user) or article.status not in PUBLIC_STATUSES


def may_delete(user, article: Article | None) -> bool:
    """Work that has ever been published is deleted only by those who may publish."""
    return article is None or can_publish(user) or not article.ever_published


def figures_missing_alt_text(article: Article) -> list[int]:
    """Positions (from 1) of the figures that keep the article from being published."""
    return [
        position
        for position, figure in enumerate(article.ordered_figures(), start=1)
        if figure.needs_alt_text()
    ]


@dataclass(frozen=True)
class StateBefore:
    """An article's slug, status and publication time as stored before a save."""

    slug: str
    status: str
    published_at: datetime | None

    @classmethod
    def of(cls, article: Article) -> "StateBefore | None":
        if article._state.adding or article.pk is None:
            return None
        row = (
            Article.objects.filter(pk=article.pk)
            .values_list("slug", "status", "published_at")
            .first()
        )
        return cls(*row) if row else None


def record_changes(article: Article, before: StateBefore | None) -> None:
    """After a save: note a status change on the publishing record, and keep the old address
    of an article that has been public working."""
    _record_publication_event(article, before)
    if before and before.slug != article.slug and before.status in PUBLIC_STATUSES:
        SlugRedirect.objects.update_or_create(old_slug=before.slug, defaults={"article": article})
    # An address in use is nobody's old address any more.
    SlugRedirect.objects.filter(old_slug=article.slug).delete()


def _record_publication_event(article: Article, before: StateBefore | None) -> None:
    action = _action_for(article, before)
    if action is not None:
        PublicationEvent.objects.create(
            article=article,
            action=action,
            by=article.updated_by,
            publication_time=article.published_at if article.status == Status.PUBLISHED else None,
        )


def _action_for(article: Article, before: StateBefore | None) -> Action | None:
    old_status = before.status if before else None
    if article.status == Status.PUBLISHED:
        if old_status != Status.PUBLISHED:
            return Action.SCHEDULED if article.is_scheduled else Action.PUBLISHED
        if before.published_at != article.published_at:
            return Action.RESCHEDULED
        return None
    if old_status == article.status:
        return None
    if article.status == Status.UNPUBLISHED:
        return Action.UNPUBLISHED
    if article.status == Status.REVIEW:
        return Action.SUBMITTED
    if old_status is not None:  # back to draft from review, published or archived
        return Action.RETURNED
    return None
