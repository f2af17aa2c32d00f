from django.core.management.base import BaseCommand
from django.db import connection

from search.word_ranks import write_stale


class Command(BaseCommand):
    help = (
        "Write the kept word ranks of the search documents left stale by a statement that "
        "changed more than 200 at once (PostgreSQL; each later write takes 200 of them anyway, "
        "and an import queues this as a task)."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Nothing to do: the word ranks are kept on PostgreSQL only.")
            return
        written = write_stale()
        self.stdout.write(self.style.SUCCESS(f"{written} documents' word ranks written."))
