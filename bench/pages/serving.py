"""Article pages and the bare view through gunicorn (deploy/gunicorn.conf.py, DEBUG off, Redis
as the cache, as production), cold (the page cache off) then warm (on, after one untimed pass
over every URL), loaded by wrk; the pieces are bench/shared/'s, as bench.serve uses them. The
target of issue 17 (item 2): warm article pages at 80% or more of the bare view's req/s.

On a shared machine one wrk run of each says little: the bare view and the article pages are
loaded in turn, `--rounds` times (bare, articles, bare, articles, ...), and each figure is the
median of its runs."""

import os
import statistics
from pathlib import Path

from bench.shared.gunicorn import Server, free_port, server_env
from bench.shared.serving import check_urls, load_urls

WARM_SHARE_OF_BARE = 0.8


def serve(env: dict, workdir: Path, article_urls: list[str], wrk: str, args) -> dict:
    sets = {"bare": ["/bench/bare/"], "article": article_urls}
    results: dict = {"loads": {}, "checks": {}, "urls": {k: len(v) for k, v in sets.items()}}
    for mode in ("cold", "warm"):
        server = Server(mode, free_port(), workdir / f"gunicorn-{mode}.log")
        results["loads"][mode] = os.getloadavg()[0]
        print(f"--- gunicorn, {mode}, on {server.base}", flush=True)
        try:
            server.start(
                server_env(env, server, workdir, page_cache=mode == "warm", workers=args.workers)
            )
            results["checks"][mode] = check_urls(server, sets)
            results[mode] = alternated(wrk, server, sets, workdir, args)
            results["worker_errors"] = results.get("worker_errors", 0) + server.worker_errors()
        finally:
            server.stop()
    return results


def alternated(wrk: str, server: Server, sets: dict, workdir: Path, args) -> dict:
    """Each set loaded in turn, args.rounds times; the median figures of each set's runs."""
    runs: dict[str, list[dict]] = {key: [] for key in sets}
    for _ in range(args.rounds):
        for key, paths in sets.items():
            runs[key].append(
                load_urls(
                    wrk, server, key, paths, workdir, duration=args.duration,
                    connections=args.connections, latency_connections=args.workers,
                    threads=2, keepalive=False,
                )
            )  # fmt: skip
    return {key: median_figures(found) for key, found in runs.items()}


def median_figures(runs: list[dict]) -> dict:
    """The median rps and percentiles of several runs, their failures summed, and each run's
    req/s under load."""
    merged = {}
    for run in ("load", "latency"):
        each = [found[run] for found in runs]
        merged[run] = {
            **{k: statistics.median(f[k] for f in each) for k in ("rps", "p50_ms", "p99_ms")},
            "non_2xx": sum(f["non_2xx"] for f in each),
            "errors": sum(f["errors"] for f in each),
        }
    merged["rounds"] = [round(found["load"]["rps"]) for found in runs]
    return merged


def warm_share(served: dict) -> float:
    """Warm article pages' req/s as a share of the bare view's, from the runs under load."""
    bare = served["warm"]["bare"]["load"]["rps"]
    return served["warm"]["article"]["load"]["rps"] / bare if bare else 0.0


def failures(served: dict) -> int:
    return sum(
        figures[run]["non_2xx"] + figures[run]["errors"]
        for mode in ("cold", "warm")
        for figures in served[mode].values()
        for run in ("load", "latency")
    )
