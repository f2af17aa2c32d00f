"""The verbs of the article form's action bar: which a user may take on an article in the state
it is in, what each does (a publishing service, articles/services.py) and what it answers.

The bar's buttons post `_action` with the form; the form's content is saved as ever
(services.article_save, keeping the article's status and time), then the action's service moves
it in the same transaction. A post without `_action` (the old format: `status` and
`published_at` as fields) still saves as it did."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

from articles import services, workflow
from articles.models import Article

Status = Article.Status
ACTION_FIELD = "_action"
OVERRIDE_PREFIX = "_override-"
SAVE, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, RETURN = (
    "save",
    "submit",
    "publish",
    "schedule",
    "unpublish",
    "return_to_draft",
)


@dataclass(frozen=True)
class Verb:
    action: str
    label: str
    dialog: str = ""  # the id of the <dialog> the button opens instead of posting at once
    primary: bool = False


def site_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def when(moment: datetime.datetime) -> str:
    """ "Fri 4 Dec, 09:00 GMT": a time as the bar and the messages say it, in the site's zone."""
    local = timezone.localtime(moment, site_zone())
    this_year = local.year == timezone.localtime(timezone.now(), site_zone()).year
    return date_format(local, "D j M, H:i T" if this_year else "D j M Y, H:i T")


def state_line(article: Article | None) -> str:
    """Where the article stands, for the bar: "Draft", "Scheduled for ...", "Public since ..."."""
    if article is None or article.pk is None:
        return "New draft"
    if article.is_scheduled:
        return f"Scheduled for {when(article.published_at)}"
    if article.is_published:
        return f"Public since {when(article.published_at)}"
    if article.status == Status.UNPUBLISHED:
        return "Unpublished (archived)"
    return article.get_status_display()


def verbs(user, article: Article | None) -> list[Verb]:
    """The buttons this user may press for this article (None: a new one), in the bar's order."""
    status = Status.DRAFT if article is None or article.pk is None else article.status
    publisher = workflow.can_publish(user)
    if not workflow.may_change(user, article if article and article.pk else None):
        return []
    found: list[Verb] = []
    if status == Status.DRAFT:
        found.append(Verb(SAVE, "Save draft", primary=not publisher))
        found.append(Verb(SUBMIT, "Submit for review"))
    else:
        found.append(Verb(SAVE, "Save"))
    if status in (Status.REVIEW, Status.UNPUBLISHED) or (
        status == Status.PUBLISHED and article.is_scheduled
    ):
        found.append(Verb(RETURN, "Return to draft"))
    if not publisher:
        return found
    if status == Status.PUBLISHED and article.is_scheduled:
        found.append(Verb(SCHEDULE, "Reschedule…", dialog="desk-schedule"))
        found.append(Verb(PUBLISH, "Publish now instead…", dialog="desk-publish", primary=True))
    elif status == Status.PUBLISHED:
        found.append(Verb(UNPUBLISH, "Unpublish…", dialog="desk-unpublish"))
    else:
        found.append(Verb(SCHEDULE, "Schedule…", dialog="desk-schedule"))
        found.append(Verb(PUBLISH, "Publish now…", dialog="desk-publish", primary=True))
    return found


def posted_action(data) -> str | None:
    return data.get(ACTION_FIELD) or None


def posted_overrides(data) -> dict[str, str]:
    """The reasons typed in the checks panel to override its warnings: {check id: reason}."""
    return {
        key.removeprefix(OVERRIDE_PREFIX): " ".join(value.split())
        for key, value in data.items()
        if key.startswith(OVERRIDE_PREFIX) and value.strip()
    }


def refuse_unavailable(action: str, user, article: Article | None) -> None:
    if action not in {verb.action for verb in verbs(user, article)}:
        raise ValidationError(
            "That step is not open to you for this article (it may have moved since you "
            "opened it): reload the page to see what you can do.",
            code="action",
        )


def posted_schedule_time(data) -> datetime.datetime:
    """The time chosen in the schedule dialog, in the site's zone; a time to come."""
    try:
        day = datetime.date.fromisoformat(data.get("_schedule_date", ""))
        clock = datetime.time.fromisoformat(data.get("_schedule_time", ""))
    except ValueError:
        raise ValidationError(
            "Choose the day and time to publish at (for example tomorrow, 09:00).",
            code="schedule",
        ) from None
    at = datetime.datetime.combine(day, clock.replace(second=0, microsecond=0), site_zone())
    if at <= timezone.now():
        raise ValidationError(
            f"{when(at)} has passed: choose a time to come, or publish now.", code="schedule"
        )
    return at


def take(action: str, *, article: Article, user, at=None, overrides=None) -> None:
    """Move the saved article by the action's service (refusals as the services raise them)."""
    if action == SUBMIT:
        services.article_submit(article=article, user=user, overrides=overrides)
    elif action == PUBLISH:
        services.article_publish(article=article, user=user, overrides=overrides)
    elif action == SCHEDULE:
        services.article_schedule(article=article, user=user, at=at, overrides=overrides)
    elif action == UNPUBLISH:
        services.article_unpublish(article=article, user=user)
    elif action == RETURN:
        services.article_return_to_draft(article=article, user=user)


def answer(action: str, article: Article) -> str:
    """What the action answers once done: its own message, not "changed successfully"."""
    if action == PUBLISH:
        return f"Published: now public at {article.get_absolute_url()}"
    if action == SCHEDULE:
        return f"Scheduled for {when(article.published_at)}"
    if action == SUBMIT:
        return "Submitted for review: an editor will take it from here."
    if action == UNPUBLISH:
        return f"Unpublished: {article.get_absolute_url()} no longer shows it to readers."
    if action == RETURN:
        return "Returned to draft."
    return "Draft saved." if article.status == Status.DRAFT else f"Saved. {state_line(article)}."
