"""links/checking/limits.py: at most N requests per host in any 60 seconds, across processes
(the shared cache), and a pass that holds it against a local server."""

import pytest

from links.checking.limits import HostLimiter, OutOfTime
from links.checking.passes import run_pass
from links.models import Link


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_n_per_sliding_minute_per_host():
    clock = Clock()
    limiter = HostLimiter(3, clock=clock, sleep=clock.sleep)
    taken = []
    for _ in range(3):
        assert limiter.try_take("a.example") == 0
        taken.append(clock.now)
        clock.now += 10
    assert limiter.try_take("a.example") == pytest.approx(30)  # the first leaves the window
    assert limiter.try_take("b.example") == 0  # another host has its own budget
    clock.now += 30
    assert limiter.try_take("a.example") == 0


def test_another_limiter_sees_the_same_budget():
    """Two processes share the cache: the second finds the host spent."""
    clock = Clock()
    first = HostLimiter(2, clock=clock, sleep=clock.sleep)
    second = HostLimiter(2, clock=clock, sleep=clock.sleep)
    first.take("a.example", deadline=clock.now + 1)
    first.take("a.example", deadline=clock.now + 1)
    assert second.wait_time("a.example") == pytest.approx(60)
    with pytest.raises(OutOfTime):
        second.take("a.example", deadline=clock.now + 59)
    second.take("a.example", deadline=clock.now + 61)  # waits for the slot, then takes it
    assert clock.now == pytest.approx(1_000_060)


@pytest.mark.django_db
def test_a_pass_sends_no_more_than_the_limit_to_one_host(web, settings):
    """Five links on one host, 3 requests a minute: the server sees 3 (robots.txt and two
    pages), the other links stay due for a later pass, and a second pass at once sends
    nothing: the budget is held in the shared cache."""
    settings.LINK_CHECK_PER_HOST_PER_MINUTE = 3
    paths = ["/ok", "/temp", "/404", "/410", "/error"]
    for path in paths:
        Link.objects.create(url=web.url(path), host="127.0.0.1")

    summary = run_pass(seconds=2)

    assert len(web.seen) == 3
    assert max(s.at for s in web.seen) - min(s.at for s in web.seen) < 60
    assert summary.checked + summary.deferred == 5
    assert Link.objects.filter(checked_at__isnull=True).count() == summary.deferred >= 3
    unchecked = Link.objects.filter(checked_at__isnull=True)
    assert all(link.next_check_at is None for link in unchecked)  # back in their place

    again = run_pass(seconds=2)
    assert again.checked == 0
    assert len(web.seen) == 3
