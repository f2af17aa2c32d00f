"""An outcome written to its `Link`: what was found, the two strikes, and when to look again.

- Healthy (ok, redirected): clears `failures`, `first_failed_at` and `dead`; counts
  `healthy_checks` up; the next check after 1, 2, 4 ... days, at most LINK_CHECK_HEALTHY_MAX_DAYS.
- Failing (gone, soft 404, error): counts `failures` up from `first_failed_at`; the link is
  `dead` once a failed check comes LINK_CHECK_STRIKE_DAYS or more after the first failure of
  the run. A failure sooner than that only schedules the confirming check at that distance.
  A dead link is rechecked every LINK_CHECK_STRIKE_DAYS, doubling, up to the healthy maximum,
  so a site that comes back is seen.
- Blocked (401/403/429, a bot challenge, robots.txt): neither a failure nor health; checked
  again after the site's Retry-After or LINK_CHECK_BLOCKED_DAYS.
"""

from datetime import datetime, timedelta

from django.conf import settings

from links.checking.outcome import Outcome
from links.models import Link
from plaintext.text import clean_text

FIELDS = [
    "status",
    "http_status",
    "detail",
    "redirect_url",
    "failures",
    "first_failed_at",
    "dead",
    "healthy_checks",
    "checked_at",
    "next_check_at",
]


def healthy_delay(healthy_checks: int) -> timedelta:
    days = min(2 ** max(healthy_checks - 1, 0), settings.LINK_CHECK_HEALTHY_MAX_DAYS)
    return timedelta(days=days)


def apply_outcome(link: Link, outcome: Outcome, *, now: datetime) -> None:
    """Set the link's fields from `outcome` (not saved: the caller saves FIELDS)."""
    strike = timedelta(days=settings.LINK_CHECK_STRIKE_DAYS)
    link.status = outcome.status
    link.http_status = outcome.http_status
    # Both come from a server's answer (a Location header, an error's text) and are written in
    # bulk, past the models' own cleaning on save: cleaned here (plaintext/models.py).
    link.detail = clean_text(outcome.detail)[:500]
    link.redirect_url = clean_text(outcome.redirect_url)[:2000]
    link.checked_at = now
    if outcome.healthy:
        link.failures = 0
        link.first_failed_at = None
        link.dead = False
        link.healthy_checks = min(link.healthy_checks + 1, 1000)
        link.next_check_at = now + healthy_delay(link.healthy_checks)
    elif outcome.failing:
        link.healthy_checks = 0
        link.failures = min(link.failures + 1, 1000)
        if link.first_failed_at is None:
            link.first_failed_at = now
        confirmed_at = link.first_failed_at + strike
        if link.failures >= 2 and now >= confirmed_at:
            link.dead = True
        if link.dead:
            times = 2 ** min(link.failures - 2, 5)
            cap = timedelta(days=settings.LINK_CHECK_HEALTHY_MAX_DAYS)
            link.next_check_at = now + max(min(strike * times, cap), timedelta(days=1))
        else:
            link.next_check_at = max(confirmed_at, now + timedelta(minutes=1))
    else:
        wait = outcome.retry_after
        delay = (
            timedelta(seconds=wait) if wait else timedelta(days=settings.LINK_CHECK_BLOCKED_DAYS)
        )
        link.next_check_at = now + max(delay, timedelta(minutes=1))
