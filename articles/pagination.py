"""The pages of a public article list (articles/public_lists.py): the total is kept, and a deep
page is read from the nearest mark before it (the key of the first article of every
MARK_EVERY-th page) instead of by an OFFSET from the newest article.

From a mark (published_at, id), the page's rows are those at or after it in the lists' order
(newest first, then the highest id), skipped by less than MARK_EVERY pages: the database walks
the index of that order from the mark on, not every row before it. The marks are of the same
public articles as the list (kept with the same invalidation as its total), so the rows are
those OFFSET would give."""

from django.db.models import Q

from articles import public_lists
from articles.public_lists import PublicList
from pagecache.counts import KeptCountPaginator


class PublicListPaginator(KeptCountPaginator):
    """`first_rows(bottom, top)`, when given, reads the rows of the first pages (those no mark
    is needed for) instead of a slice of the queryset: a list of cards.py CARD_COLUMNS rows
    (articles/tag_reads.py), which the page then holds as its object_list."""

    def __init__(self, object_list, per_page, *, listed: PublicList, first_rows=None, **kwargs):
        super().__init__(object_list, per_page, count=listed.count, **kwargs)
        self.listed = listed
        self.first_rows = first_rows

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        every = self.per_page * public_lists.MARK_EVERY
        if bottom < every:  # the first pages: nothing much to skip
            if self.first_rows is not None:
                return self._get_page(self.first_rows(bottom, top), number, self)
            return self._get_page(self.object_list[bottom:top], number, self)
        marks = self.listed.marks(self.per_page)
        index = min(bottom // every, len(marks) - 1)
        published_at, pk = marks[index]
        # At or after the mark in the lists' order (newest first, then the highest id).
        rows = self.object_list.filter(published_at__lte=published_at).exclude(
            Q(published_at=published_at) & Q(pk__gt=pk)
        )
        skip = bottom - index * every
        return self._get_page(rows[skip : skip + (top - bottom)], number, self)
