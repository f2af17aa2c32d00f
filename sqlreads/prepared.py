"""Reads planned once per connection: on PostgreSQL a statement is sent as a prepared statement
(`PREPARE` the first time on a connection, `EXECUTE` after), elsewhere as it is. Either one
statement (`execute`, for the reads written once per process: articles/page_parts.py) or every
statement of a public page (`page_reads`, a view decorator: the ORM's statements too).

Why: PostgreSQL plans every statement it is sent as text, and the planning, not the running,
was most of the database's share of a cold page. EXPLAIN (ANALYZE, SUMMARY) of the ten queries
of a cold article page (2,000 articles): 3.4 ms of planning against 0.85 ms of execution; the
two reads of figures (seven tables joined) took about 1 ms each to plan and 0.2 ms to run.
psycopg2 has no prepared statements of its own (SQLite's driver keeps each connection's compiled
statements, `cached_statements`, which is one reason the same page is faster on SQLite).
PostgreSQL plans the first five executions of a prepared statement for their values, then keeps
a generic plan when it costs no more (plan_cache_mode "auto"): planning drops to about 0.01 ms.

Each statement costs one round trip as before, and counts as one query: the first time on a
connection, PREPARE and EXECUTE go together. Prepared statements belong to a server
connection, so this is not for a pooler that hands one client's statements to different
server connections (PgBouncer in transaction mode), as Django's own `server_side_binding` is
not: settings.DATABASE_PREPARED_READS = False (the environment's DATABASE_PREPARED_READS) turns
it off.

A statement whose parameters PostgreSQL cannot type by themselves (`SELECT %s`) cannot be
prepared: outside a transaction it is then sent as text, and never prepared again in this
process; inside one the error stands (the pages that use `page_reads` run outside one, and the
test suite runs on PostgreSQL inside one, so such a statement shows up there). At most
`KEPT` statements are kept per connection: past that, all are dropped and prepared again.

Safe as SQL: a statement is its caller's text (the reads written once per process: table and
column names from the models' `_meta`, quoted, and keywords; or the ORM's compiled SQL) with
`%s` placeholders and no `$`; every value is a bound parameter, quoted by the driver into
EXECUTE's argument list, never into the statement's text (a `%%`, a literal `%` in the ORM's SQL,
stays in the text the driver formats, as before). The statement's name is a hash of its text.
"""

import hashlib
from contextlib import ExitStack
from functools import lru_cache, wraps

from django.conf import settings
from django.db import DatabaseError, connections

# Prepared statements kept per connection before all are dropped (each holds a plan on the server).
KEPT = 500
# PostgreSQL's "could not determine data type of parameter".
_UNTYPED = "42P18"
# Statements that could not be prepared, by text (this process).
_unpreparable: set[str] = set()
_OURS = ("EXECUTE read_", "PREPARE read_", "DEALLOCATE ALL; PREPARE read_")


class _Connection:
    """What is prepared on one open connection (the driver's, which Django replaces when it
    reconnects)."""

    def __init__(self, raw):
        self.raw = raw
        self.names: set[str] = set()
        # A PREPARE sent with a statement that then failed may or may not be kept.
        self.unsure = False


def execute(cursor, sql: str, params: list) -> None:
    """`cursor.execute(sql, params)` (a Django cursor): a prepared statement on PostgreSQL."""
    connection = cursor.db
    if connection.vendor != "postgresql" or not params or not settings.DATABASE_PREPARED_READS:
        cursor.execute(sql, params)
        return
    _send(connection, _statement(sql, len(params)), params, cursor.execute)


def page_reads(view):
    """A view whose every statement (its template's too: the response is rendered here) is
    prepared on PostgreSQL."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with ExitStack() as stack:
            for connection in connections.all():
                if connection.vendor == "postgresql" and settings.DATABASE_PREPARED_READS:
                    stack.enter_context(connection.execute_wrapper(_prepare))
            response = view(request, *args, **kwargs)
            if not getattr(response, "is_rendered", True):
                response.render()
            return response

    return wrapped


def _prepare(execute, sql, params, many, context):
    """The execute wrapper of page_reads()."""
    if many or not params or sql.startswith(_OURS) or sql in _unpreparable:
        return execute(sql, params, many, context)
    try:
        statement = _statement(sql, len(params))
    except ValueError:
        _unpreparable.add(sql)
        return execute(sql, params, many, context)
    connection = context["connection"]
    try:
        return _send(
            connection, statement, params, lambda text, values: execute(text, values, many, context)
        )
    except DatabaseError as error:
        if getattr(error.__cause__, "pgcode", None) != _UNTYPED:
            raise
        _unpreparable.add(sql)
        if connection.in_atomic_block:
            raise
        return execute(sql, params, many, context)


def _send(connection, statement, params, send):
    name, body = statement
    state = connection.__dict__.get("_prepared_reads")
    if state is None or state.raw is not connection.connection:
        state = connection.__dict__["_prepared_reads"] = _Connection(connection.connection)
    run = f"EXECUTE {name}({', '.join(['%s'] * len(params))})"
    if name in state.names:
        return send(run, params)
    # After a failure, or with too many kept, start again from nothing: DEALLOCATE ALL cannot fail.
    fresh = state.unsure or len(state.names) >= KEPT
    head = "DEALLOCATE ALL; " if fresh else ""
    try:
        result = send(f"{head}PREPARE {name} AS {body}; {run}", params)
    except Exception:
        state.unsure = True
        state.names.clear()
        raise
    if fresh:
        state.names.clear()
        state.unsure = False
    state.names.add(name)
    return result


@lru_cache(maxsize=2048)
def _statement(sql: str, count: int) -> tuple[str, str]:
    """The statement's name and its text with PostgreSQL's numbered parameters ($1, $2...)."""
    parts = sql.replace("%%", "\0").split("%s")  # a literal % (NUL never is in SQL)
    if len(parts) - 1 != count:
        raise ValueError(f"{len(parts) - 1} placeholders for {count} values")
    if any("%" in part or "$" in part for part in parts):
        raise ValueError("a prepared read holds no '%' or '$' but its placeholders")
    body = parts[0] + "".join(f"${number}{part}" for number, part in enumerate(parts[1:], 1))
    name = "read_" + hashlib.blake2b(sql.encode(), digest_size=10).hexdigest()
    return name, body.replace("\0", "%%")
