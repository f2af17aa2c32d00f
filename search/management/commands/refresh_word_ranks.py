from django.core.management.base import BaseCommand
from django.db import connection, transaction

from search.models import WordRankStale


class Command(BaseCommand):
    help = (
        "Write the kept word ranks of the search documents left stale by a statement that "
        "changed more than 200 at once (PostgreSQL; each later write takes 200 of them anyway)."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Nothing to do: the word ranks are kept on PostgreSQL only.")
            return
        refreshed = 0
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                before = WordRankStale.objects.count()
                # A constant statement: no changed documents, so up to 200 stale ones are taken
                # (those another transaction is writing are skipped).
                cursor.execute("SELECT search_word_ranks_write('{}')")
                taken = before - WordRankStale.objects.count()
            refreshed += taken
            if not taken:
                break
        self.stdout.write(self.style.SUCCESS(f"{refreshed} documents' word ranks written."))
