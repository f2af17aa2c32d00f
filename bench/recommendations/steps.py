"""The benchmark's steps, each run in a process of its own (`python -m bench.recommendations
--step`), in the database its environment names. Django and the apps are imported inside the
functions, after setup_django()."""

import json
import math
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from random import Random

from bench.corpus.build import add_article, build_corpus, setup_django
from bench.corpus.sampling import ArticleSampler
from bench.recommendations.memory import TreeMemory
from bench.shared.database import database_version


def run_step(args) -> int:
    setup_django()
    from django.db import connection  # noqa: PLC0415

    step = {"build": step_build, "rebuild": step_rebuild, "publish": step_publish}[args.step]
    result = step(args)
    result["database_version"] = database_version(connection)
    Path(args.result).write_text(json.dumps(result))
    return 0


def step_build(args) -> dict:
    from django.core.management import call_command  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    print(f"migrated in {migrated - started:.1f} s", flush=True)
    summary = build_corpus(
        articles=args.articles,
        artists=args.artists,
        tags=args.tags,
        seed=args.seed,
        progress=lambda message: print(message, flush=True),
        # The corpus of the entries in docs/benchmarks.md: articles, tags and artists only
        # (artworks in figures would count in the scoring and change what is timed).
        artworks=0,
        authors=0,
        figures_per_article=0,
    )
    print(summary, flush=True)
    return {"migrate_s": migrated - started, "corpus": summary.as_dict()}


def step_rebuild(args) -> dict:
    from django.conf import settings  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from recommendations import engine  # noqa: PLC0415

    connection.ensure_connection()
    result = {
        "load_average": os.getloadavg()[0],
        "baseline_rss_mib": rss_mib(),
        "block_size": settings.RECOMMENDATIONS_BLOCK_SIZE,
        "floor": settings.RECOMMENDATIONS_FLOOR,
        "runs": [],
    }
    for label in ("empty table", "over stored suggestions"):
        with TreeMemory() as tree:
            started = time.perf_counter()
            summary = engine.rebuild()
            seconds = time.perf_counter() - started
        result["runs"].append(
            {
                "label": label,
                "seconds": seconds,
                "articles": summary.articles,
                "suggestions": summary.suggestions,
                "peak_rss_mib": peak_rss_mib(),
                "tree": tree.as_dict(),
            }
        )
        print(
            f"rebuild ({label}): {seconds:.1f} s, {summary} Peak RSS {peak_rss_mib():.0f} MiB; "
            f"{tree}",
            flush=True,
        )
    result["peak_rss_mib"] = peak_rss_mib()
    result["children_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["tree"] = {
        key: max(run["tree"][key] for run in result["runs"])
        for key in ("rss_mib", "pss_mib", "processes")
    }
    if args.profile:
        _profiled(args.profile, "rebuild", engine.rebuild, args.profiler)
    if connection.vendor == "postgresql":
        # As autovacuum would before the next publish, long after a nightly rebuild.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # constant SQL: no input reaches it
    return result


def step_publish(args) -> dict:
    from django.db import connection  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from articles.models import Article  # noqa: PLC0415
    from recommendations.engine import refresh_article  # noqa: PLC0415

    sampler = ArticleSampler.from_database(Random(args.seed + 1))  # noqa: S311 (test data)
    number = Article.objects.count()
    refreshes = []
    for _ in range(args.publishes):
        number += 1
        article_id = add_article(sampler, number=number, published_at=timezone.now())
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            refresh_article(article_id)
            elapsed = time.perf_counter() - started
        refreshes.append({"ms": elapsed * 1000, "queries": counter.count, **_about(article_id)})
    for index, refresh in enumerate(refreshes, start=1):
        print(
            f"publish {index:2}: {refresh['ms']:7.1f} ms, {refresh['queries']} queries, "
            f"{refresh['tags']} tags, {refresh['artists']} artists, "
            f"postings {refresh['postings']:,}, {refresh['own']} own suggestions, "
            f"in {refresh['inbound']} other lists",
            flush=True,
        )
    if args.profile:
        extra = 10

        def more_publishes():
            nonlocal number
            for _ in range(extra):
                number += 1
                refresh_article(add_article(sampler, number=number, published_at=timezone.now()))

        _profiled(args.profile, "publish", more_publishes, args.profiler)
    times = sorted(refresh["ms"] for refresh in refreshes)
    queries = sorted(refresh["queries"] for refresh in refreshes)
    return {
        "refreshes": refreshes,
        "median_ms": statistics.median(times),
        "p90_ms": nearest_rank(times, 0.9),
        "max_ms": times[-1],
        "min_ms": times[0],
        "median_queries": statistics.median(queries),
        "max_queries": queries[-1],
    }


class QueryCounter:
    """Counts queries through connection.execute_wrapper. CaptureQueriesContext would force the
    debug cursor, which on SQLite runs one more query per query to render its SQL (QUOTE()),
    and so would inflate the time it is meant to sit beside."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _about(article_id: int) -> dict:
    """What a publish's cost depends on: its tags and artists, and how many article ids the
    lists it reads hold (rare tags' and its artists' articles). Read after the timing."""
    from django.db.models import Count  # noqa: PLC0415

    from articles.models import Article, TaggedArticle  # noqa: PLC0415
    from recommendations.models import RelatedLink  # noqa: PLC0415
    from recommendations.scoring import (  # noqa: PLC0415
        NOMINATING_TAG_MIN_ARTICLES,
        NOMINATING_TAG_SHARE,
    )

    featured_artist = Article.featured_artists.through
    tag_ids = list(
        TaggedArticle.objects.filter(content_object_id=article_id).values_list("tag_id", flat=True)
    )
    artist_ids = list(
        featured_artist.objects.filter(article_id=article_id).values_list("artist_id", flat=True)
    )
    published = Article.objects.with_status_published().count()
    nominating_max = max(NOMINATING_TAG_MIN_ARTICLES, int(published * NOMINATING_TAG_SHARE))
    tag_counts = (
        TaggedArticle.objects.filter(tag_id__in=tag_ids)
        .values("tag_id")
        .annotate(articles=Count("id"))
        .values_list("articles", flat=True)
    )
    postings = sum(count for count in tag_counts if count <= nominating_max)
    postings += featured_artist.objects.filter(artist_id__in=artist_ids).count()
    return {
        "tags": len(tag_ids),
        "artists": len(artist_ids),
        "postings": postings,
        "own": RelatedLink.objects.filter(source_id=article_id).count(),
        "inbound": RelatedLink.objects.filter(target_id=article_id).count(),
    }


def _profiled(directory: str, name: str, function, profiler: str):
    """Run function once more under a profiler, after the timed runs, and save its report."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if profiler == "pyinstrument":
        from pyinstrument import Profiler  # noqa: PLC0415 (optional: pip install pyinstrument)

        sampler = Profiler(interval=0.001)
        sampler.start()
        function()
        sampler.stop()
        path = Path(directory) / f"{name}.html"
        path.write_text(sampler.output_html())
        print(sampler.output_text(show_all=False, color=False))
    else:
        import cProfile  # noqa: PLC0415
        import pstats  # noqa: PLC0415

        profile = cProfile.Profile()
        profile.runcall(function)
        path = Path(directory) / f"{name}.prof"
        profile.dump_stats(path)
        stats = pstats.Stats(profile, stream=sys.stdout).strip_dirs()
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
    print(f"profiled {name}: {time.perf_counter() - started:.1f} s under {profiler} -> {path}")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def nearest_rank(values: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted values."""
    rank = max(1, math.ceil(share * len(values)))
    return values[rank - 1]
