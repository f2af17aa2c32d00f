"""The editors' queue in tests: its address, and links in the states it lists."""

from django.urls import reverse
from django.utils import timezone

from links.models import Link

QUEUE_URL = reverse("admin:links_link_changelist")


def replace_url(link) -> str:
    return reverse("admin:links_link_replace", args=[link.pk])


def found(
    link: Link, status: str, *, dead: bool | None = None, redirect_url: str = "", http_status=None
) -> Link:
    """What the checker would have written (links/checking/ writes these fields)."""
    failing = status in Link.FAILING
    Link.objects.filter(pk=link.pk).update(
        status=status,
        dead=failing if dead is None else dead,
        failures=2 if failing else 0,
        redirect_url=redirect_url,
        http_status=http_status,
        checked_at=timezone.now(),
    )
    link.refresh_from_db()
    return link
