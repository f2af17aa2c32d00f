"""The editors' desk on the admin's home page (adminsite/index.py): lists with counts, each
linking to the article list filtered the same way.

Editors (who may publish) see what awaits review, the week ahead (the next seven days, day by
day in the site's time zone, and how many are scheduled later), their drafts and what was
published lately. Contributors see their own drafts and their own articles in review, and
what was published lately. Someone who may not see articles gets no desk."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.labels import article_details
from desk import selectors

SHOWN = 8  # articles per list
WEEK_SHOWN = 50  # articles in the week view
WEEK_DAYS = 7
RECENT_DAYS = 7


@dataclass
class DeskList:
    key: str
    title: str
    count: int
    articles: list
    link: str
    empty: str
    more: int = 0


@dataclass
class Day:
    day: date
    articles: list = field(default_factory=list)

    @property
    def link(self) -> str:
        """The article list's scheduled articles of this day (its date hierarchy, which reads
        days in the site's time zone)."""
        return _changelist(
            {
                "stands": "scheduled",
                "published_at__year": self.day.year,
                "published_at__month": self.day.month,
                "published_at__day": self.day.day,
            }
        )


def dashboard_context(request) -> dict | None:
    user = request.user
    if not user.has_perm("articles.view_article"):
        return None
    now = timezone.now()
    writes = user.has_perm("articles.add_article") or user.has_perm("articles.change_article")
    lists = []
    week = None
    if workflow.can_publish(user):
        lists.append(_review_list(selectors.awaiting_review(), "Awaiting review", {}))
        week = _week(now)
    elif writes:
        lists.append(
            _review_list(selectors.awaiting_review(user=user), "My articles in review", MINE)
        )
    if writes:
        lists.append(
            _list(
                "drafts",
                "My drafts",
                selectors.drafts_of(user),
                {"stands": "draft", **MINE},
                "No drafts of yours.",
            )
        )
    # Counted over the last days, while the list shows the newest whatever their age.
    recent = _list(
        "recent",
        "Recently published",
        selectors.recently_published(),
        {"stands": "public"},
        "Nothing published yet.",
        counted=selectors.published_since(now - timedelta(days=RECENT_DAYS)),
    )
    lists.append(recent)
    return {"desk_lists": lists, "week": week, "recent_days": RECENT_DAYS, "now": now}


MINE = {"whose": "mine"}


def _changelist(params: dict) -> str:
    url = reverse("admin:articles_article_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _change(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def _shown(articles) -> list:
    return [
        {"article": article, "url": _change(article), "details": article_details(article)}
        for article in articles
    ]


def _list(
    key: str, title: str, queryset: QuerySet, params: dict, empty: str, counted=None
) -> DeskList:
    """The first articles of `queryset` and how many there are (of `counted` when given: then
    the list shows the newest whatever their age, and the count is over the last days)."""
    shown = _shown(queryset[:SHOWN])
    if counted is not None:
        return DeskList(key, title, counted.count(), shown, _changelist(params), empty)
    count = queryset.count() if len(shown) == SHOWN else len(shown)
    return DeskList(key, title, count, shown, _changelist(params), empty, count - len(shown))


def _review_list(queryset: QuerySet, title: str, params: dict) -> DeskList:
    return _list("review", title, queryset, {"stands": "review", **params}, "Nothing in review.")


def _week(now: datetime) -> dict:
    """The next seven days from today, day by day in the site's time zone, with the articles
    scheduled in each, and how many are scheduled after them."""
    today = timezone.localdate(now)
    days = [Day(today + timedelta(days=offset)) for offset in range(WEEK_DAYS)]
    end = timezone.make_aware(datetime.combine(today + timedelta(days=WEEK_DAYS), time.min))
    scheduled = list(selectors.scheduled_between(now, end)[: WEEK_SHOWN + 1])
    by_day = {day.day: day for day in days}
    for entry in _shown(scheduled[:WEEK_SHOWN]):
        article = entry["article"]
        moment = timezone.localtime(article.published_at)
        # The day says the date: the section and the address tell namesakes apart.
        details = f"{article.section} · /{article.slug}/"
        by_day[moment.date()].articles.append({**entry, "time": moment, "details": details})
    count = (
        len(scheduled)
        if len(scheduled) <= WEEK_SHOWN
        else selectors.scheduled_between(now, end).count()
    )
    return {
        "days": days,
        "count": count,
        "more": count - min(len(scheduled), WEEK_SHOWN),
        "later": selectors.scheduled_after(now, end).count(),
        "link": _changelist({"stands": "scheduled"}),
        "today": today,
    }
