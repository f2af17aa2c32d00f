"""Item 1: what the "You may also like" block costs on a cold page, under each scoring.

- `related_block(article)` (recommendations/cards.py) with its cards kept (the page cache's
  fragments warm, after one untimed pass), under the `score-only` scoring, the `standard` one
  (maximal marginal relevance: diversity) and during an experiment (team draft of two
  scorings, both ranked for every block). Rounds interleaved: each round times every scoring
  over every sampled article, the scorings in a rotated order, so that whatever else the
  machine does weighs on each alike. Queries per block: one when the cards are kept.
- What the diversity buys, from the same blocks (untimed, diversity.py).
- The cold article page as a whole (Django's test client, the page cache off) with the
  standard block and with score-only, interleaved the same way.

The experiment is switched on and off with a plain UPDATE of its row (no signal, no page made
stale): the block reads whether one runs in its own query, so nothing else needs to know."""

import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test import Client, override_settings

from bench.measurement.diversity import diversity
from bench.pages.timing import QueryCounter, get, nearest_rank

SCORINGS = ("score-only", "standard", "experiment")
PAGE_SCORINGS = ("score-only", "standard")
# The scorings the experiment drafts from: the standard one against a fresher one (both
# re-rank by maximal marginal relevance, so every block is ranked twice: the dearest case).
EXPERIMENT = ("standard", "fresher")


def figures(samples: list[dict]) -> dict:
    """Median and p90 (nearest rank) of the times in ms, and the queries' median and most."""
    times = [sample["ms"] for sample in samples]
    queries = [sample["queries"] for sample in samples]
    return {
        "count": len(samples),
        "median_ms": statistics.median(times),
        "p90_ms": nearest_rank(times, 0.9),
        "median_queries": statistics.median(queries),
        "max_queries": max(queries),
    }


def with_ratios(found: dict[str, dict], base: str) -> dict[str, dict]:
    """Each scoring's figures with its median's ratio to `base`'s."""
    reference = found[base]["median_ms"]
    return {key: dict(value, ratio=value["median_ms"] / reference) for key, value in found.items()}


def rotated(names: tuple[str, ...], turn: int) -> list[str]:
    """`names` starting at the turn-th (round after round, each goes first in turn)."""
    shift = turn % len(names)
    return list(names[shift:] + names[:shift])


def experiment_id() -> int:
    """The benchmark's experiment, made once (stopped until leave_running())."""
    from recommendations.models import Experiment  # noqa: PLC0415

    experiment, _ = Experiment.objects.get_or_create(
        name="bench: standard vs fresher",
        defaults={"variant_a": EXPERIMENT[0], "variant_b": EXPERIMENT[1]},
    )
    return experiment.pk


def leave_running(experiment: int) -> None:
    """The experiment runs from here on: clicks and impressions count for its teams only while
    it runs (an experiment stopped is closed, recommendations/counting/upserts.py), so the
    concurrent run that follows sends them to a running one, as a live site does."""
    from recommendations.models import Experiment  # noqa: PLC0415

    Experiment.objects.filter(pk=experiment).update(running=True)


@contextmanager
def scoring(name: str, experiment: int) -> Iterator[None]:
    """The blocks ranked by the scoring `name`, or drafted by the experiment's two."""
    from recommendations.models import Experiment  # noqa: PLC0415

    if name != "experiment":
        with override_settings(RECOMMENDATIONS_VARIANT=name):
            yield
        return
    Experiment.objects.filter(pk=experiment).update(running=True)
    try:
        yield
    finally:
        Experiment.objects.filter(pk=experiment).update(running=False)


def time_blocks(articles: list, *, rounds: int) -> dict:
    """Each scoring's figures over `rounds` x the articles, and what its blocks show."""
    from recommendations import slots  # noqa: PLC0415
    from recommendations.cards import related_block  # noqa: PLC0415

    experiment = experiment_id()
    shown: dict[str, dict[int, tuple[int, ...]]] = {}
    for name in SCORINGS:  # untimed: cards kept, statements compiled, the scorings read
        with scoring(name, experiment):
            tokens = {article.pk: related_block(article).token for article in articles}
        shown[name] = {
            source: tuple(slot.target_id for slot in slots.load(token).slots)
            for source, token in tokens.items()
            if token
        }
    samples: dict[str, list[dict]] = defaultdict(list)
    for turn in range(rounds):
        for name in rotated(SCORINGS, turn):
            with scoring(name, experiment):
                for article in articles:
                    counter = QueryCounter()
                    with connection.execute_wrapper(counter):
                        started = time.perf_counter()
                        related_block(article)
                        elapsed = time.perf_counter() - started
                    samples[name].append({"ms": elapsed * 1000, "queries": counter.count})
    timed = with_ratios({name: figures(samples[name]) for name in SCORINGS}, "score-only")
    return {
        name: {
            **timed[name],
            **diversity(shown[name], baseline=shown["score-only"]),
            "empty": len(articles) - len(shown[name]),
        }
        for name in SCORINGS
    }


def time_pages(urls: list[str], *, rounds: int, headers: dict) -> dict:
    """The article pages, the page cache off, with the standard block and with score-only:
    each URL asked under both in turn (rotated), after one untimed pass under each."""
    client = Client(headers=headers)
    samples: dict[str, list[dict]] = defaultdict(list)
    with override_settings(PAGE_CACHE=False):
        for name in PAGE_SCORINGS:
            with override_settings(RECOMMENDATIONS_VARIANT=name):
                for url in urls:
                    get(client, url)
        for turn in range(rounds):
            for number, url in enumerate(urls):
                for name in rotated(PAGE_SCORINGS, turn + number):
                    with override_settings(RECOMMENDATIONS_VARIANT=name):
                        samples[name].append(get(client, url))
    errors = sum(s["status"] != 200 for found in samples.values() for s in found)
    timed = {name: figures(samples[name]) for name in PAGE_SCORINGS}
    return {"pages": with_ratios(timed, "score-only"), "errors": errors, "urls": len(urls)}
