"""The public article lists that are paginated (every public article, a section's, a tag's):
their totals and the keys of their deep pages, kept in the cache with exact invalidation
(pagecache/counts.py) instead of being read again on each cold page.

- The total: a COUNT on each page read every public article (100,000 on PostgreSQL).
- The marks: the key (publication time, id) of the first article of every MARK_EVERY-th page,
  in the lists' order. Page 5,000 of 8,334 read with OFFSET walked 60,000 rows before its
  twelve; from the nearest mark before it, it reads at most MARK_EVERY pages' rows, by index.
  The marks are read (with a window function, in one query) by the first reader of a deep page
  after a change; the lists' first pages never need them.

Each depends on the set key the list's pages depend on (articles/cached_pages.py: moved when a
public article comes, goes, or changes section or tags) and on the section or tag itself (its
slug, its tag assignments) and on the schedule (pagecache.SCHEDULE: an article scheduled or
rescheduled), and is true until the next scheduled article of the list goes live
(`ArticleQuerySet.count_live_at`)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, QuerySet, Window
from django.db.models.functions import Mod, RowNumber
from django.utils import timezone
from taggit.models import Tag

import pagecache
from articles.cached_pages import PUBLIC_ARTICLES, section_key, tag_key
from articles.models import Article, Section, TaggedArticle
from pagecache.counts import Counted, kept

# A mark every so many pages: at most that many pages' rows are read before a page's own.
MARK_EVERY = 16


@dataclass(frozen=True)
class PublicList:
    name: str  # plain ASCII
    articles: QuerySet  # the list's articles, whatever their state
    depends_on: tuple[str, ...]

    def count(self) -> int:
        """How many of the list's articles are public now."""

        def count() -> Counted:
            total, next_live = self.articles.count_live_at(timezone.now())
            return Counted(total, until=next_live)

        return kept(f"articles:{self.name}", count, depends_on=self.keys).total

    def marks(self, per_page: int) -> tuple[tuple[datetime, int], ...]:
        """The (published_at, id) of the first public article of pages 1, 1 + MARK_EVERY,
        1 + 2 * MARK_EVERY... of `per_page` articles, newest first."""

        def read() -> Counted:
            now = timezone.now()
            every = per_page * MARK_EVERY
            newest_first = [F("published_at").desc(), F("pk").desc()]
            rows = (
                self.articles.live_at(now)
                .annotate(row=Window(RowNumber(), order_by=newest_first))
                .annotate(mark=Mod(F("row") - 1, every))
                .filter(mark=0)
                .order_by("row")
                .values_list("published_at", "pk")
            )
            marks = tuple(rows)
            next_live = self.articles.scheduled_at(now).order_by("published_at")
            until = next_live.values_list("published_at", flat=True).first()
            return Counted(len(marks), until=until, marks=marks)

        name = f"articles:{self.name}:marks:{per_page}"
        return kept(name, read, depends_on=self.keys).marks

    @property
    def keys(self) -> tuple[str, ...]:
        return (*self.depends_on, pagecache.SCHEDULE)


def every_article() -> PublicList:
    return PublicList("all", Article.objects.all(), (PUBLIC_ARTICLES,))


def in_section(section: Section) -> PublicList:
    return PublicList(
        f"section:{section.pk}",
        Article.objects.filter(section=section),
        (section_key(section.slug), pagecache.object_key(Section, section.pk)),
    )


def with_tag(tag: Tag) -> PublicList:
    tagged = TaggedArticle.objects.filter(tag=tag).values("content_object_id")
    return PublicList(
        f"tag:{tag.pk}",
        Article.objects.filter(pk__in=tagged),
        (tag_key(tag.slug), pagecache.object_key(Tag, tag.pk)),
    )
