"""What readers see of a series: its public parts in part order, and an article's place among
them ("Part 2 of 4", the previous and next public parts).

A part is public when the article is (`Article.objects.published()`, or `is_live()`, its Python
twin held to the same truth table) and the series is (`Series.objects.public()`); drafts,
articles in review, scheduled and unpublished ones are skipped as if they were not there, so
"Previous" after part 3 is part 1 while part 2 is a draft.

"of N": the planned number of parts when the series has one and it is not below the highest
public part (a column that outgrew its plan counts what is there), else the highest public part.

The article page asks for its navigation once (`navigation()`, one statement compiled once per
process: sqlreads/compiled.py), and its JSON-LD and both places it is shown read the same answer,
kept on the article.
"""

from dataclasses import dataclass
from functools import cache

from django.urls import reverse
from django.utils import timezone

import pagecache
from articles.cached_pages import series_key
from articles.models import Article
from articles.querysets import is_live
from articles.series import Series
from pagecache.tracking import note
from sqlreads import compiled


@dataclass(frozen=True, slots=True)
class PartLink:
    part: int
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Navigation:
    series_title: str
    series_url: str
    part: int
    of: int
    previous: PartLink | None
    next: PartLink | None

    @property
    def label(self) -> str:
        return f"Part {self.part} of {self.of}"


def public_parts(series: Series):
    """The public parts of `series` in part order (none when the series is not public)."""
    return (
        Article.objects.published()
        .filter(series=series, series__in=Series.objects.public())
        .order_by("series_part", "pk")
    )


def series_with_parts():
    """The public series with at least one public part, in their order (the /series/ index)."""
    return Series.objects.public().filter(parts__in=Article.objects.published()).distinct()


def parts_total(planned: int | None, highest: int) -> int:
    """The N of "Part 2 of N"."""
    return planned if planned and planned >= highest else highest


# The navigation is kept on the article it was read for (its JSON-LD asks before its page).
_KEPT = "_series_navigation"


def navigation(article: Article) -> Navigation | None:
    """Where `article` stands in its series among the public parts, or None when it is in no
    series or its series is not public. The article itself need not be public (the preview):
    its own part is counted, and its neighbours are the public parts before and after it."""
    if not article.series_id or not article.series_part:
        return None
    kept = article.__dict__.get(_KEPT)
    if kept is not None and kept[0] == (article.series_id, article.series_part):
        return kept[1]
    found = _navigation(article)
    article.__dict__[_KEPT] = ((article.series_id, article.series_part), found)
    return found


def _navigation(article: Article) -> Navigation | None:
    # Made public (or back) later, the series changes the page (pagecache tracks the Series).
    pagecache.record_shown(Series, [article.series_id])
    rows = _parts_read().rows(series=article.series_id)
    if not rows:
        return None
    title, slug, planned = rows[0][:3]
    # Any part entering or leaving the public set changes this page's "of N" or neighbours:
    # the page depends on the series' set key, which such a change moves
    # (articles/cached_pages.py public_article_keys()).
    note({series_key(slug)})
    now = timezone.now()
    mine = article.series_part
    before = after = None
    highest = mine
    for _, _, _, pk, part_slug, part_title, part, status, published_at in rows:
        if pk is None or pk == article.pk or not is_live(status, published_at, now):
            continue
        highest = max(highest, part)
        if part < mine:
            before = (pk, part, part_title, part_slug)  # the last one before wins (part order)
        elif part > mine and after is None:
            after = (pk, part, part_title, part_slug)
    shown = [found for found in (before, after) if found is not None]
    pagecache.record_shown(Article, [pk for pk, *_ in shown])
    return Navigation(
        series_title=title,
        series_url=reverse("articles:series-detail", kwargs={"slug": slug}),
        part=mine,
        of=parts_total(planned, highest),
        previous=_link(before),
        next=_link(after),
    )


def _link(found) -> PartLink | None:
    if found is None:
        return None
    _, part, title, slug = found
    return PartLink(part, title, reverse("articles:article-detail", kwargs={"slug": slug}))


@cache
def _parts_read() -> compiled.Read:
    """The public series with every one of its parts (a row per part, or one row with no part),
    in part order: whether a part is public is decided in Python (is_live()), so the statement
    holds no moment and is compiled once."""
    return compiled.Read(
        lambda series: (
            Series.objects.public()
            .filter(pk=series)
            .order_by("parts__series_part")
            .values_list(
                "title",
                "slug",
                "planned_parts",
                "parts__pk",
                "parts__slug",
                "parts__title",
                "parts__series_part",
                "parts__status",
                "parts__published_at",
            )
        ),
        series=int,
    )
