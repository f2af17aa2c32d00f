"""What search does when other apps tell it something (connected in SearchConfig.ready())."""

from django.db import connection, transaction
from django.dispatch import receiver

from imports.signals import collection_imported
from search.tasks import write_stale_word_ranks


@receiver(collection_imported)
def write_word_ranks_after_import(sender, **kwargs):
    """An import writes its records in batches of hundreds, one statement each, so their
    documents' kept word ranks are left stale (search/word_ranks.py): written in the background
    once the import's last batch has committed, instead of by a command someone must remember
    (a common word's page ranks every hit while more than 1,000 are stale)."""
    if connection.vendor == "postgresql":
        transaction.on_commit(write_stale_word_ranks.enqueue)
