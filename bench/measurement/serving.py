"""The concurrent run through gunicorn (deploy/gunicorn.conf.py, DEBUG off, Redis as the cache,
as production serves the site): a few untimed requests so that every worker has loaded its
code and opened its connection, the sums read, the bare view and then the clicks and beacons
sent by the clients (concurrency.py), the sums read again. Counted exactly when the sums grew
by what was sent, and every request got its answer (0 errors)."""

from collections.abc import Callable
from pathlib import Path

from bench.measurement import concurrency
from bench.measurement.counting import difference
from bench.shared.gunicorn import Server, free_port, server_env
from bench.shared.postgres import BenchFailed

WARM_UP = 8  # untimed requests of each kind, more than the workers


def serve(env: dict, workdir: Path, items: list[dict], args, *, sums: Callable[[], dict]) -> dict:
    server = Server("counting", free_port(), workdir / "gunicorn-counting.log")
    print(f"--- gunicorn, {args.workers} workers, on {server.base}", flush=True)
    try:
        server.start(server_env(env, server, workdir, page_cache=True, workers=args.workers))
        warm = concurrency.plan(items, clients=1, requests=WARM_UP)
        warm += concurrency.bare_plan(clients=1, requests=WARM_UP)
        warmed = concurrency.run("127.0.0.1", server.port, warm)
        if warmed["errors"]:
            raise BenchFailed(f"{warmed['errors']} warm-up requests failed:\n{server.log_tail()}")
        before = sums()
        bare = concurrency.run(
            "127.0.0.1",
            server.port,
            concurrency.bare_plan(clients=args.clients, requests=args.requests),
        )
        _say("bare view", bare)
        plans = concurrency.plan(items, clients=args.clients, requests=args.requests)
        counting = concurrency.run("127.0.0.1", server.port, plans)
        _say("clicks and beacons", counting)
        counted = difference(sums(), before)
        worker_errors = server.worker_errors()
    finally:
        server.stop()
    return {
        "workers": args.workers,
        "bare": bare,
        "counting": counting,
        "counted": counted,
        "exact": counted == counting["expected"] and counting["errors"] == 0,
        "worker_errors": worker_errors,
    }


def _say(what: str, found: dict):
    print(
        f"    {what}: {found['requests']:,} requests from {found['clients']} clients in "
        f"{found['seconds']:.1f} s, {found['rps']:,.0f} req/s, p50 {found['p50_ms']:.1f} ms, "
        f"p99 {found['p99_ms']:.1f} ms, errors {found['errors']}",
        flush=True,
    )
