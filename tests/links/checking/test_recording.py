"""links/checking/recording.py: two strikes some days apart make a link dead, health clears
it, and the schedule backs off while a link stays healthy."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from links.checking.outcome import Outcome
from links.checking.recording import FIELDS, apply_outcome
from links.models import Link

pytestmark = pytest.mark.django_db
S = Link.Status
GONE = Outcome(S.GONE, "404 Not Found.", 404)
OK = Outcome(S.OK, "200 OK.", 200)
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def record(link, outcome):
    apply_outcome(link, outcome, now=timezone.now())
    link.save(update_fields=FIELDS)
    link.refresh_from_db()


@pytest.fixture
def link(settings):
    settings.LINK_CHECK_STRIKE_DAYS = 3
    return Link.objects.create(url="https://example.org/a", host="example.org")


def test_two_failures_days_apart_make_a_link_dead(link):
    with time_machine.travel(START, tick=False):
        record(link, GONE)
        assert (link.failures, link.dead) == (1, False)
        assert link.next_check_at == START + dt.timedelta(days=3)
    with time_machine.travel(START + dt.timedelta(days=3), tick=False):
        record(link, GONE)
    assert (link.failures, link.dead, link.first_failed_at) == (2, True, START)


def test_a_second_failure_too_soon_only_schedules_the_confirmation(link):
    with time_machine.travel(START, tick=False):
        record(link, GONE)
    with time_machine.travel(START + dt.timedelta(hours=5), tick=False):
        record(link, Outcome(S.ERROR, "500.", 500))  # an editor's "recheck now"
    assert (link.failures, link.dead) == (2, False)
    assert link.next_check_at == START + dt.timedelta(days=3)
    with time_machine.travel(START + dt.timedelta(days=3), tick=False):
        record(link, Outcome(S.SOFT_404, "redirects to the home page.", 200))
    assert link.dead


def test_a_healthy_check_clears_the_strikes_and_dead(link):
    with time_machine.travel(START, tick=False):
        record(link, GONE)
    with time_machine.travel(START + dt.timedelta(days=4), tick=False):
        record(link, GONE)
        assert link.dead
    with time_machine.travel(START + dt.timedelta(days=9), tick=False):
        record(link, OK)
    assert (link.failures, link.first_failed_at, link.dead) == (0, None, False)
    assert (link.status, link.http_status, link.detail) == (S.OK, 200, "200 OK.")


def test_blocked_is_neither_a_strike_nor_health(link, settings):
    settings.LINK_CHECK_BLOCKED_DAYS = 7
    with time_machine.travel(START, tick=False):
        record(link, GONE)
        record(link, Outcome(S.BLOCKED, "403 Forbidden.", 403))
        assert (link.failures, link.dead) == (1, False)
        assert link.next_check_at == START + dt.timedelta(days=7)
        record(link, Outcome(S.BLOCKED, "429.", 429, retry_after=120))
        assert link.next_check_at == START + dt.timedelta(seconds=120)


def test_healthy_links_back_off_up_to_the_most(link, settings):
    settings.LINK_CHECK_HEALTHY_MAX_DAYS = 60
    delays = []
    with time_machine.travel(START, tick=False):
        for _ in range(9):
            record(link, OK)
            delays.append((link.next_check_at - START).days)
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    with time_machine.travel(START, tick=False):
        record(link, GONE)
    assert link.healthy_checks == 0


def test_a_dead_link_is_still_rechecked_so_a_return_is_seen(link):
    with time_machine.travel(START, tick=False):
        record(link, GONE)
    with time_machine.travel(START + dt.timedelta(days=3), tick=False):
        record(link, GONE)
    assert link.dead
    assert link.next_check_at == START + dt.timedelta(days=6)


def test_a_permanent_redirect_is_healthy_and_offers_the_new_address(link):
    moved = Outcome(S.REDIRECTED, "Moved.", 200, redirect_url="https://example.org/b")
    with time_machine.travel(START, tick=False):
        record(link, GONE)
        record(link, moved)
    assert (link.status, link.redirect_url, link.failures) == (S.REDIRECTED, moved.redirect_url, 0)
