"""One way to search per database: full text on PostgreSQL, FTS5 on SQLite.

Each backend has find(params), the hits (dicts with kind, object_id, rank and snippet) best
first, as a paginator reads them; count(hits, cap), how many, up to cap; and snippet(hit, obj,
params), the marked text to show.
"""

from types import ModuleType

from django.db import connection

from search.backends import postgres, sqlite


def current_backend() -> ModuleType:
    return postgres if connection.vendor == "postgresql" else sqlite
