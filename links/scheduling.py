"""When links are checked: `check_soon` puts links first in line (an editor's "recheck now", a
URL just added), for the next pass of the checker (links/checking/)."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from links.models import Link
from links.tasks import enqueue_pass


def check_soon(links: QuerySet[Link]) -> int:
    """Mark these links due now: the next pass checks them first. Never checks anything itself
    (a page request must not wait on the outside web): with a real queue a pass is queued once
    the transaction commits (links/tasks.py), with the immediate backend nothing is (the next
    `manage.py check_links` takes them). Returns how many were marked."""
    marked = links.update(next_check_at=timezone.now())
    if marked:
        transaction.on_commit(enqueue_pass)
    return marked
