"""The full rebuild of every article's suggestions (`manage.py recompute_recommendations`).

Scoring runs in worker processes (one per core) while this process writes what they return,
so computing and writing overlap. Everything is written in one transaction: readers keep
seeing the previous suggestions until it commits. Links a person decided on are never touched.
"""

import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, connections, transaction

from recommendations.features import (
    load_features,
    remember_site_counts,
    scorer_for,
    stored_per_article,
)
from recommendations.models import RelatedLink
from recommendations.names import Names
from recommendations.nominate import postings_in_memory, shortlist
from recommendations.scoring import Features, Match, Scorer
from recommendations.storage import Row, insert_rows, suggestion_row

CHUNK = 2000
# Below this many articles, starting processes costs more than it saves.
PARALLEL_FROM = 20_000


@dataclass(frozen=True)
class RebuildSummary:
    articles: int
    suggestions: int
    moderated_kept: int

    def __str__(self):
        return (
            f"Recomputed suggestions for {self.articles:,} articles: "
            f"{self.suggestions:,} suggestions stored, {self.moderated_kept:,} moderated links "
            "kept as they were."
        )


@dataclass
class Job:
    """What every worker needs, built once before the workers start (and shared with them)."""

    features: dict[int, Features]
    scorer: Scorer
    moderated: dict[int, set[int]]  # source id -> targets a person decided on
    keep: int
    names: Names

    def __post_init__(self):
        self.by_tag, self.by_artist, self.by_artwork, self.by_series = postings_in_memory(
            self.features, self.scorer
        )

    def best_for(self, source: Features) -> list[Match]:
        ids = shortlist(
            source,
            scorer=self.scorer,
            by_tag=self.by_tag,
            by_artist=self.by_artist,
            by_artwork=self.by_artwork,
            by_series=self.by_series,
        )
        return self.scorer.best(
            source,
            [self.features[i] for i in ids],
            self.keep,
            excluding=self.moderated.get(source.id, ()),
        )

    def rows(self, source_ids: list[int]) -> tuple[int, list[Row]]:
        """The rows to store for these sources (plain tuples: cheap to send between
        processes), and how many sources that was."""
        rows = []
        for pk in source_ids:
            source = self.features[pk]
            for match in self.best_for(source):
                reasons = self.names.reasons_json(match, source.section_id, source.series_id)
                rows.append(
                    suggestion_row(pk, match.target_id, round(match.score, 4), reasons, self.now)
                )
        return len(source_ids), rows

    @property
    def now(self):
        return self.scorer.now


def rebuild(
    *, on_progress: Callable[[int], None] | None = None, workers: int | None = None
) -> RebuildSummary:
    """Recompute every article's suggestions; `workers` processes (default: one per core,
    or none for a small site or inside an open transaction)."""
    features = load_features()
    tag_counts = Counter(tag for article in features.values() for tag in article.tags)
    remember_site_counts(len(features), tag_counts)
    job = Job(
        features=features,
        scorer=scorer_for(article_count=len(features), tag_counts=tag_counts),
        moderated=_moderated_targets(),
        keep=stored_per_article(),
        names=Names(),
    )
    job.names.load_for(features.values())
    stored = 0
    workers = _worker_count(workers, len(features))
    with _computed(job, workers) as computed, transaction.atomic():
        RelatedLink.objects.suggested().delete()
        for sources, rows in computed:
            stored += insert_rows(rows)
            if on_progress:
                on_progress(sources)
    return RebuildSummary(
        len(features), stored, sum(len(targets) for targets in job.moderated.values())
    )


def _moderated_targets() -> dict[int, set[int]]:
    targets = defaultdict(set)
    for source_id, target_id in RelatedLink.objects.moderated().values_list(
        "source_id", "target_id"
    ):
        targets[source_id].add(target_id)
    return targets


def _worker_count(requested: int | None, articles: int) -> int:
    if requested is not None:
        return requested
    if articles < PARALLEL_FROM:
        return 0
    return min(os.cpu_count() or 1, 4)


_job: Job | None = None  # the job a forked worker inherits


def _rows_in_worker(source_ids: list[int]) -> tuple[int, list[Row]]:
    return _job.rows(source_ids)


@contextmanager
def _computed(job: Job, workers: int) -> Iterator[Iterator[tuple[int, list[Row]]]]:
    """Results chunk by chunk, in order: from forked workers when possible, else here.

    The workers start (fork) on entering, before the caller opens its transaction: they
    inherit this process's memory, and no database connection may be shared with them, which
    is why connections are closed first (possible only outside a transaction)."""
    ids = list(job.features)
    chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers < 2 or not can_fork or connection.in_atomic_block:
        yield (job.rows(chunk) for chunk in chunks)
        return
    global _job
    _job = job
    connections.close_all()
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        yield pool.imap(_rows_in_worker, chunks)
    finally:
        pool.terminate()
        pool.join()
        _job = None
