"""Benchmark of "You may also like" measured, explained and diverse (issue 20): what the block
costs under each scoring, and what counting its impressions and clicks costs, exactly.

    .venv/bin/python -m bench.measurement                     # 100,000 articles, both databases
    .venv/bin/python -m bench.measurement --articles 2000 --database sqlite --no-record

For each database it creates a fresh one (SQLite: a file in a temporary directory, the
embedded default; PostgreSQL: newsroom_bench, dropped first if left over) and runs, each in a
process of its own that finds the database through the environment (DEBUG off, steps.py):

1. build: migrate, the corpus of bench/corpus/ ("You may also like" computed), --sample
   articles whose block shows something; then collectstatic (pages need the manifest);
2. measure: the block under score-only, standard and an experiment, the cold article page
   with standard vs score-only (blocks.py), the click redirect and the beacon against a warm
   article page with the test client (counting.py);
3. unless --no-gunicorn: --clients threads each sending --requests clicks and as many beacons
   through gunicorn (--workers, Redis as the cache, as in production), then the bare view as
   many times (concurrency.py); the sums in SlotDay and ExperimentDay are read before and
   after (a step each) and must have grown by exactly what was sent.

It prints a table per database, appends an entry to docs/benchmarks.md under "Measurement and
diversity (issue 20)" (unless --no-record), and drops what it made, however it ends. Exit
status 1 when a step fails, 2 when PostgreSQL or Redis is missing, 3 when another benchmark
holds the lock.
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

from bench.measurement.report import NAMES, print_run, record
from bench.measurement.serving import serve
from bench.measurement.steps import run_step
from bench.shared.gunicorn import delete_prefix, redis_check, site_env
from bench.shared.lock import single_run_lock
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
from bench.shared.steps import collectstatic, run_child

DEFAULT_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
LOCMEM_ENTRIES = 1_000_000  # every card and page of the run kept (bench/pages/run.py says why)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.step:
        return run_step(args)
    lock = single_run_lock()
    if lock is None:
        return 3
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    try:
        if "postgres" in databases:
            postgres_version(args.postgres_url)
        redis = redis_check(args.redis_url) if args.gunicorn else None
    except BenchFailed as error:
        print(error, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    load_before, runs = os.getloadavg()[0], []
    try:
        for database in databases:
            print(f"\n=== {NAMES[database]}: {args.articles:,} articles ===", flush=True)
            run = run_database(database, args)
            runs.append(run)
            print_run(run)
    except BenchFailed as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "\nInterrupted: servers stopped, databases dropped, nothing recorded.", file=sys.stderr
        )
        return 130
    if args.record:
        record(runs, argv=argv, args=args, load=(load_before, os.getloadavg()[0]), redis=redis)
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.measurement",
        description="Time the block under each scoring and the counting of its clicks and "
        "impressions (issue 20).",
    )
    parser.add_argument("--articles", type=int, default=100_000, help="corpus size (100000)")
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="default: both"
    )
    parser.add_argument("--sample", type=int, default=200, help="articles whose block is timed")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over them (5)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (16)")
    parser.add_argument(
        "--requests", type=int, default=100, help="clicks (and as many beacons) per client (100)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--no-gunicorn",
        dest="gunicorn",
        action="store_false",
        help="skip the concurrent run through gunicorn (no Redis needed)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--label", default="", help="added to the entry's heading")
    parser.add_argument("--no-record", dest="record", action="store_false")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds a step may take")
    # Internal: run one Django step in this process (steps.py).
    parser.add_argument("--step", choices=["build", "measure", "sums"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--built", help=argparse.SUPPRESS)
    return parser


def run_database(database: str, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"newsroom-bench-measurement-{database}-"))
    prefix = f"newsroom-bench-{uuid.uuid4().hex[:12]}"
    database_url = postgres_url(args.postgres_url, BENCH_DATABASE)
    env = site_env(workdir, prefix=prefix, database_url=database_url, redis_url=args.redis_url)
    if database == "sqlite":
        env.pop("DATABASE_URL")  # the embedded default: NEWSROOM_VAR_DIR/newsroom.sqlite3
    Path(env["NEWSROOM_VAR_DIR"]).mkdir(parents=True)
    # The steps: the test client's host, the cache the process's own memory (bench/pages/).
    steps_env = {k: v for k, v in env.items() if k not in {"REDIS_URL", "CACHE_KEY_PREFIX"}}
    steps_env.update(ALLOWED_HOSTS="testserver", PAGE_CACHE="false")
    steps_env.update(LOCMEM_CACHE_ENTRIES=str(LOCMEM_ENTRIES))
    run = {"database": database, "articles": args.articles, "load_average": os.getloadavg()[0]}
    started = time.perf_counter()
    try:
        if database == "postgres":
            recreate_postgres_database(args.postgres_url)
        # No statement timeout while loading (as bench/corpus/): ANALYZE, the bulk writes.
        build_env = dict(steps_env, DATABASE_STATEMENT_TIMEOUT_MS="0")
        run["build"] = _step("build", build_env, workdir, args)
        print("--- collectstatic", flush=True)
        collectstatic(steps_env)
        built = workdir / "build.json"
        run["measure"] = _step("measure", steps_env, workdir, args, built=built)
        if args.gunicorn:
            run["serve"] = serve(
                env, workdir, run["measure"]["items"], args,
                sums=lambda: _step("sums", steps_env, workdir, args),
            )  # fmt: skip
        run["seconds"] = time.perf_counter() - started
        return run
    finally:
        # A second Ctrl-C must not leave the database or the keys behind.
        handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (SIGINT, SIGTERM)}
        try:
            if args.gunicorn:
                delete_prefix(args.redis_url, prefix)
            if database == "postgres":
                drop_postgres_database(args.postgres_url)
            shutil.rmtree(workdir, ignore_errors=True)
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)


def _step(step: str, env: dict, workdir: Path, args, **extra) -> dict:
    result_file = workdir / f"{step}.json"
    command = [sys.executable, "-m", "bench.measurement", "--step", step]
    command += ["--result", str(result_file), "--articles", str(args.articles)]
    command += [
        "--sample",
        str(args.sample),
        "--rounds",
        str(args.rounds),
        "--seed",
        str(args.seed),
    ]
    command += [f"--{name}={value}" for name, value in extra.items()]
    print(f"--- {step}", flush=True)
    started = time.perf_counter()
    result = run_child(command, step=step, env=env, result=result_file, timeout=args.timeout)
    print(f"    {step}: {time.perf_counter() - started:.0f} s", flush=True)
    return result
