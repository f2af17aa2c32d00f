"""One way to search per database: full text on PostgreSQL, a simple fallback elsewhere.

Each backend has find(params), a QuerySet of hits (dicts with kind, object_id, rank and, on
PostgreSQL, snippet) best first, and snippet(hit, obj, params), the marked text to show.
"""

from types import ModuleType

from django.db import connection

from search.backends import postgres, sqlite


def current_backend() -> ModuleType:
    return postgres if connection.vendor == "postgresql" else sqlite
