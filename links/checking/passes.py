"""One pass of the checker over the due links, bounded in count (LINK_CHECK_RUN_LINKS) and time
(LINK_CHECK_RUN_SECONDS), with at most LINK_CHECK_CONNECTIONS requests at once.

The links are claimed first (their `next_check_at` moved past the pass's end, under `SELECT
... FOR UPDATE SKIP LOCKED` on PostgreSQL), so two passes at once check different links and a
pass that dies gives its links back when the claim runs out. Fetching happens in threads;
every database write happens in the calling thread. The links are taken in turn by host, so
one slow or rate-limited host does not hold the others up; a link whose host has no slot left
waits for it while the pass has time, and otherwise goes back to its place in the queue."""

import heapq
import logging
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import chain, zip_longest

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from links.checking.fetching import check_url
from links.checking.outcome import Deferred, Outcome
from links.checking.recording import FIELDS, apply_outcome
from links.checking.session import Session
from links.models import Link
from links.readers import link_states_changed

logger = logging.getLogger(__name__)
CLAIM_MARGIN = timedelta(minutes=10)
BATCH = 50
FLUSH_SECONDS = 2.0


@dataclass
class PassSummary:
    by_status: Counter = field(default_factory=Counter)
    deferred: int = 0
    given_back: list = field(default_factory=list)  # (pk, next_check_at) of the deferred
    next_due: object = None  # the earliest next_check_at left, a datetime or None

    @property
    def checked(self) -> int:
        return sum(self.by_status.values())


def due(queryset: QuerySet[Link] | None = None, *, now=None) -> QuerySet[Link]:
    """The links due for a check, in the order a pass takes them: never checked and longest
    overdue first. Links an editor ignored are left alone."""
    now = now or timezone.now()
    queryset = Link.objects.all() if queryset is None else queryset
    order = (F("next_check_at").asc(nulls_first=True), F("checked_at").asc(nulls_first=True))
    return queryset.filter(
        Q(next_check_at__isnull=True) | Q(next_check_at__lte=now), ignored=False
    ).order_by(*order, "pk")


def next_due_at():
    """When the next link falls due (None: nothing left to check, ever)."""
    links = Link.objects.filter(ignored=False).order_by(F("next_check_at").asc(nulls_first=True))
    first = links.values("next_check_at").first()
    if first is None:
        return None
    return first["next_check_at"] or timezone.now()


def claim(queryset: QuerySet[Link], *, limit: int, seconds: float) -> list[Link]:
    """Take up to `limit` links of `queryset` for this pass: push their next check past it."""
    with transaction.atomic():
        links = list(queryset.select_for_update(skip_locked=True, of=("self",))[:limit])
        until = timezone.now() + timedelta(seconds=seconds) + CLAIM_MARGIN
        Link.objects.filter(pk__in=[link.pk for link in links]).update(next_check_at=until)
    return links


def _by_host_in_turn(links: list[Link]) -> deque:
    hosts = defaultdict(list)
    for link in links:
        hosts[link.host].append(link)
    turns = zip_longest(*hosts.values())
    return deque(link for link in chain.from_iterable(turns) if link is not None)


def run_pass(
    queryset: QuerySet[Link] | None = None,
    *,
    only_due: bool = True,
    limit: int | None = None,
    seconds: float | None = None,
    on_checked: Callable[[Link], None] | None = None,
) -> PassSummary:
    """Check the due links (or all of `queryset` with `only_due=False`), within the bounds."""
    limit = limit or settings.LINK_CHECK_RUN_LINKS
    seconds = seconds or settings.LINK_CHECK_RUN_SECONDS
    queryset = Link.objects.all() if queryset is None else queryset
    chosen = due(queryset) if only_due else queryset.filter(ignored=False).order_by("pk")
    links = claim(chosen, limit=limit, seconds=seconds)
    before = {link.pk: link.next_check_at for link in links}
    summary = PassSummary()
    session = Session(deadline=time.time() + seconds)
    writer = _Writer(summary, on_checked)
    try:
        _check_all(session, _by_host_in_turn(links), writer, before)
    finally:
        writer.flush()
        _write_given_back(summary)
        session.close()
    summary.next_due = next_due_at()
    return summary


