"""How an article is named where editors pick or list it, so that two with the same title can
be told apart: "Title — Section, 4 Dec 2026 (draft) · /slug/". `str(article)` stays the title,
which readers see.

The date is the publication time of an article that has been published or scheduled, the last
change of a draft or an article in review; the state is said unless the article is public.
The section must be loaded with the article (select_related) for a list of labels to cost one
query."""

from django.utils import timezone
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
        parts.append(date_format(timezone.localtime(moment), "j M Y"))
    details = ", ".join(parts)
    state = article_state(article)
    if state:
        details = f"{details} ({state})" if details else f"({state})"
    return f"{details} · /{article.slug}/" if details else f"/{article.slug}/"


def article_label(article: Article) -> str:
    return f"{article.title} — {article_details(article)}"
