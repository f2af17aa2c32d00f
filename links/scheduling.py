"""When links are checked: `check_soon` puts links first in line (an editor's "recheck now", a
URL just added), for the next pass of the checker (links/checking/)."""

from django.db.models import QuerySet
from django.utils import timezone

from links.models import Link


def check_soon(links: QuerySet[Link]) -> int:
    """Mark these links due now: the next pass checks them first. Never checks anything itself
    (a page request must not wait on the outside web). Returns how many were marked."""
    return links.update(next_check_at=timezone.now())
