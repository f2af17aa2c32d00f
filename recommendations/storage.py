"""Writing many suggested links fast, for the full rebuild.

Building 700,000 model instances for bulk_create costs more than computing them, so the
rebuild writes plain rows. The statement is built from the model's own table and column names
and every value is passed as a query parameter, never formatted into the SQL.
"""

from collections.abc import Sequence
from datetime import datetime

from django.db import connection

from recommendations.models import RelatedLink

COLUMNS = ("source_id", "target_id", "score", "reasons", "origin", "status", "computed_at")
PAGE_SIZE = 2000

Row = tuple[int, int, float, str, str, str, datetime]


def suggestion_row(source_id: int, target_id: int, score: float, reasons_json: str, at) -> Row:
    return (
        source_id,
        target_id,
        score,
        reasons_json,
        RelatedLink.Origin.ENGINE.value,
        RelatedLink.Status.SUGGESTED.value,
        at,
    )


def insert_rows(rows: Sequence[Row]) -> int:
    """Insert suggested links given as rows in COLUMNS order; returns how many."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    table = quote(RelatedLink._meta.db_table)
    columns = ", ".join(quote(column) for column in COLUMNS)
    adapt = connection.ops.adapt_datetimefield_value
    rows = [(*row[:-1], adapt(row[-1])) for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg2.extras import execute_values  # noqa: PLC0415 (PostgreSQL only)

            execute_values(
                cursor.cursor,  # psycopg2's own cursor under Django's wrapper
                f"INSERT INTO {table} ({columns}) VALUES %s",  # noqa: S608 (names from _meta)
                rows,
                page_size=PAGE_SIZE,
            )
        else:
            placeholders = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )
    return len(rows)
