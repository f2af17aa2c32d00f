"""Counts kept with the same exact invalidation as pages, for lists that print their total
("Page 40 of 8,334", "200,000 works"): a paginated list's COUNT reads every member (every
public article, every artwork) on each cold page, and was the largest part of those pages at
100,000 articles on PostgreSQL, while its answer changes only when a member comes or goes.

A count is kept (as a fragment, fragments.py) with the tokens of the version keys its caller
names, which move whenever a member comes or goes by a write. Members that come with no write
(a scheduled article whose time passes) are the build's to foresee: it returns, with the total,
the moment the next of them comes (`Counted.until`), and the count is not used from that moment
on. The page cache's own catch-up (schedule.py) only runs where pages are cached, and a count
must be right with the page cache off as well. Such a count must also depend on `SCHEDULE`,
which moves whenever a scheduled time or status changes (an article scheduled after the count
was built, or brought forward).

The page being built is not made to depend on a count's keys: a count changes only when a member
comes or goes, and the page of such a list already depends on its set (its view's `depends_on`)
and is invalidated by the schedule's catch-up; depending on SCHEDULE would make every list page
stale each time an editor schedules an article. Only counts of what anonymous readers may see
belong here: a count is shared by every visitor."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.core.paginator import Paginator
from django.utils import timezone

from pagecache import fragments

PREFIX = "count:"


@dataclass(frozen=True)
class Counted:
    total: int
    # When a member comes with no write (the next scheduled article goes live): the total is
    # true before this moment only. None: only a write changes it.
    until: datetime | None = None
    # What else the build read of the same members, kept with the total (the keys of a list's
    # deep pages: articles/public_lists.py).
    marks: tuple = ()


def kept(name: str, count: Callable[[], Counted], *, depends_on: Iterable[str]) -> Counted:
    """What `count()` gives, kept under `name` until one of the version keys `depends_on`
    changes or its `until` comes. `name` is plain ASCII and names everything the count depends
    on besides (a section's id, a letter)."""
    name = PREFIX + name
    now = timezone.now()
    found = fragments.look_up([name], note=False).get(name)
    if found is not None and (found.until is None or now < found.until):
        return found
    before = fragments.change_count()
    counted = count()
    fragments.keep({name: (counted, set(depends_on))}, before=before, note=False)
    return counted


class KeptCountPaginator(Paginator):
    """A paginator whose total is a kept count (`count`, a function that gives it) instead of a
    COUNT of its list on each page."""

    def __init__(self, object_list, per_page, *, count: Callable[[], int], **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count()


class KeptCountMixin:
    """For a ListView whose total is kept: its paginator's count is the view's `kept_count()`,
    asked for once the page is asked for (after `get_queryset()`)."""

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return KeptCountPaginator(
            queryset,
            per_page,
            count=self.kept_count,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            **kw,
        )
