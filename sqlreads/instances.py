"""Model instances read with SQL written once per process from the models' `_meta`, put where
Django's prefetch would have put them: for the pages whose parts were most of their time in
Django building and compiling querysets, not in the database (articles/page_parts.py,
artists/page_parts.py, artworks/page_parts.py).

The rows become the same instances a queryset gives (`Model.from_db`, the database's converters
applied, `post_init` sent, so the page cache records what the page shows).

Safe as SQL: a caller's text is made of table and column names from the models' `_meta`, quoted
by the database's `quote_name`, and fixed keywords; every value is a bound parameter (`%s`; a
list of ids as `(IDS)`, one `%s` per id). On PostgreSQL each read is a prepared statement,
planned once per connection (sqlreads/prepared.py)."""

from sqlreads import prepared


def prefetched(instance, name: str, objects: list) -> None:
    """What Django's prefetch leaves on an instance: the related manager's own queryset with
    its results filled in, under the manager's cache name."""
    manager = getattr(instance, name)
    queryset = manager.get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    # Many-to-many and tag managers name their cache; a reverse foreign key's is its field's.
    cache_name = getattr(manager, "prefetch_cache_name", None)
    cache_name = cache_name or manager.field.remote_field.cache_name
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[cache_name] = queryset


class Columns:
    """One model's columns in a SELECT, under a table alias, and the instance made from them."""

    def __init__(self, model, alias: str, connection):
        self.model = model
        self.alias = alias
        fields = model._meta.concrete_fields
        self.fields = fields
        self.attnames = [field.attname for field in fields]
        self.pk_index = fields.index(model._meta.pk)
        self.width = len(fields)
        quote = connection.ops.quote_name
        self.sql = ", ".join(f"{quote(alias)}.{quote(field.column)}" for field in fields)
        self.converters = []
        for index, field in enumerate(fields):
            column = field.get_col(alias)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if found:
                self.converters.append((index, column, found))

    def nulls(self, connection) -> str:
        """As many NULLs as columns, each of its column's type (for a UNION's other parts)."""
        return ", ".join(typed_null(field, connection) for field in self.fields)

    def build(self, values, connection, db):
        if values[self.pk_index] is None:  # an outer join that found nothing
            return None
        values = list(values)
        for index, column, converters in self.converters:
            for converter in converters:
                values[index] = converter(values[index], column, connection)
        return self.model.from_db(db, self.attnames, values)


class Read:
    """A SELECT of whole rows of one or more models (joined) and the `rest` of the statement,
    in which `(IDS)` stands for a list of ids (bound first) and `%s` for the other values
    (bound after them, in order)."""

    def __init__(self, connection, columns: list[Columns], rest: str, *, distinct=False):
        self.columns = columns
        self.db = connection.alias
        select = "SELECT DISTINCT" if distinct else "SELECT"
        self.head = f"{select} {', '.join(c.sql for c in columns)} {rest}"

    def rows(self, connection, ids=(), params=()):
        """Each row as a list of instances (None for an outer join that found nothing)."""
        ids = list(ids)
        sql = self.head
        if "(IDS)" in sql:
            sql = sql.replace("(IDS)", f"({', '.join(['%s'] * len(ids))})")
        with connection.cursor() as cursor:
            prepared.execute(cursor, sql, [*ids, *params])
            found = cursor.fetchall()
        # A row that repeats the first model's row and another's (a figure's rows, one per
        # image and credit of its artwork) gives the same instance of it as the row before: one
        # instance per row of the first model, as the prefetch gives, each built once.
        before, made_before = None, []
        for row in found:
            made, start = [], 0
            for number, columns in enumerate(self.columns):
                values = row[start : start + columns.width]
                if before is not None and _same(before, row, self.columns[0], columns, start):
                    made.append(made_before[number])
                else:
                    made.append(columns.build(values, connection, self.db))
                start += columns.width
            before, made_before = row, made
            yield made


def typed_null(field, connection) -> str:
    """A NULL of `field`'s column type (Django's own `cast_db_type`): PostgreSQL types a
    UNION's columns from its first SELECT."""
    return f"CAST(NULL AS {field.cast_db_type(connection)})"


def _same(before, row, first: Columns, columns: Columns, start: int) -> bool:
    """Whether `row` repeats the row before's first model and the model at `start`."""
    key, end = first.pk_index, start + columns.width
    return before[key] == row[key] and before[start:end] == row[start:end]
