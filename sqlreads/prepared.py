"""Reads written once per process, planned once per connection: on PostgreSQL each is sent as a
prepared statement (`PREPARE` the first time on a connection, `EXECUTE` after), elsewhere as
it is.

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
not.

Safe as SQL: a statement is its caller's fixed text (table and column names from the models'
`_meta`, quoted, and keywords) with `%s` placeholders and no other `%`; every value is a bound
parameter, quoted by the driver into EXECUTE's argument list, never into the statement's text.
The statement's name is made of a hash of its text.
"""

import hashlib
from functools import lru_cache


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
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    name, body = _statement(sql, len(params))
    state = connection.__dict__.get("_prepared_reads")
    if state is None or state.raw is not connection.connection:
        state = connection.__dict__["_prepared_reads"] = _Connection(connection.connection)
    run = f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"
    if name in state.names:
        cursor.execute(run, params or None)
        return
    # After a failure, start again from nothing: DEALLOCATE ALL cannot fail.
    head = "DEALLOCATE ALL; " if state.unsure else ""
    try:
        cursor.execute(f"{head}PREPARE {name} AS {body}; {run}", params or None)
    except Exception:
        state.unsure = True
        state.names.clear()
        raise
    if state.unsure:
        state.names.clear()
        state.unsure = False
    state.names.add(name)


@lru_cache(maxsize=1024)
def _statement(sql: str, count: int) -> tuple[str, str]:
    """The statement's name and its text with PostgreSQL's numbered parameters ($1, $2...)."""
    parts = sql.split("%s")
    if len(parts) - 1 != count:
        raise ValueError(f"{len(parts) - 1} placeholders for {count} values")
    if any("%" in part or "$" in part for part in parts):
        raise ValueError("a prepared read holds no '%' or '$' but its placeholders")
    body = parts[0] + "".join(f"${number}{part}" for number, part in enumerate(parts[1:], 1))
    name = "read_" + hashlib.blake2b(sql.encode(), digest_size=10).hexdigest()
    return name, body
