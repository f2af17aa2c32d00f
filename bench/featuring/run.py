"""Benchmark of the "Featuring" matcher (featuring/, issue 18): its catalogue and a search.

    .venv/bin/python -m bench.featuring                  # 4,000 artists, 70,000 artworks
    .venv/bin/python -m bench.featuring --no-record      # print only
    .venv/bin/python -m bench.featuring --artworks 5000 --runs 50 --no-record   # a quick look

It makes the catalogue's rows (Tate's sample, /work/shared/data/tate, and generated names up to
--artists and --artworks; bench/featuring/names.py), builds the catalogue (names normalized,
tiers, the Aho-Corasick automaton) --builds times, then times find_mentions() --runs times over
a 3,000-word article (bench/featuring/article.py) after a few untimed runs: median and p95 of
the wall-clock time (the target) and of the process's CPU time (what the code costs, whatever
else the shared machine runs).
Memory: the process's resident memory before and after one build (kept alive), what
tracemalloc counts for one more build, and the automaton's own size (pyahocorasick's
get_stats()), with the variant that stores the entries themselves in the automaton instead of
their index. No database: the catalogue is built from rows, as catalogue.load() builds it from
the database's. It prints a table and appends it to docs/benchmarks.md (unless --no-record).
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc

from bench.shared.lock import single_run_lock

TARGET_MS = 20.0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    lock = single_run_lock()
    if lock is None:
        return 3
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django  # noqa: PLC0415 (after the environment above)

    django.setup()
    from bench.featuring.report import record, table  # noqa: PLC0415 (Django set up first)

    results = measure(args)
    print(table(results))
    if not args.no_record:
        record(results, argv=sys.argv[1:] if argv is None else argv, label=args.label)
    return 0


def measure(args) -> dict:
    # Here: these modules read Django's settings, set up by main().
    import ahocorasick  # noqa: PLC0415

    from bench.featuring.article import article  # noqa: PLC0415
    from bench.featuring.names import catalogue_rows  # noqa: PLC0415
    from featuring.catalogue import build  # noqa: PLC0415
    from featuring.matching import find_mentions  # noqa: PLC0415

    load_before = os.getloadavg()[0]
    artists, artworks = catalogue_rows(args.artists, args.artworks)
    rss_before = _rss_mib()
    started = time.perf_counter()
    catalogue = build(artists, artworks)
    builds = [time.perf_counter() - started]
    rss_after = _rss_mib()
    for _ in range(args.builds - 1):
        started = time.perf_counter()
        build(artists, artworks)
        builds.append(time.perf_counter() - started)
    tracemalloc.start()
    traced_base = tracemalloc.get_traced_memory()[0]
    traced = build(artists, artworks)
    traced_size, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced
    # The variant: the entries themselves as the automaton's values, no list beside it.
    any_automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for key, index in catalogue.automaton.items():
        any_automaton.add_word(key, catalogue.entries[index])
    any_automaton.make_automaton()
    title, standfirst, body = article()
    for _ in range(5):
        mentions = find_mentions(title, standfirst, body, catalogue=catalogue)
    times, cpu = [], []
    for _ in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        find_mentions(title, standfirst, body, catalogue=catalogue)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    times.sort()
    cpu.sort()
    stats = catalogue.automaton.get_stats()
    return {
        "artists": len(catalogue.artist_names),
        "artworks": len(catalogue.artwork_titles),
        "forms": stats["words_count"],
        "nodes": stats["nodes_count"],
        "generic": catalogue.counts["generic_stems"],
        "words": len(_text(body).split()) + len(title.split()) + len(standfirst.split()),
        "mentions": len(mentions),
        "runs": args.runs,
        "median_ms": statistics.median(times),
        "p95_ms": _p95(times),
        "max_ms": times[-1],
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": _p95(cpu),
        "builds": builds,
        "rss_before_mib": rss_before,
        "rss_after_mib": rss_after,
        "traced_mib": (traced_size - traced_base) / 2**20,
        "traced_peak_mib": (traced_peak - traced_base) / 2**20,
        "automaton_mib": stats["total_size"] / 2**20,
        "automaton_any_mib": any_automaton.get_stats()["total_size"] / 2**20,
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "target_ms": TARGET_MS,
    }


def _p95(figures: list[float]) -> float:
    """The 95th percentile of sorted figures (nearest rank)."""
    return figures[min(len(figures) - 1, max(0, round(0.95 * len(figures)) - 1))]


def _text(html: str) -> str:
    import re  # noqa: PLC0415

    return re.sub(r"<[^>]+>", " ", html)


def _rss_mib() -> float:
    """The process's resident memory now (VmRSS), in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.featuring", description=__doc__)
    parser.add_argument("--artists", type=int, default=4000)
    parser.add_argument("--artworks", type=int, default=70000)
    parser.add_argument("--builds", type=int, default=3, help="timed builds of the catalogue")
    parser.add_argument("--runs", type=int, default=300, help="timed searches of the article")
    parser.add_argument("--label", default="", help="words added to the entry's heading")
    parser.add_argument("--no-record", action="store_true", help="do not write docs/benchmarks.md")
    return parser
