"""links/tasks.py: a pass queues the next one itself (no cron), only on a real queue; the
chains merge; check_soon and migrate start one; nothing is checked where they are called."""

import datetime as dt

import pytest
from django.db import DatabaseError
from django.tasks import TaskContext
from django.utils import timezone

from links import tasks
from links.models import Link
from links.scheduling import check_soon
from links.tasks import check_links_pass, enqueue_pass, start_checking

pytestmark = pytest.mark.django_db


def queued(queue):
    return [r for r in queue.results if r.task.module_path == check_links_pass.module_path]


def run_queued_pass(queue):
    """Run the pass the queue holds, as the worker would (its own result as context)."""
    (current,) = queued(queue)
    check_links_pass.call(TaskContext(task_result=current))
    queue.results.remove(current)


def test_a_pass_checks_then_queues_the_next_for_when_a_link_falls_due(queue, web):
    soon = timezone.now() + dt.timedelta(minutes=30)
    Link.objects.create(url=web.url("/ok"), host="127.0.0.1")
    later = Link.objects.create(url=web.url("/404"), host="127.0.0.1", next_check_at=soon)
    enqueue_pass()

    run_queued_pass(queue)

    assert Link.objects.get(url=web.url("/ok")).status == Link.Status.OK
    later.refresh_from_db()
    assert later.status == Link.Status.UNCHECKED
    (following,) = queued(queue)
    assert following.task.run_after == soon


def test_with_nothing_due_the_next_pass_is_at_most_an_hour_away(queue):
    Link.objects.create(
        url="https://example.org/",
        host="example.org",
        next_check_at=timezone.now() + dt.timedelta(days=20),
    )
    enqueue_pass()
    before = timezone.now()
    run_queued_pass(queue)
    (following,) = queued(queue)
    assert following.task.run_after - before <= tasks.IDLE + dt.timedelta(seconds=5)


def test_a_failed_pass_still_queues_the_next(queue, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(tasks, "run_pass", broken)
    enqueue_pass()
    with pytest.raises(RuntimeError):
        run_queued_pass(queue)
    assert len(queued(queue)) == 2  # the failed one (still in the list here) and the next


def test_no_second_pass_while_one_waits_to_run_no_later(queue):
    first = enqueue_pass()
    assert first is not None
    assert enqueue_pass() is None
    assert enqueue_pass(run_after=timezone.now() + dt.timedelta(hours=2)) is None
    assert len(queued(queue)) == 1


def test_check_soon_queues_one_pass_on_commit(queue, django_capture_on_commit_callbacks):
    Link.objects.create(url="https://example.org/a", host="example.org")
    with django_capture_on_commit_callbacks(execute=True):
        check_soon(Link.objects.all())
        check_soon(Link.objects.all())
        assert queued(queue) == []  # not before the commit
    assert len(queued(queue)) == 1


def test_migrate_starts_the_chain_on_a_real_queue(queue):
    start_checking(using="default")
    start_checking(using="default")
    assert len(queued(queue)) == 1


def test_with_the_immediate_backend_nothing_is_queued_or_checked(
    web, django_capture_on_commit_callbacks
):
    """The immediate backend would run a pass inside its caller (a page request): nothing is
    queued and the server hears nothing; `manage.py check_links` is the way there."""
    link = Link.objects.create(url=web.url("/ok"), host="127.0.0.1")
    with django_capture_on_commit_callbacks(execute=True):
        assert check_soon(Link.objects.all()) == 1
    start_checking(using="default")
    assert enqueue_pass() is None
    link.refresh_from_db()
    assert link.status == Link.Status.UNCHECKED and link.checked_at is None
    assert web.seen == []


def test_a_migrate_before_the_queue_table_exists_goes_on(queue, monkeypatch, caplog):
    """A partial migrate: the queue's table is missing; migrate is not broken by it."""

    def no_table(**kwargs):
        raise DatabaseError("no such table: django_tasks_db_dbtaskresult")

    monkeypatch.setattr(tasks, "waiting_passes", no_table)
    start_checking(using="default")
    assert queued(queue) == []
    assert "could not be queued yet" in caplog.text
