"""links/scheduling.py: links put first in line for the checker's next pass, nothing checked."""

import pytest
from django.utils import timezone

from links.models import Link
from links.scheduling import check_soon

pytestmark = pytest.mark.django_db


def test_check_soon_marks_only_those_links_due_now():
    later = timezone.now() + timezone.timedelta(days=30)
    chosen = Link.objects.create(
        url="https://example.org/a", host="example.org", next_check_at=later
    )
    other = Link.objects.create(
        url="https://example.org/b", host="example.org", next_check_at=later
    )

    assert check_soon(Link.objects.filter(pk=chosen.pk)) == 1

    chosen.refresh_from_db()
    other.refresh_from_db()
    assert chosen.next_check_at <= timezone.now()
    assert other.next_check_at == later
    assert chosen.status == Link.Status.UNCHECKED and chosen.checked_at is None  # not checked
