"""What the editors' desk lists, as QuerySets: each list and each count is one query, whatever
the number of articles (the labels read the section, joined here)."""

from datetime import datetime

from django.db.models import F, OuterRef, QuerySet, Subquery

from articles.admin_dashboard import mine
from articles.models import Article, PublicationEvent

Status = Article.Status


def _listed() -> QuerySet:
    return Article.objects.select_related("section")


def awaiting_review(*, user=None) -> QuerySet:
    """Articles in review, the longest waiting first, each with `submitted_at` and
    `submitted_by` (a username) from its latest submission; only the user's own when given."""
    submissions = PublicationEvent.objects.filter(
        article=OuterRef("pk"), action=PublicationEvent.Action.SUBMITTED
    ).order_by("-at", "-pk")
    articles = _listed().filter(status=Status.REVIEW)
    if user is not None:
        articles = articles.filter(mine(user))
    return articles.annotate(
        submitted_at=Subquery(submissions.values("at")[:1]),
        submitted_by=Subquery(submissions.values("by__username")[:1]),
    ).order_by(F("submitted_at").asc(nulls_first=True), "pk")


def scheduled_between(start: datetime, end: datetime) -> QuerySet:
    """Articles scheduled at `start` (still to come then) to appear before `end`, soonest first."""
    return _listed().scheduled_at(start).filter(published_at__lt=end).order_by("published_at", "pk")


def scheduled_after(start: datetime, end: datetime) -> QuerySet:
    """Articles scheduled at `start` to appear at `end` or later."""
    return Article.objects.scheduled_at(start).filter(published_at__gte=end)


def drafts_of(user) -> QuerySet:
    """The user's drafts, the last changed first."""
    return _listed().filter(status=Status.DRAFT).filter(mine(user)).order_by("-updated_at", "-pk")


def published_since(when: datetime) -> QuerySet:
    return Article.objects.published().filter(published_at__gte=when)


def recently_published() -> QuerySet:
    return _listed().published().newest_first()
