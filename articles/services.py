"""Publishing articles: the one front door, whoever knocks (the admin's form and bulk actions,
the demo, a command, the shell, tests).

Each service takes keyword arguments, checks that `user` may do it (None is the system: a
command or the demo, which needs no permission), applies the publish rules (workflow.py), saves
the row, writes the publishing record (a PublicationEvent for each change of status or
publication time; a SlugRedirect for each address a public article gives up) and, when the
article's place for readers changed, sends `article_public_state_changed` (signals.py) once,
with the states before and after. What follows (fresh pages, recommendations) listens to that
signal.

    article_publish(article=article, user=editor)            # now (or keep a past time)
    article_schedule(article=article, user=editor, at=later)
    article_unpublish(article=article, user=editor)
    article_submit(article=article, user=contributor)
    article_return_to_draft(article=article, user=editor)
    article_save(article=article, user=editor)               # an edited article, as it is

Submitting, publishing and scheduling (and a save that does one of them) run the pre-publish
checks (articles/prepublish/) first, for the user's role: a blocking problem, or a warning
not in `overrides` ({check id: reason}), refuses the move with `prepublish.ChecksRefused` (a
ValidationError) and nothing is saved; the reasons given go into the publishing record.

The status services return whether the article moved: False when it was there already."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles import prepublish, workflow
from articles.models import Article
from articles.public_state import PublicState
from articles.records import PublicationEvent, SlugRedirect
from articles.signals import article_public_state_changed

Status = Article.Status
Action = PublicationEvent.Action
User = AbstractBaseUser | None
Overrides = dict[str, str] | None  # {pre-publish check id: the reason a warning is overridden}


def article_save(*, article: Article, user: User, overrides: Overrides = None) -> Article:
    """Save an article as it was edited: its content, and whatever status and publication time
    it was given (the admin's form, a revert and the demo save this way)."""
    now = timezone.now()
    with transaction.atomic():
        before = _stored(article, now=now)
        _check_permission(user, article, before)
        return _commit(article, before, user, now=now, overrides=overrides)


def article_publish(
    *, article: Article, user: User, at: datetime | None = None, overrides: Overrides = None
) -> bool:
    """Make the article public now, or at `at` in the past. Without `at`, an article that was
    public before keeps its time, and a scheduled one appears now. Already public: no change."""
    now = timezone.now()
    if at is not None and at > now:
        raise ValueError("A publication time in the future schedules: use article_schedule().")

    def when(before: PublicState):
        if at is not None:
            return at
        if before.published_at is not None and before.published_at <= now:
            return before.published_at
        return now

    return _move(article, user, Status.PUBLISHED, when, now=now, overrides=overrides)


def article_schedule(
    *, article: Article, user: User, at: datetime, overrides: Overrides = None
) -> bool:
    """Publish the article at `at`, a time to come: it appears everywhere at that minute."""
    now = timezone.now()
    if at <= now:
        raise ValueError("A publication time that has passed publishes: use article_publish().")
    return _move(article, user, Status.PUBLISHED, lambda before: at, now=now, overrides=overrides)


def article_unpublish(*, article: Article, user: User) -> bool:
    """Take the article away from readers (archived); its addresses answer 404."""
    return _move(article, user, Status.UNPUBLISHED, _kept_time, now=timezone.now())


def article_submit(*, article: Article, user: User, overrides: Overrides = None) -> bool:
    """Submit the article for review by an editor."""
    return _move(article, user, Status.REVIEW, _kept_time, now=timezone.now(), overrides=overrides)


def article_return_to_draft(*, article: Article, user: User) -> bool:
    """Send the article back to draft (from review, or off the site)."""
    return _move(article, user, Status.DRAFT, _kept_time, now=timezone.now())


def article_announce_deletion(sender, instance: Article, **kwargs) -> None:
    """pre_delete receiver (ArticlesConfig.ready): an article deleted, however (the admin, a
    cascade), leaves the public set, while its rows are still there to say which lists it was
    in."""
    before = PublicState.of(instance, now=timezone.now())
    article_public_state_changed.send(sender=Article, article=instance, before=before, after=None)


# The one path every service takes --------------------------------------------------------------


def _kept_time(before: PublicState):
    return before.published_at


def _move(
    article: Article, user: User, status: str, when, *, now: datetime, overrides: Overrides = None
) -> bool:
    with transaction.atomic():
        before = _stored(article, now=now)
        if before is None:
            raise ValueError("Save the new article first (article_save), then publish it.")
        article.status, article.published_at = status, when(before)
        _check_permission(user, article, before)
        if (before.status, before.published_at) == (status, article.published_at):
            return False
        _commit(article, before, user, now=now, overrides=overrides)
        return True


def _stored(article: Article, *, now: datetime) -> PublicState | None:
    """The article's state as stored (its row locked until the transaction ends), or None for
    an article not saved yet."""
    if article.pk is None or article._state.adding:
        return None
    row = (
        Article.objects.select_for_update()
        .filter(pk=article.pk)
        .values_list("status", "published_at", "section_id", "slug")
        .first()
    )
    return None if row is None else PublicState.from_row(*row, now=now)


def _check_permission(user: User, article: Article, before: PublicState | None) -> None:
    if user is None:
        return
    needed = "articles.add_article" if before is None else "articles.change_article"
    if not user.has_perm(needed) or not workflow.may_change(user, before):
        raise PermissionDenied(f"{user} may not change “{article}”.")
    status_changes = before.status != article.status if before else article.status != Status.DRAFT
    if status_changes and article.status not in workflow.allowed_statuses(user):
        raise PermissionDenied(f"{user} may not set “{article}” to {article.get_status_display()}.")


def _commit(
    article: Article, before: PublicState | None, user: User, *, now, overrides: Overrides = None
) -> Article:
    if article.status == Status.PUBLISHED:
        # "Leave empty to publish now": the same moment the public state is judged at.
        article.published_at = article.published_at or now
    report = _run_checks(article, before, user, overrides)
    if user is not None:
        article.updated_by = user
        if before is None:
            article.created_by = article.created_by or user
    article.save()
    after = PublicState.of(article, now=now)
    _record(article, before, after, user, overrides=report.overrides if report else {})
    if before is None or not before.same_place(after):
        article_public_state_changed.send(
            sender=Article, article=article, before=before, after=after
        )
    return article


def _run_checks(
    article: Article, before: PublicState | None, user: User, overrides: Overrides
) -> prepublish.Report | None:
    """The pre-publish checks of an article going into review or out to readers (submitted,
    published, scheduled, rescheduled): all of them. A published article saved where it is:
    only what blocks (a live article never loses its alt text), no warnings asked again."""
    if article.status not in (Status.REVIEW, Status.PUBLISHED):
        return None
    moving = (
        before is None
        or before.status != article.status
        or _to_the_second(before.published_at) != _to_the_second(article.published_at)
    )
    if not moving and article.status == Status.REVIEW:
        return None
    return prepublish.enforce(article, user=user, overrides=overrides, warnings=moving)


def _to_the_second(moment: datetime | None) -> datetime | None:
    """Times as forms show them and revisions keep them (to the second, or the millisecond): the
    same time sent back is no move."""
    return moment.replace(microsecond=0) if moment else None


def _record(
    article: Article, before: PublicState | None, after: PublicState, user: User, *, overrides
):
    """The publishing record: a status change on it, and the old address of an article that
    has been public kept working."""
    action = _action(before, after)
    if action is not None:
        PublicationEvent.objects.create(
            article=article,
            action=action,
            by=user,
            publication_time=after.published_at if after.status == Status.PUBLISHED else None,
            overrides=overrides,
        )
    if before and before.slug != after.slug and before.status in workflow.PUBLIC_STATUSES:
        SlugRedirect.objects.update_or_create(old_slug=before.slug, defaults={"article": article})
    # An address in use is nobody's old address any more.
    SlugRedirect.objects.filter(old_slug=after.slug).delete()


def _action(before: PublicState | None, after: PublicState) -> Action | None:
    old_status = before.status if before else None
    if after.status == Status.PUBLISHED:
        if old_status != Status.PUBLISHED:
            return Action.SCHEDULED if after.scheduled else Action.PUBLISHED
        if before.published_at != after.published_at:
            return Action.RESCHEDULED
        return None
    if old_status == after.status:
        return None
    if after.status == Status.UNPUBLISHED:
        return Action.UNPUBLISHED
    if after.status == Status.REVIEW:
        return Action.SUBMITTED
    if old_status is not None:  # back to draft from review, published or archived
        return Action.RETURNED
    return None