def _check_all(session, queue: deque, writer: "_Writer", before):
    waiting: list[tuple[float, int, Link]] = []  # (ready at, tie-break, link)
    workers = settings.LINK_CHECK_CONNECTIONS
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="link-check") as pool:
        running = {}
        while queue or waiting or running:
            now = time.time()
            if now > session.deadline:  # no check starts after the pass's time
                waiting.extend((now, link.pk, link) for link in queue)
                queue.clear()
            while waiting and waiting[0][0] <= now <= session.deadline:
                queue.append(heapq.heappop(waiting)[2])
            while queue and len(running) < workers:
                link = queue.popleft()
                running[pool.submit(_check, session, link.url)] = link
            if not running:
                ready_at = waiting[0][0]
                if ready_at > session.deadline or now > session.deadline:
                    break
                time.sleep(max(ready_at - time.time(), 0.01))
                continue
            done, _ = wait(running, timeout=1.0, return_when=FIRST_COMPLETED)
            for future in done:
                link = running.pop(future)
                result = future.result()
                if isinstance(result, Deferred) and result.until <= session.deadline:
                    heapq.heappush(waiting, (result.until, link.pk, link))
                elif isinstance(result, Deferred):
                    _give_back(link, result, before, writer.summary)
                else:
                    writer.record(link, result)
        for _ready, _pk, link in waiting:
            up = Deferred(session.deadline, "the pass's time is up")
            _give_back(link, up, before, writer.summary)


def _check(session: Session, url: str) -> Outcome | Deferred:
    """check_url, with a bug in it kept to its one link: logged with its traceback and recorded
    as an error, so the link backs off instead of failing every pass that claims it."""
    try:
        return check_url(session, url)
    except Exception as error:
        logger.exception("The link checker failed on %s", url)
        return Outcome(Link.Status.ERROR, f"The checker failed: {type(error).__name__}.")


class _Writer:
    """Outcomes written in batches, one transaction each (a commit per link was most of a
    pass's time on SQLite), at most FLUSH_SECONDS late."""

    def __init__(self, summary: PassSummary, on_checked):
        self.summary = summary
        self.on_checked = on_checked
        self.batch: list[Link] = []
        self.turned: set[int] = set()  # links of the batch found dead, or alive again
        self.flushed_at = time.monotonic()

    def record(self, link: Link, outcome: Outcome):
        was_dead = link.dead
        apply_outcome(link, outcome, now=timezone.now())
        if link.dead != was_dead:
            self.turned.add(link.pk)
        self.batch.append(link)
        self.summary.by_status[link.status] += 1
        if len(self.batch) >= BATCH or time.monotonic() - self.flushed_at > FLUSH_SECONDS:
            self.flush()

    def flush(self):
        if self.batch:
            # Written with update(), not save(): a routine check that finds a link as it was
            # changes no page; readers' pages go stale only for the links that died or came
            # back (links/readers.py). (bulk_update's CASE per field cost more than it saved.)
            with transaction.atomic():
                for link in self.batch:
                    Link.objects.filter(pk=link.pk).update(
                        **{name: getattr(link, name) for name in FIELDS}
                    )
            link_states_changed(self.turned)
            if self.on_checked:
                for link in self.batch:
                    self.on_checked(link)
        self.batch = []
        self.turned = set()
        self.flushed_at = time.monotonic()


def _give_back(link: Link, deferred: Deferred, before: dict, summary: PassSummary):
    """Not checked: back to where it was in the queue, or to when the site asked us back
    (written with the others at the end of the pass, `_write_given_back`)."""
    asked = datetime.fromtimestamp(deferred.until, tz=UTC)
    summary.given_back.append((link.pk, asked if deferred.site_asked else before.get(link.pk)))
    summary.deferred += 1


def _write_given_back(summary: PassSummary):
    by_time = defaultdict(list)
    for pk, back in summary.given_back:
        by_time[back].append(pk)
    with transaction.atomic():
        for back, pks in by_time.items():
            for start in range(0, len(pks), 500):  # within any database's bound on parameters
                Link.objects.filter(pk__in=pks[start : start + 500]).update(next_check_at=back)
    summary.given_back = []
