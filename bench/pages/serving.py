"""Article pages and the bare view through gunicorn (deploy/gunicorn.conf.py, DEBUG off, Redis
as the cache, as production), cold (the page cache off) then warm (on, after one untimed pass
over every URL), loaded by wrk; the pieces are bench/shared/'s, as bench.serve uses them. The
target of issue 17 (item 2): warm article pages at 80% or more of the bare view's req/s."""

import os
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
            results[mode] = {
                key: load_urls(
                    wrk, server, key, paths, workdir, duration=args.duration,
                    connections=args.connections, latency_connections=args.workers,
                    threads=2, keepalive=False,
                )
                for key, paths in sets.items()
            }  # fmt: skip
            results["worker_errors"] = results.get("worker_errors", 0) + server.worker_errors()
        finally:
            server.stop()
    return results


def warm_share(served: dict) -> float:
    """Warm article pages' req/s as a share of the bare view's, from the runs under load."""
    bare = served["warm"]["bare"]["load"]["rps"]
    return served["warm"]["article"]["load"]["rps"] / bare if bare else 0.0


def failures(served: dict) -> int:
    return sum(
        run["non_2xx"] + run["errors"]
        for mode in ("cold", "warm")
        for figures in served[mode].values()
        for run in figures.values()
    )
