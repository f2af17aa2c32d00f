"""How an article is named where editors pick or list it, so that two with the same title can
be told apart: "Title — Section, 4 Dec 2026 (draft) · /slug/". `str(article)` stays the title,
which readers see.

The date is the publication time of an article that has been published or scheduled, the last
change of a draft or an article in review; the state is said unless the article is public.
The section must be loaded with the article (select_related) for a list of labels to cost one
query.

A list of links names each link's two articles (some 200 labels on the moderation queue's page),
and their dates repeat: a date is written once per day and language (`_day`).
"""

import datetime
import functools

from django.utils import timezone, translation
from django.utils.formats import date_format

from articles.models import Article

Status = Article.Status


def article_state(article: Article) -> str:
    """ "" for a public article, else a word for where it stands."""
    if article.status == Status.PUBLISHED:
        return "scheduled" if article.is_scheduled else ""
    if article.status == Status.UNPUBLISHED:
        return "archived"
    return "in review" if article.status == Status.REVIEW else "draft"


def article_date(article: Article):
    """When it was (or will be) published; for work in progress, its last change."""
    if article.status in (Status.DRAFT, Status.REVIEW):
        return article.updated_at or article.created_at
    return article.published_at or article.updated_at


def article_details(article: Article) -> str:
    """ "Section, 4 Dec 2026 (draft) · /slug/": what tells an article from its namesakes."""
    parts = [str(article.section)] if article.section_id else []
    moment = article_date(article)
    if moment is not None:
        parts.append(_day(timezone.localtime(moment).date(), translation.get_language()))
    details = ", ".join(parts)
    state = article_state(article)
    if state:
        details = f"{details} ({state})" if details else f"({state})"
    return f"{details} · /{article.slug}/" if details else f"/{article.slug}/"


@functools.lru_cache(maxsize=1024)
def _day(day: datetime.date, language: str | None) -> str:
    """ "4 Dec 2026": the day, its month's name in `language` (the active one, that
    date_format() writes in), the year; nothing else of the moment is shown."""
    return date_format(day, "j M Y")


def article_label(article: Article) -> str:
    return f"{article.title} — {article_details(article)}"
