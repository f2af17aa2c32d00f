"""Benchmark of serving public pages through gunicorn, cold (page cache off) and warm (on).

    .venv/bin/python -m bench.serve                          # 100,000 articles, 15 s a scenario
    .venv/bin/python -m bench.serve --articles 2000 --duration 5 --no-record   # a quick check

It creates the PostgreSQL database newsroom_bench (dropped first if left over), migrates it and
writes the corpus of bench/corpus/ into it (in a process of its own), collects the static
files into a temporary directory, then twice starts gunicorn with deploy/gunicorn.conf.py on
127.0.0.1 (2 workers, DEBUG off, settings bench.shared.site_settings: the application's, plus a
bare view), first with PAGE_CACHE=false (cold), then with PAGE_CACHE=true (warm, after one
untimed pass over every URL), and loads it with wrk (scripts/ensure-wrk.sh installs Debian's)
for a fixed time per scenario: the bare view, article pages, the home page, artist pages, search
pages, each over its set of distinct URLs, round-robin. With the warm server it changes an
article's title and renames an artist it features through the ORM, and checks the very next
response.

It prints the tables and the issue's targets with PASS/FAIL, appends an entry to
docs/benchmarks.md (unless --no-record), and at the end, however it ends (error, Ctrl-C,
SIGTERM): stops gunicorn's process group, deletes its Redis keys (its own CACHE_KEY_PREFIX, SCAN
+ DEL), drops the database and removes its temporary directory. Exit status 2 when PostgreSQL,
Redis or wrk is missing; 3 when another benchmark holds the lock.
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path
from signal import SIGINT, SIGTERM

from bench.serve.report import (
    SCENARIOS,
    entry,
    machine,
    record,
    scenario_table,
    targets_table,
    verdict,
)
from bench.serve.steps import run_step
from bench.shared.gunicorn import (
    Server,
    check_static,
    delete_prefix,
    free_port,
    redis_check,
    server_env,
    site_env,
)
from bench.shared.lock import single_run_lock
from bench.shared.machine import changed_since
from bench.shared.paths import DOC, ROOT
from bench.shared.postgres import (
    BENCH_DATABASE,
    DEFAULT_POSTGRES,
    BenchFailed,
    drop_postgres_database,
    postgres_url,
    postgres_version,
    recreate_postgres_database,
)
from bench.shared.serving import check_urls, load_urls
from bench.shared.steps import collectstatic, run_child
from bench.shared.wrk import WrkFailed, ensure_wrk, wrk_version

DEFAULT_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
# URLs of each set asked once before the cold server is timed (all of them before the warm one).
COLD_CHECK = 20


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    args.latency_connections = args.latency_connections or args.workers
    if args.step:
        return run_step(args)
    lock = single_run_lock()
    if lock is None:
        return 3
    try:
        wrk = ensure_wrk()
        postgres_version(args.postgres_url)
        redis_version = redis_check(args.redis_url)
    except BenchFailed as error:
        print(error, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    about, started = machine(), time.time()
    results = {"redis_version": redis_version, "wrk_version": wrk_version(wrk), "loads": {}}
    try:
        run(args, wrk, results)
    except (BenchFailed, WrkFailed) as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "\nInterrupted: servers stopped, database dropped, nothing recorded.", file=sys.stderr
        )
        return 130
    results["changed"] = changed_since(started)
    table = scenario_table(
        results, connections=args.connections, latency_connections=args.latency_connections
    )
    print(f"\n{table}\n\n{targets_table(results)}\n")
    for target, value, passed in verdict(results):
        print(f"{'PASS' if passed else 'FAIL'}  {target}: {value}")
    if args.record:
        record(entry(args, argv, about, results))
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.serve", description="Time public pages served through gunicorn."
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="another build_corpus() argument, e.g. artists=5000 (repeatable)",
    )
    parser.add_argument("--urls", type=int, default=2000, help="distinct article URLs (2000)")
    parser.add_argument("--artist-urls", type=int, default=1000, help="artist URLs (1000)")
    parser.add_argument("--search-urls", type=int, default=100, help="search queries (100)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per scenario (15)")
    parser.add_argument(
        "--connections", type=int, default=8, help="wrk's connections for req/s (8)"
    )
    parser.add_argument(
        "--latency-connections",
        type=int,
        help="wrk's connections for the latency run (default: one per gunicorn worker)",
    )
    parser.add_argument("--wrk-threads", dest="threads_wrk", type=int, default=2)
    parser.add_argument(
        "--keepalive",
        action="store_true",
        help="keep wrk's connections open (default: one request per connection, as nginx "
        "does to its upstream without a keepalive block)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (4)")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--label", default="", help="added to the entry's heading")
    parser.add_argument("--no-record", dest="record", action="store_false")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds a step may take")
    # Internal: run one Django step in this process (bench/serve/steps.py).
    parser.add_argument("--step", choices=["build", "fresh"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--article", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--artist", type=int, help=argparse.SUPPRESS)
    return parser


def run(args, wrk: str, results: dict):
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-serve-"))
    prefix = f"newsroom-bench-{uuid.uuid4().hex[:12]}"
    database_url = postgres_url(args.postgres_url, BENCH_DATABASE)
    env = site_env(workdir, prefix=prefix, database_url=database_url, redis_url=args.redis_url)
    servers: list[Server] = []
    try:
        recreate_postgres_database(args.postgres_url)
        print(f"=== corpus: {args.articles:,} articles into {BENCH_DATABASE}", flush=True)
        # No statement timeout while loading (as bench/corpus/): ANALYZE, the bulk writes.
        build_env = dict(env, DATABASE_STATEMENT_TIMEOUT_MS="0")
        results["build"] = _step("build", build_env, workdir, args)
        results["urls"] = urls = results["build"]["urls"]
        print("=== collectstatic", flush=True)
        collectstatic(env)
        for mode in ("cold", "warm"):
            server = Server(mode, free_port(), workdir / f"gunicorn-{mode}.log")
            servers.append(server)
            results["loads"][mode] = os.getloadavg()[0]
            print(f"=== {mode}: gunicorn on {server.base}", flush=True)
            server.start(
                server_env(
                    env, server, workdir, page_cache=mode == "warm", workers=args.workers,
                    worker_class=args.worker_class, threads=args.threads,
                )
            )  # fmt: skip
            if mode == "cold":
                results["static"] = check_static(Path(env["STATIC_ROOT"]), server.base)
                check_urls(server, {key: urls[key][:COLD_CHECK] for key in SCENARIOS})
            else:
                results["warmup"] = check_urls(server, {key: urls[key] for key in SCENARIOS})
            results[mode] = {
                key: load_urls(
                    wrk, server, key, urls[key], workdir, duration=args.duration,
                    connections=args.connections, latency_connections=args.latency_connections,
                    threads=args.threads_wrk, keepalive=args.keepalive,
                )
                for key in SCENARIOS
            }  # fmt: skip
            if mode == "warm":
                results["fresh"] = _step(
                    "fresh", server.env, workdir, args, base_url=server.base,
                    article=urls["fresh_article"], artist=urls["fresh_artist"],
                )  # fmt: skip
            server.stop()
            if server.worker_errors():
                print(f"gunicorn ({mode}) logged errors:\n{server.log_tail()}", file=sys.stderr)
    finally:
        # A second Ctrl-C must not leave a server, the database or the keys behind.
        handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (SIGINT, SIGTERM)}
        try:
            for server in servers:
                server.stop()
            deleted = delete_prefix(args.redis_url, prefix)
            drop_postgres_database(args.postgres_url)
            shutil.rmtree(workdir, ignore_errors=True)
            print(
                f"Cleaned up: gunicorn stopped, {deleted:,} Redis keys under {prefix}: deleted, "
                f"{BENCH_DATABASE} dropped, {workdir} removed."
            )
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)


def _step(step: str, env: dict, workdir: Path, args, **extra) -> dict:
    result_file = workdir / f"{step}.json"
    command = [sys.executable, "-m", "bench.serve", "--step", step]
    command += ["--result", str(result_file), "--articles", str(args.articles)]
    command += ["--seed", str(args.seed), "--urls", str(args.urls)]
    command += ["--artist-urls", str(args.artist_urls), "--search-urls", str(args.search_urls)]
    command += [f"--corpus={pair}" for pair in args.corpus]
    command += [f"--{name.replace('_', '-')}={value}" for name, value in extra.items()]
    return run_child(command, step=step, env=env, result=result_file, timeout=args.timeout)
