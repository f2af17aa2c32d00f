"""Issue 9's load test: 50 connections for 60 s against gunicorn on PostgreSQL, steady, then with
PostgreSQL stopped and started again in the middle, page cache on and off.

    .venv/bin/python -m bench.load                  # 10,000 articles, three runs of 60 s
    .venv/bin/python -m bench.load --articles 2000 --duration 20 --stop-at 5 --start-at 10 \
        --no-record                                 # a quick check

It starts a PostgreSQL server of its own (bench/shared/pg_cluster.py: initdb into a temporary
folder, its own port on 127.0.0.1; the machine's server is never touched), migrates it and
writes the corpus of bench/corpus/ (in a process of its own, with DATABASE_URL set as gunicorn
gets it), collects the static files into a temporary folder, then starts gunicorn with
deploy/gunicorn.conf.py on 127.0.0.1 (DEBUG off, Redis as the cache under a key prefix of its
own) and loads it with wrk (scripts/ensure-wrk.sh installs Debian's) over a shuffled mix of
article, artist, search and home URLs (bench/load/wrk.py's Lua script counts the responses of
every second by status class):

1. steady, page cache off (PAGE_CACHE=false: every request needs PostgreSQL): every response
   must be 2xx/3xx;
2. restart, page cache off: the same server; PostgreSQL stopped at --stop-at (20 s,
   `pg_ctl stop -m fast`) and started at --start-at (30 s) by this process while wrk runs;
3. restart, page cache on (the production default): a new server, its cache filled first by
   one untimed pass over every URL; cached pages keep being served during the outage.

A restart run passes when there are no errors before the stop, only the friendly 503 during the
outage and until 5 s after PostgreSQL accepts connections again, and only 2xx/3xx after that
(bench/load/report.py). It prints the tables and PASS/FAIL, appends an entry to
docs/benchmarks.md (unless --no-record) and, however it ends (error, Ctrl-C, SIGTERM), stops
gunicorn's process group, deletes its Redis keys, stops and deletes the PostgreSQL server and
removes its temporary folder. Exit status 1 when a run fails its conditions or the benchmark
fails; 2 when PostgreSQL's binaries, Redis or wrk are missing; 3 when another benchmark holds
the lock.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict
from pathlib import Path
from signal import SIGINT, SIGTERM

from bench.load.report import (
    RUNS,
    entry,
    record,
    restart_table,
    restart_verdict,
    runs_table,
    steady_verdict,
    timeline_text,
    verdict_lines,
)
from bench.load.setup import (
    prepare,
    ready,
    server_env,
    site_env,
    warm,
)
from bench.load.steps import run_step
from bench.load.wrk import (
    WRK_TIMEOUT_S,
    Fault,
    lua_script,
    mix_paths,
    run_wrk,
    wrk_command,
)
from bench.shared.gunicorn import (
    PROXY_HEADERS,
    SITE_PACKAGES,
    Server,
    delete_prefix,
    free_port,
    redis_check,
)
from bench.shared.lock import single_run_lock
from bench.shared.machine import changed_since, machine_info
from bench.shared.paths import DOC, ROOT
from bench.shared.pg_cluster import ClusterFailed, PostgresCluster, PostgresUnavailable
from bench.shared.postgres import BenchFailed
from bench.shared.wrk import WrkFailed, ensure_wrk, wrk_version

DEFAULT_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
DATABASE = "newsroom"
# As deploy/nginx.conf passes requests on: HTTPS said, one request per connection.
HEADERS = {**PROXY_HEADERS, "Connection": "close"}
# Which runs each server serves: page cache off (steady, then restart), then on (restart,
# after one pass over every URL has filled the cache).
PLAN = ((False, ("steady", "restart_uncached")), (True, ("restart_cached",)))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.step and (problem := _check_times(args)):
        parser.error(problem)
    if args.step:
        return run_step(args)
    held = single_run_lock()
    if held is None:
        return 3
    try:
        wrk = ensure_wrk()
        redis_version = redis_check(args.redis_url)
        cluster = PostgresCluster()
    except (BenchFailed, PostgresUnavailable) as error:
        print(error, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    machine, started = machine_info(SITE_PACKAGES), time.time()
    results = {
        "redis_version": redis_version,
        "wrk_version": wrk_version(wrk),
        "wrk_timeout": WRK_TIMEOUT_S,
        "runs": {},
        "worker_errors": {},
    }
    try:
        run(args, wrk, cluster, results)
    except (BenchFailed, WrkFailed, ClusterFailed, subprocess.TimeoutExpired) as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted: everything stopped and removed, nothing recorded.", file=sys.stderr)
        return 130
    results["changed"] = changed_since(started)
    runs = results["runs"]
    print(f"\n{runs_table(runs, connections=args.connections)}\n\n{restart_table(runs)}\n")
    print("\n".join(verdict_lines(runs)))
    if args.record:
        record(entry(args, argv, machine, results))
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0 if all(run["verdict"]["passed"] for run in runs.values()) else 1


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load",
        description="Load gunicorn on PostgreSQL with wrk, steady and with PostgreSQL restarted.",
    )
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--urls", type=int, default=2000, help="distinct article URLs (2000)")
    parser.add_argument("--artist-urls", type=int, default=500, help="artist URLs (500)")
    parser.add_argument("--search-urls", type=int, default=200, help="search queries (200)")
    parser.add_argument("--duration", type=int, default=60, help="seconds a run (60)")
    parser.add_argument("--connections", type=int, default=50, help="wrk's connections (50)")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--stop-at", type=float, default=20.0, help="stop PostgreSQL this many s into a run (20)"
    )
    parser.add_argument(
        "--start-at", type=float, default=30.0, help="start it again this many s in (30)"
    )
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--label", default="", help="added to the entry's heading")
    parser.add_argument("--no-record", dest="record", action="store_false")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds the build may take")
    # Internal: the build step, run in a process of its own (bench/load/steps.py).
    parser.add_argument("--step", choices=["build"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser


def _check_times(a) -> str | None:
    """Why the options leave no phase to judge (before, outage, after), or None."""
    if a.connections < 1 or a.threads < 1 or a.threads > a.connections:
        return "need at least one connection, and no more threads than connections"
    if not 1 <= a.stop_at < a.start_at:
        return "need 1 <= --stop-at < --start-at"
    if a.start_at + 10 > a.duration:
        return "need --start-at at least 10 s before the end of --duration (recovery, then after)"
    return None


def run(args, wrk: str, cluster: PostgresCluster, results: dict):
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-load-"))
    prefix = f"newsroom-bench-load-{uuid.uuid4().hex[:12]}"
    servers: list[Server] = []
    try:
        print(f"=== PostgreSQL of our own on 127.0.0.1:{cluster.port}", flush=True)
        cluster.start()
        cluster.create_database(DATABASE)
        env = site_env(args, workdir, prefix, cluster.url(DATABASE))
        print(f"=== corpus: {args.articles:,} articles; collectstatic alongside", flush=True)
        results["build"] = prepare(env, workdir, args)
        urls = results["urls"] = results["build"]["urls"]
        paths = results["paths"] = mix_paths(urls, seed=args.seed)
        script = workdir / "load.lua"
        script.write_text(lua_script(paths, threads=args.threads, headers=HEADERS))
        for page_cache, keys in PLAN:
            name = "cache-on" if page_cache else "cache-off"
            server = Server(name, free_port(), workdir / f"gunicorn-{name}.log")
            servers.append(server)
            print(f"=== gunicorn ({name}) on {server.base}", flush=True)
            server.start(server_env(env, args, server, workdir, page_cache=page_cache))
            if page_cache:
                print("--- filling the page cache: every URL once, untimed", flush=True)
                results["warmup"] = warm(server, paths)
            for key in keys:
                ready(server, cluster, urls)
                results["runs"][key] = _load(key, wrk, server, cluster, script, workdir, args)
                results["runs"][key]["page_cache"] = page_cache
            server.stop()
            results["worker_errors"][name] = errors = server.worker_errors()
            if errors:
                print(f"gunicorn ({name}) logged {errors} tracebacks or worker timeouts")
    finally:
        # A second Ctrl-C must not leave a server, the cluster or the keys behind.
        handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (SIGINT, SIGTERM)}
        try:
            for server in servers:
                server.stop()
            deleted = delete_prefix(args.redis_url, prefix)
            cluster.cleanup()
            shutil.rmtree(workdir, ignore_errors=True)
            print(
                f"Cleaned up: gunicorn stopped, {deleted:,} Redis keys under {prefix}: deleted, "
                f"PostgreSQL stopped and deleted, {workdir} removed."
            )
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)


def _load(key, wrk: str, server: Server, cluster: PostgresCluster, script, workdir, args) -> dict:
    faults = []
    if key.startswith("restart"):
        faults = [
            Fault("stop", args.stop_at, cluster.stop),
            Fault("start", args.start_at, cluster.start),
        ]
    load = os.getloadavg()[0]
    print(f"--- {RUNS[key]}: {args.duration} s, {args.connections} connections", flush=True)
    command = wrk_command(
        wrk, server.base, script, duration=args.duration, connections=args.connections,
        threads=args.threads,
    )  # fmt: skip
    figures, timeline, events, started = run_wrk(
        command, duration=args.duration, output=workdir / f"wrk-{key}.txt", faults=faults
    )
    if faults:
        verdict = restart_verdict(figures, timeline, *events)
        print(timeline_text(timeline, started, events))
    else:
        verdict = steady_verdict(figures, timeline)
    for event in events:
        took = "" if event.ended is None else f" in {event.ended - event.began:.2f} s"
        error = f": {event.error}" if event.error else ""
        print(f"    {event.name} at {event.planned:g} s{took}{error}")
    print(
        f"    {figures['requests']:,} requests, {figures['rps']:,.0f} req/s, "
        f"p50 {figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms, "
        f"socket errors {figures['socket_errors']}: "
        f"{'PASS' if verdict['passed'] else 'FAIL ' + '; '.join(verdict['reasons'])}",
        flush=True,
    )
    return {
        "figures": figures,
        "timeline": [asdict(second) for second in timeline],
        "events": [asdict(event) for event in events],
        "started": started,
        "verdict": verdict,
        "load": load,
    }
