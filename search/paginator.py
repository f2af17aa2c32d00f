"""Pages of hits, counted up to COUNT_CAP: past it the page says "more than 1,000 results".
Counting every match of a word in most documents cost as much as ranking them (PostgreSQL,
100,000 articles: 0.1 s); a reader never pages past the first thousand."""

from functools import cached_property

from django.core.paginator import Paginator

from search.backends import current_backend

COUNT_CAP = 1000


class SearchPaginator(Paginator):
    more = False  # more hits than `count`, which is then COUNT_CAP

    @cached_property
    def count(self) -> int:
        counted = current_backend().count(self.object_list, COUNT_CAP + 1)
        self.more = counted > COUNT_CAP
        return min(counted, COUNT_CAP)
