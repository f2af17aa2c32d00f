"""The editorial workflow's rules: who may set which status, change or delete what, and what
keeps an article from being published. The publishing services (services.py) apply them; the
admin's forms use them to offer only what a user may do and to refuse early."""

from collections.abc import Iterable

from articles.querysets import Status

PUBLISH_PERMISSION = "articles.publish_article"
# What anyone who may edit an article may set; the rest needs PUBLISH_PERMISSION.
UNPRIVILEGED_STATUSES = (Status.DRAFT, Status.REVIEW)
# Statuses in which an article is, or has been, in front of readers.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.UNPUBLISHED)


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def allowed_statuses(user) -> list[Status]:
    return list(Status) if can_publish(user) else list(UNPRIVILEGED_STATUSES)


def may_change(user, article) -> bool:
    """Published and archived work is changed only by those who may publish."""
    return article is None or can_publish(user) or article.status not in PUBLIC_STATUSES


def may_delete(user, article) -> bool:
    """Work that has ever been published is deleted only by those who may publish."""
    return article is None or can_publish(user) or not article.ever_published


def figures_missing_alt_text(figures: Iterable) -> list[int]:
    """Positions (from 1) of the figures, in order, that keep their article from being
    published: a picture with no description that is not marked decorative. The publishing
    services pass an article's saved figures, the admin's figure formset those of its form."""
    return [position for position, figure in enumerate(figures, start=1) if figure.needs_alt_text()]


def missing_alt_text_message(position: int) -> str:
    return (
        f"Figure {position} has no alt text: describe the picture, or tick “decorative”, "
        "before the article is published."
    )
