"""Deep pages of a long change list: the keys of the page first, then its rows.

A list's page 400 asks the database for rows 39,901 to 40,000 in the list's order: the
database builds the 40,000 rows before them in full (joins to sections, users, sources and
targets included) only to skip them. Past the first pages, `KeysFirstPaginator` asks for the
page's keys alone (the order's columns and joins, nothing the rows show), then for the rows
with those keys, in the same order: the same page, a narrow scan instead of a wide one. The
first pages (most of what people open) stay one query. The page is still a queryset (a list
with editable columns builds its forms from it).
"""

from django.core.paginator import Paginator

# From which row the keys are read first: below it, skipping rows costs less than a query.
KEYS_FIRST_FROM = 1000


class KeysFirstPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if bottom < KEYS_FIRST_FROM or not hasattr(rows, "values_list"):
            return self._get_page(rows[bottom:top], number, self)
        keys = list(rows.values_list("pk", flat=True)[bottom:top])
        # The same ordering on fewer rows: the same rows in the same order.
        return self._get_page(rows.filter(pk__in=keys), number, self)
