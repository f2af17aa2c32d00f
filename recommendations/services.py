"""Moderating "You may also like" links: what a person decides, the engine keeps.

Every decision records who made it and when. The engine only ever replaces links whose status is
"suggested", so approving, pinning or rejecting a link (or adding one by hand) takes the pair out
of its hands for good; setting a link back to "suggested" hands it back.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from articles.models import Article
from pagecache import invalidate as pages
from recommendations.models import RelatedLink

Status = RelatedLink.Status

SELF_LINK_MESSAGE = "An article cannot link to itself."
HAND_ADDED_STATUSES = (Status.APPROVED, Status.PINNED, Status.REJECTED)
HAND_ADDED_MESSAGE = "A link added by hand is a decision: approve, pin or reject it."


def related_links_set_status(
    *, links: QuerySet[RelatedLink], status: str, user: AbstractBaseUser
) -> int:
    """Approve or reject links in bulk (or hand them back to the engine as suggestions) and
    return how many changed.

    Links already in that status are left alone. Approving leaves pinned links pinned: they
    are approved already, and a bulk approval should not quietly unpin them. Any other change
    takes a pinned link out of the pinned list (its position is cleared). Only the engine's
    links can go back to being suggestions (the engine would delete a person's link)."""
    if status not in {Status.APPROVED, Status.REJECTED, Status.SUGGESTED}:
        raise ValueError(f"Use related_link_pin() to pin links, not status {status!r}.")
    changing = links.exclude(status=status)
    if status == Status.APPROVED:
        changing = changing.exclude(status=Status.PINNED)
    if status == Status.SUGGESTED:
        changing = changing.exclude(origin=RelatedLink.Origin.STAFF)
    ids = list(changing.values_list("pk", flat=True))
    changed = RelatedLink.objects.filter(pk__in=ids)
    sources = set(changed.values_list("source_id", flat=True))
    count = changed.update(
        status=status, position=None, moderated_by=user, moderated_at=timezone.now()
    )
    pages.objects_changed(*Article.objects.filter(pk__in=sources).only("pk"))
    return count


def related_links_pin(*, links: QuerySet[RelatedLink], user: AbstractBaseUser) -> int:
    """Pin links in bulk, each at the end of its source's pinned list (best score first), and
    return how many were not pinned before."""
    pinned = 0
    for link in links.exclude(status=Status.PINNED).order_by("source_id", "-score", "pk"):
        related_link_pin(link=link, user=user)
        pinned += 1
    return pinned


def related_link_pin(
    *, link: RelatedLink, user: AbstractBaseUser, position: int | None = None
) -> RelatedLink:
    """Pin one link at the given position, or (with none) where it already is when it was
    pinned, else at the end of its source's pinned list."""
    if position is None:
        stored = RelatedLink.objects.filter(pk=link.pk).values("status", "position").first()
        if stored and stored["status"] == Status.PINNED and stored["position"] is not None:
            position = stored["position"]
        else:
            position = _next_position(source_id=link.source_id, excluding=link.pk)
    link.status = Status.PINNED
    link.position = position
    _record(link, user)
    link.save(update_fields=["status", "position", "moderated_by", "moderated_at"])
    return link


def related_link_moderate(
    *, link: RelatedLink, status: str, user: AbstractBaseUser, position: int | None = None
) -> RelatedLink:
    """Decide on one link: pin it (at position, see related_link_pin) or give it any other
    status, which takes it out of the pinned list. "Suggested" hands an engine link back to
    the engine; a link added by hand cannot be one (the engine would delete it)."""
    if status == Status.PINNED:
        return related_link_pin(link=link, user=user, position=position)
    if status not in Status.values:
        raise ValueError(f"Unknown status {status!r}.")
    if status == Status.SUGGESTED and link.origin == RelatedLink.Origin.STAFF:
        raise ValidationError({"status": HAND_ADDED_MESSAGE})
    link.status = status
    link.position = None
    _record(link, user)
    link.save(update_fields=["status", "position", "moderated_by", "moderated_at"])
    return link


def related_link_add(
    *,
    source: Article,
    target: Article,
    user: AbstractBaseUser,
    status: str = Status.APPROVED,
    position: int | None = None,
) -> RelatedLink:
    """Link two articles by hand (approved, pinned, or rejected to keep the engine from ever
    suggesting the pair).

    When a row for the pair exists already (typically the engine's suggestion), that row takes
    the decision instead of a duplicate being made; it keeps its origin, score and reasons."""
    if status not in HAND_ADDED_STATUSES:
        raise ValidationError({"status": HAND_ADDED_MESSAGE})
    if source.pk == target.pk:
        raise ValidationError({"target": SELF_LINK_MESSAGE})
    with transaction.atomic():
        link = _existing(source, target)
        if link is not None:
            return related_link_moderate(link=link, status=status, user=user, position=position)
        if status == Status.PINNED and position is None:
            position = _next_position(source_id=source.pk, excluding=None)
        link = RelatedLink(
            source=source,
            target=target,
            origin=RelatedLink.Origin.STAFF,
            status=status,
            position=position if status == Status.PINNED else None,
        )
        _record(link, user)
        try:
            with transaction.atomic():
                link.save()
        except IntegrityError:
            # The engine stored a suggestion for the pair meanwhile: decide on that one.
            existing = _existing(source, target)
            if existing is None:
                raise
            return related_link_moderate(link=existing, status=status, user=user, position=position)
        return link


def _existing(source: Article, target: Article) -> RelatedLink | None:
    return RelatedLink.objects.select_for_update().filter(source=source, target=target).first()


def _next_position(*, source_id: int, excluding: int | None) -> int:
    """One past the last pinned link of the source (0 for the first)."""
    last = (
        RelatedLink.objects.filter(source_id=source_id, status=Status.PINNED)
        .exclude(pk=excluding)
        .aggregate(last=Max("position"))["last"]
    )
    return 0 if last is None else last + 1


def _record(link: RelatedLink, user: AbstractBaseUser):
    link.moderated_by = user
    link.moderated_at = timezone.now()
