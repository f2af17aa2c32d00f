"""The date hierarchy of a change list, its years (or months, or days) found by index.

Django lists the years of a list's date hierarchy with `SELECT DISTINCT date_trunc('year',
...)` over every row of the list: 100,000 articles converted, truncated and sorted to find a
dozen years (90 ms on PostgreSQL). The years that can have rows lie between the first and the
last date, which Django has just read (the range, with MIN and MAX); here one query asks, for
each of those years, whether a row falls in it (`EXISTS`, each a probe of the field's index),
and the hierarchy lists the years that have one: the same years, from the same rows. Months of
a year and days of a month likewise. Only for datetime fields with time zones on (the periods
are those of the current time zone, as Django's truncation takes them); anything else is left
to Django.
"""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists
from django.utils import timezone


def periods_with_rows(queryset, field_name: str, starts: list[datetime.datetime]) -> list:
    """The starts (aware, in order, with the end of the last period after them) of the periods
    in which `queryset` has a row, in one query."""
    checks = {
        f"period_{index}": Exists(
            queryset.filter(**{f"{field_name}__gte": start, f"{field_name}__lt": end})
        )
        for index, (start, end) in enumerate(zip(starts, starts[1:], strict=False))
    }
    if not checks:
        return []
    found = queryset.order_by().annotate(**checks).values(*checks).first() or {}
    return [start for index, start in enumerate(starts[:-1]) if found.get(f"period_{index}")]


class _IndexedDates:
    """Stands in for a change list's queryset in Django's date_hierarchy tag: remembers the
    range it reads, and answers `datetimes()` by periods_with_rows."""

    def __init__(self, queryset, lookups: dict[str, int]):
        self._queryset = queryset
        self._lookups = lookups  # the year and month chosen, as numbers
        self._range = None

    def __getattr__(self, name):
        return getattr(self._queryset, name)

    def aggregate(self, *args, **kwargs):
        result = self._queryset.aggregate(*args, **kwargs)
        if set(result) == {"first", "last"}:
            self._range = result
        return result

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        zone = timezone.get_current_timezone()
        starts = self._starts(field_name, kind, zone)
        if starts is None or order != "ASC" or tzinfo is not None:
            return self._queryset.datetimes(field_name, kind, order, tzinfo)
        return periods_with_rows(self._queryset, field_name, starts)

    def _starts(self, field_name, kind, zone):
        if kind == "year":
            if self._range is None or self._range["first"] is None:
                return None
            first = timezone.localtime(self._range["first"], zone).year
            last = timezone.localtime(self._range["last"], zone).year
            return [datetime.datetime(y, 1, 1, tzinfo=zone) for y in range(first, last + 2)]
        lookups = self._lookups
        if kind == "month" and "year" in lookups:
            year = lookups["year"]
            months = [(year, m) for m in range(1, 13)] + [(year + 1, 1)]
            return [datetime.datetime(y, m, 1, tzinfo=zone) for y, m in months]
        if kind == "day" and {"year", "month"} <= set(lookups):
            year, month = lookups["year"], lookups["month"]
            days = calendar.monthrange(year, month)[1]
            starts = [datetime.datetime(year, month, d, tzinfo=zone) for d in range(1, days + 1)]
            return [*starts, starts[-1] + datetime.timedelta(days=1)]
        return None


class IndexedDatesChangeList:
    """Wraps a change list for Django's date_hierarchy tag (templatetags/admin_dates.py)."""

    def __init__(self, cl):
        self._cl = cl
        lookups = {}
        for kind in ("year", "month"):
            value = cl.params.get(f"{cl.date_hierarchy}__{kind}")
            value = value[-1] if isinstance(value, list) else value
            if value is not None and str(value).isdigit() and len(str(value)) <= 4:
                lookups[kind] = int(value)
        self.queryset = _IndexedDates(cl.queryset, lookups)

    def __getattr__(self, name):
        return getattr(self._cl, name)


def indexed(cl):
    """`cl` for Django's date_hierarchy tag: with periods found by index where it can."""
    field = cl.model._meta.get_field(cl.date_hierarchy) if "__" not in cl.date_hierarchy else None
    if not settings.USE_TZ or not isinstance(field, models.DateTimeField):
        return cl
    return IndexedDatesChangeList(cl)
