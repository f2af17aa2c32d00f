"""SQL functions the SQLite index's triggers call (search/sqlite_index.py), registered on every
SQLite connection Django opens, and the triggers recreated after each migrate."""

from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

from search import sqlite_index
from search.snippets import plain_text


def search_html_text(html: str | None) -> str:
    """The text of rich text, on one line, without the highlight markers (as PostgreSQL's
    function of the same name, migration 0002)."""
    return plain_text(html or "")


def _register(connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "search_html_text", 1, search_html_text, deterministic=True
        )


def _ensure_triggers(using, **kwargs) -> None:
    from django.db import connections  # noqa: PLC0415

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'")
        if cursor.fetchone():  # migrated at least to 0005
            sqlite_index.ensure_triggers(cursor)


def connect(sender) -> None:
    """Called once, from the app's ready()."""
    from django.db import connections  # noqa: PLC0415

    connection_created.connect(_register, dispatch_uid="search_sqlite_functions")
    post_migrate.connect(_ensure_triggers, sender=sender, dispatch_uid="search_sqlite_triggers")
    for connection in connections.all(initialized_only=True):  # opened before ready()
        if connection.connection is not None:
            _register(connection)
