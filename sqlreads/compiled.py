"""Querysets built and compiled once per process, then run again with other values: the
`values_list()` reads a public page makes each time it is built, with values that change from
page to page (an article's id, a list of ids).

Why: a profile of cold article pages (50 pages, 2,000 articles) showed Django building and
compiling the same few querysets anew on every page (`filter()`, joins set up and promoted,
`as_sql()`): 0.3-0.5 ms of Python each, more than their rows cost to read, on SQLite as on
PostgreSQL. A `Read` keeps what Django made of its queryset the first time (the statement, its
parameters, the converters of its columns) and from then on only puts the values in their
places, sends the statement and converts the rows as `values_list()` does. What the queryset
says (its filters, joins and order: `published()`, a manager's rules) stays said once, in the
ORM: the statement is Django's own.

How: `build(**markers)` makes the queryset with a marker in the place of each value that varies:
an int or a string no row holds (or a list of them, for `__in`), found again among the compiled
parameters, each exactly once (anything else is refused when compiling). A list's length is part
of the statement (`IN (%s, %s)`), so one is compiled per length. Compiled per database alias (the
router's choice for reading the queryset's model, as the queryset would choose).

Safe as SQL: the text is what Django compiled (names from `_meta`, quoted, and keywords); every
value is a bound parameter in the place Django gave its marker, never put into the text.
"""

import itertools
from collections.abc import Callable

from django.db import connections, router
from django.db.models import QuerySet

# Compiled statements kept per Read (one per database alias and lengths of its lists).
KEPT = 64

_numbers = itertools.count(1)


class Read:
    """A `values_list()` queryset that `build(**values)` makes, compiled once; `kinds` names
    each value's type: `int`, `str`, or `list` (of ints)."""

    def __init__(self, build: Callable[..., QuerySet], **kinds: type):
        if any(kind not in (int, str, list) for kind in kinds.values()):
            raise TypeError("a Read's values are ints, strings or lists of ints")
        self.build = build
        self.kinds = kinds
        self.model = None
        self.compiled: dict[tuple, _Statement] = {}

    def rows(self, **values) -> list[tuple]:
        """The rows `build(**values).values_list(...)` gives, as tuples, in its order."""
        if values.keys() != self.kinds.keys():
            raise TypeError(f"a Read takes {sorted(self.kinds)}")
        if self.model is None:
            self.model = self.build(**_markers(self.kinds, values)).model
        alias = router.db_for_read(self.model)
        lengths = tuple(len(v) for k, v in values.items() if self.kinds[k] is list)
        key = (alias, lengths)
        statement = self.compiled.get(key)
        if statement is None:
            if len(self.compiled) >= KEPT:
                self.compiled.clear()
            statement = self.compiled[key] = _Statement(self, alias, values)
        return statement.rows(values)


class _Statement:
    def __init__(self, read: Read, alias: str, values: dict):
        markers = _markers(read.kinds, values)
        queryset = read.build(**markers).using(alias)
        compiler = queryset.query.get_compiler(using=alias)
        self.sql, params = compiler.as_sql()
        self.alias = alias
        self.params = list(params)
        # Where each value goes: (parameter index, value name, index in its list or None).
        self.places = []
        for name, marker in markers.items():
            for position, one in (
                enumerate(marker) if isinstance(marker, list) else [(None, marker)]
            ):
                found = [i for i, p in enumerate(self.params) if type(p) is type(one) and p == one]
                if len(found) != 1:
                    raise ValueError(f"{name}: its marker is {len(found)} times in the statement")
                self.places.append((found[0], name, position))
        self.width = compiler.col_count
        self.cut = compiler.has_extra_select  # columns after the selected ones (ordering)
        self.converters = [
            (index, converters, expression)
            for index, (converters, expression) in compiler.get_converters(
                [column[0] for column in compiler.select[: compiler.col_count]]
            ).items()
        ]

    def rows(self, values: dict) -> list[tuple]:
        params = list(self.params)
        for index, name, position in self.places:
            params[index] = values[name] if position is None else values[name][position]
        connection = connections[self.alias]  # this thread's
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            found = cursor.fetchall()
        if self.cut:
            found = [row[: self.width] for row in found]
        if not self.converters:
            return [tuple(row) for row in found]
        converted = []
        for row in found:
            row = list(row)
            for index, converters, expression in self.converters:
                for converter in converters:
                    row[index] = converter(row[index], expression, connection)
            converted.append(tuple(row))
        return converted


def _markers(kinds: dict, values: dict) -> dict:
    """A value no row holds for each name (a list as long as the value given), never used
    twice in a process."""
    markers = {}
    for name, kind in kinds.items():
        if kind is list:
            markers[name] = [_marker(int) for _ in values[name]]
        else:
            markers[name] = _marker(kind)
    return markers


def _marker(kind: type):
    number = next(_numbers)
    if kind is int:
        return -(2**52) - number  # below any id, and exact as a float too
    return f"\x1fsqlreads-marker-{number}\x1f"  # a control character: cleaned out of any text
