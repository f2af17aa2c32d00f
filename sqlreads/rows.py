"""Plain rows of SQL written once per process from the models' `_meta`: the columns named as
(table alias, model, field name), the rest of the statement as text, the values bound. Used by
the reads behind cards (articles/card_reads.py, artworks/card_reads.py), where building and
compiling a queryset on every page cost more than reading its rows.

The rows are what the querysets' `values_list()` gave: the database's and the fields'
converters applied (a publication time on SQLite, a JSON field's renditions).

Safe as SQL: a caller's text is made of table and column names from the models' `_meta`, quoted
by the database's `quote_name`, and fixed keywords; every value is a bound parameter (`%s`; a
list of ids as `(IDS)`, one `%s` per id), but a limit and an offset, integers written as
Django writes them (`(LIMIT)`, `(OFFSET)`). Nothing a reader or an editor typed is in the
text."""

from django.db import connections

from sqlreads import prepared


class Select:
    """A SELECT of some columns (alias, model, field name) and the `rest` of the statement, in
    which `(IDS)` stands for a list of ids (bound first), `%s` for the other values (bound
    after them, in order) and `(LIMIT)`, `(OFFSET)` for integers written into the text, as
    Django writes a slice's: PostgreSQL plans a prepared statement's generic plan without
    knowing a bound LIMIT (sqlreads/prepared.py), and may then choose another plan."""

    def __init__(self, connection, columns, rest: str, *, distinct: bool = False):
        # The alias, not the connection: connections are per thread, this is per process.
        self.alias = connection.alias
        quote = connection.ops.quote_name
        self.converters = []
        names = []
        for index, (alias, model, name) in enumerate(columns):
            field = model._meta.get_field(name)
            names.append(f"{quote(alias)}.{quote(field.column)}")
            column = field.get_col(alias)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if found:
                self.converters.append((index, column, found))
        select = "SELECT DISTINCT" if distinct else "SELECT"
        self.head = f"{select} {', '.join(names)} {rest}"
        self.takes_ids = "(IDS)" in rest

    def rows(self, ids=(), params=(), *, limit: int = 0, offset: int = 0) -> list[tuple]:
        """The rows for these ids (none: no query) and values."""
        ids = list(ids)
        if self.takes_ids and not ids:
            return []
        # Integers only (int() refuses anything else): safe in the text.
        sql = self.head.replace("(LIMIT)", str(int(limit))).replace("(OFFSET)", str(int(offset)))
        if self.takes_ids:
            sql = sql.replace("(IDS)", f"({', '.join(['%s'] * len(ids))})")
        connection = connections[self.alias]  # this thread's
        with connection.cursor() as cursor:
            prepared.execute(cursor, sql, [*ids, *params])
            found = cursor.fetchall()
        if not self.converters:
            return found
        converted = []
        for row in found:
            row = list(row)
            for index, column, converters in self.converters:
                for converter in converters:
                    row[index] = converter(row[index], column, connection)
            converted.append(tuple(row))
        return converted
