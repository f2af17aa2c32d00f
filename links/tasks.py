"""The checker in the background: a pass over the due links that queues the next one itself.

No cron: each pass, when the tasks backend is a real queue (TASKS_BACKEND=database, run by
`manage.py db_worker`), enqueues the next for when the next link falls due (at most an hour
ahead, so links added without `check_soon` wait no longer; at once when it left due links
behind). The chain is started by `migrate` (`start_checking`, on post_migrate: every deploy runs
it) and by `check_soon`; a pass that finds another already waiting no earlier than it would
ask for adds none, so the chains merge into one. With the immediate backend nothing is queued:
a pass would run inside whatever queued it (a page request), so `manage.py check_links` is the
way there."""

import logging
from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.db import DatabaseError, transaction
from django.tasks import TaskContext, task, task_backends
from django.utils import timezone

from links.checking.passes import run_pass

logger = logging.getLogger(__name__)
IDLE = timedelta(hours=1)
AGAIN = timedelta(seconds=10)  # a pass that left due links behind: the next one soon after


@task(takes_context=True)
def check_links_pass(context: TaskContext) -> dict:
    """One bounded pass (LINK_CHECK_RUN_LINKS, LINK_CHECK_RUN_SECONDS), then the next queued."""
    now = timezone.now()
    wanted = now + IDLE
    try:
        summary = run_pass()
        if summary.deferred:
            wanted = now + AGAIN
        elif summary.next_due is not None:
            wanted = min(max(summary.next_due, now + AGAIN), now + IDLE)
        return {"checked": dict(summary.by_status), "deferred": summary.deferred}
    finally:
        # Even when the pass failed: the chain must not die with it.
        enqueue_pass(run_after=wanted, besides=context.task_result.id)


def queue_is_real() -> bool:
    """A backend that runs tasks later, elsewhere (not the immediate backend)."""
    return task_backends[check_links_pass.backend].supports_defer


def waiting_passes(*, besides: str | None = None) -> list[datetime] | None:
    """When the passes already queued will run (None: this backend cannot say)."""
    backend = task_backends[check_links_pass.backend]
    path = check_links_pass.module_path
    if hasattr(backend, "results"):  # Django's DummyBackend: the queue in memory
        return [
            result.task.run_after or timezone.now()
            for result in backend.results
            if result.task.module_path == path and result.status == "READY"
            if result.id != besides
        ]
    if apps.is_installed("django_tasks_db"):
        # Imported here: the app is installed with the database backend only (its label is
        # "django_tasks_database", not its module's name).
        from django_tasks_db.models import DBTaskResult  # noqa: PLC0415

        results = DBTaskResult.objects
        waiting = results.filter(status="READY", task_path=path).exclude(id=besides)
        far = datetime(9999, 1, 1, tzinfo=UTC) - timedelta(days=1)
        # The database backend stores "as soon as possible" as the year 9999.
        times = waiting.values_list("run_after", flat=True)
        return [when if when < far else timezone.now() for when in times]
    return None


def enqueue_pass(*, run_after: datetime | None = None, besides: str | None = None):
    """Queue a pass for `run_after` (now by default), unless the backend is not a real queue or
    a pass is already waiting to run no later. Returns the queued result, or None."""
    if not queue_is_real():
        return None
    run_after = run_after or timezone.now()
    waiting = waiting_passes(besides=besides)
    if waiting and min(waiting) <= run_after:
        return None
    return check_links_pass.using(run_after=run_after).enqueue()


def start_checking(*, using: str = "default", **kwargs):
    """post_migrate: make sure a pass is queued (the first one, or one after a lost chain)."""
    if using != "default":
        return
    try:
        with transaction.atomic():
            enqueue_pass()
    except DatabaseError:
        # A partial migrate (`migrate links 0001`) may run before the queue's table exists:
        # the next full migrate, or the next check_soon, starts the chain.
        logger.warning("The link checker's first pass could not be queued yet.", exc_info=True)
