"""The corpus's "You may also like" (build.py): the engine's own full rebuild."""

import time
from collections.abc import Callable


def recommend(articles: int, *, say: Callable[[str], None], analyze: Callable[[], None]) -> int:
    """Run the full rebuild as `manage.py recompute_recommendations` does (worker processes on a
    large site, outside a transaction), reporting every tenth; returns the suggestions stored."""
    from recommendations.engine import rebuild  # noqa: PLC0415

    started = time.perf_counter()
    done = 0
    step = max(articles // 10, 1)

    def report(sources: int):
        nonlocal done
        if (done + sources) // step > done // step:
            say(
                f"recommendations {done + sources:,}/{articles:,} articles "
                f"({time.perf_counter() - started:.1f} s)"
            )
        done += sources

    summary = rebuild(on_progress=report)
    analyze()  # the planner's statistics of the links table, as of the other tables
    say(f"{summary} ({time.perf_counter() - started:.1f} s)")
    return summary.suggestions
