"""Kept counts (pagecache/counts.py): a total kept until one of its keys changes or the moment
it named comes; the page being built does not depend on its keys."""

import datetime

import pytest
import time_machine

import pagecache
from pagecache import counts, invalidate
from pagecache.tracking import Recorder

pytestmark = pytest.mark.django_db

KEY = pagecache.set_key("public:test")
NOON = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)


class Counter:
    """A count that answers the totals given, one per build, and counts its builds."""

    def __init__(self, *totals, until=None):
        self.totals = list(totals)
        self.until = until
        self.builds = 0

    def __call__(self):
        self.builds += 1
        return counts.Counted(self.totals.pop(0), until=self.until)


def test_a_count_is_built_once_then_kept():
    count = Counter(7)
    assert counts.kept("test", count, depends_on=[KEY]).total == 7
    assert counts.kept("test", count, depends_on=[KEY]).total == 7
    assert count.builds == 1


def test_a_change_of_a_key_it_depends_on_counts_again():
    count = Counter(7, 8)
    counts.kept("test", count, depends_on=[KEY])
    invalidate.keys_changed({KEY})
    assert counts.kept("test", count, depends_on=[KEY]).total == 8


def test_everything_stale_counts_again():
    count = Counter(7, 8)
    counts.kept("test", count, depends_on=[KEY])
    invalidate.everything()
    assert counts.kept("test", count, depends_on=[KEY]).total == 8


def test_a_count_is_not_used_from_its_until_on():
    """Up to the second before the moment it named, the kept total; at that moment, a new one."""
    count = Counter(7, 8, until=NOON)
    with time_machine.travel(NOON - datetime.timedelta(hours=1), tick=False):
        counts.kept("test", count, depends_on=[KEY])
    with time_machine.travel(NOON - datetime.timedelta(microseconds=1), tick=False):
        assert counts.kept("test", count, depends_on=[KEY]).total == 7
    with time_machine.travel(NOON, tick=False):
        assert counts.kept("test", count, depends_on=[KEY]).total == 8


def test_a_schedule_change_counts_again_a_count_that_depends_on_it():
    count = Counter(7, 8)
    counts.kept("test", count, depends_on=[KEY, pagecache.SCHEDULE])
    invalidate.schedule_changed()
    assert counts.kept("test", count, depends_on=[KEY, pagecache.SCHEDULE]).total == 8


def test_a_count_built_while_something_changed_is_not_kept():
    def changing():
        invalidate.keys_changed({pagecache.set_key("public:other")})
        return counts.Counted(7)

    counts.kept("test", changing, depends_on=[KEY])
    count = Counter(8)
    assert counts.kept("test", count, depends_on=[KEY]).total == 8


def test_the_page_being_built_does_not_depend_on_a_count():
    """Its keys (the schedule's among them) are not the page's: the page's own set is."""
    with Recorder() as shown:
        counts.kept("test", Counter(7, until=NOON), depends_on=[KEY, pagecache.SCHEDULE])
        counts.kept("test", Counter(7), depends_on=[KEY, pagecache.SCHEDULE])
    assert KEY not in shown
    assert pagecache.SCHEDULE not in shown


def test_the_paginator_asks_for_its_count_once():
    count = Counter(30)
    paginator = counts.KeptCountPaginator(list(range(30)), 12, count=lambda: count().total)
    page = paginator.page(3)
    assert (paginator.num_pages, list(page), page.has_next()) == (3, list(range(24, 30)), False)
    assert count.builds == 1
