"""The kept word ranks (search.WordRank, written by PostgreSQL's triggers) of the documents a
statement changing more than 200 at once left stale (search.WordRankStale): each later write
takes 200 of them; `write_stale()` takes them all, for the command `refresh_word_ranks` and for
the task queued after an import (search/signals.py)."""

from django.db import connection, transaction

from search.models import WordRankStale


def write_stale() -> int:
    """Write the kept ranks of every stale document, 200 a transaction; how many were written
    (none on SQLite, which keeps no word ranks)."""
    if connection.vendor != "postgresql":
        return 0
    written = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            before = WordRankStale.objects.count()
            # A constant statement: no changed documents, so up to 200 stale ones are taken
            # (those another transaction is writing are skipped).
            cursor.execute("SELECT search_word_ranks_write('{}')")
            taken = before - WordRankStale.objects.count()
        written += taken
        if not taken:
            return written
