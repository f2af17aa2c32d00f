"""Background work for search, through Django's tasks framework."""

from django.tasks import task

from search.word_ranks import write_stale


@task
def write_stale_word_ranks():
    """The kept word ranks an import's bulk writes left stale (search/word_ranks.py)."""
    write_stale()
