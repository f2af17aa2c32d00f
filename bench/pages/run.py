"""Benchmark of every kind of page, cold and warm, against the targets of issue 17.

    .venv/bin/python -m bench.pages                  # 2,000 and 100,000 articles, both databases
    .venv/bin/python -m bench.pages --articles 2000 --no-record      # the issue's small corpus
    .venv/bin/python -m bench.pages --articles 2000 --database sqlite --pages article home

For each corpus size and database it creates a fresh database (SQLite: a file in a temporary
directory; PostgreSQL: newsroom_bench, dropped first if left over) and runs, each in a process of
its own that finds the database through the environment as a deployment does (DEBUG off):

1. build: migrate, the corpus of bench/corpus/ ("You may also like" computed), a staff user,
   four figures on the articles whose admin page is timed, and the URLs of each kind (sampling.py);
2. collectstatic (templates need the manifest);
3. measure: every kind of page with Django's test client, round-robin over the kinds, cold (the
   page cache off) then warm (on, public pages only); median, p90, queries (timing.py);
4. unless --no-gunicorn: article pages and the bare view through gunicorn and wrk, cold and
   warm (serving.py; needs Redis and wrk).

The corpus is built once per size and database and serves every kind of page. It prints a table
per size and database with the targets as PASS/FAIL, appends an entry to docs/benchmarks.md
(unless --no-record), and drops what it made, however it ends. Exit status 2 when PostgreSQL,
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

from bench.pages.kinds import KINDS, selected
from bench.pages.report import NAMES, entry, machine, print_run, record
from bench.pages.serving import serve
from bench.pages.steps import run_step
from bench.shared.gunicorn import delete_prefix, redis_check, site_env
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
from bench.shared.steps import collectstatic, run_child
from bench.shared.wrk import WrkFailed, ensure_wrk, wrk_version

DEFAULT_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
LOCMEM_ENTRIES = 1_000_000


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    args.pages = [kind.key for kind in selected(args.pages)]
    args.urls = args.urls or args.repeat
    if args.step:
        return run_step(args)
    lock = single_run_lock()
    if lock is None:
        return 3
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    versions = {}
    try:
        if "postgres" in databases:
            postgres_version(args.postgres_url)
        if args.gunicorn:
            versions["Redis"] = redis_check(args.redis_url)
            wrk = ensure_wrk()
            versions["wrk"] = wrk_version(wrk)
    except BenchFailed as error:
        print(error, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    about, started, runs = machine(), time.time(), []
    try:
        for articles in args.articles:
            for database in databases:
                print(f"\n=== {NAMES[database]}: {articles:,} articles ===", flush=True)
                run = run_database(database, articles, args, wrk if args.gunicorn else None)
                runs.append(run)
                print_run(run)
    except (BenchFailed, WrkFailed) as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "\nInterrupted: servers stopped, databases dropped, nothing recorded.", file=sys.stderr
        )
        return 130
    about["changed"] = changed_since(started)
    about["versions_extra"] = versions
    if about["changed"]:
        print(f"\nThese files changed while it ran: {', '.join(about['changed'])}")
    if args.record:
        record(entry(args, argv, about, runs))
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pages",
        description="Time every kind of page, cold and warm, against issue 17's targets.",
    )
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[2_000, 100_000],
        help="corpus sizes (default: 2000 100000); up to 2,000 the issue's corpus "
        "(200 tags, 400 artists, 1 figure per article), above it the default corpus",
    )
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="default: both"
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="KIND",
        help=f"kinds of page to time (default: all): {', '.join(k.key for k in KINDS)}",
    )
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per kind (30)")
    parser.add_argument(
        "--urls", type=int, help="distinct URLs per kind, where the corpus has them (--repeat)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-gunicorn",
        dest="gunicorn",
        action="store_false",
        help="skip article pages and the bare view through gunicorn (no Redis or wrk needed)",
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (5)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="wrk runs of each, bare and articles in turn (3)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--connections", type=int, default=8, help="wrk's connections for req/s (8)"
    )
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--label", default="", help="added to the entry's heading")
    parser.add_argument("--no-record", dest="record", action="store_false")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds a step may take")
    # Internal: run one Django step in this process (steps.py).
    parser.add_argument("--step", choices=["build", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--built", help=argparse.SUPPRESS)
    return parser


def run_database(database: str, articles: int, args, wrk: str | None) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"newsroom-bench-pages-{database}-"))
    prefix = f"newsroom-bench-{uuid.uuid4().hex[:12]}"
    database_url = postgres_url(args.postgres_url, BENCH_DATABASE)
    env = site_env(workdir, prefix=prefix, database_url=database_url, redis_url=args.redis_url)
    if database == "sqlite":
        env.pop("DATABASE_URL")  # the embedded default: NEWSROOM_VAR_DIR/newsroom.sqlite3
    Path(env["NEWSROOM_VAR_DIR"]).mkdir(parents=True)
    # The steps: the test client's host; the cache the process's own memory (no REDIS_URL),
    # large enough to keep every page and version key of the run: at the default 5,000 entries
    # the 100,000-article corpus's pages and their keys overflowed it, and the culled keys made
    # most warm requests misses.
    steps_env = {k: v for k, v in env.items() if k not in {"REDIS_URL", "CACHE_KEY_PREFIX"}}
    steps_env.update(ALLOWED_HOSTS="testserver", PAGE_CACHE="false")
    steps_env.update(LOCMEM_CACHE_ENTRIES=str(LOCMEM_ENTRIES))
    run = {"database": database, "articles": articles, "load_average": os.getloadavg()[0]}
    started = time.perf_counter()
    try:
        if database == "postgres":
            recreate_postgres_database(args.postgres_url)
        # No statement timeout while loading (as bench/corpus/): ANALYZE, the bulk writes.
        build_env = dict(steps_env, DATABASE_STATEMENT_TIMEOUT_MS="0")
        run["build"] = _step("build", build_env, workdir, args, articles)
        print("--- collectstatic", flush=True)
        collectstatic(steps_env)
        built = workdir / "build.json"
        run["measure"] = _step("measure", steps_env, workdir, args, articles, built=built)
        if wrk is not None and run["build"]["urls"].get("article"):
            run["serve"] = serve(env, workdir, run["build"]["urls"]["article"], wrk, args)
        run["seconds"] = time.perf_counter() - started
        return run
    finally:
        # A second Ctrl-C must not leave the database or the keys behind.
        handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (SIGINT, SIGTERM)}
        try:
            if wrk is not None:
                delete_prefix(args.redis_url, prefix)
            if database == "postgres":
                drop_postgres_database(args.postgres_url)
            shutil.rmtree(workdir, ignore_errors=True)
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)


def _step(step: str, env: dict, workdir: Path, args, articles: int, **extra) -> dict:
    result_file = workdir / f"{step}.json"
    command = [sys.executable, "-m", "bench.pages", "--step", step, "--result", str(result_file)]
    command += ["--articles", str(articles), "--seed", str(args.seed), "--repeat", str(args.repeat)]
    command += ["--urls", str(args.urls), "--pages", *args.pages]
    command += [f"--{name}={value}" for name, value in extra.items()]
    print(f"--- {step}", flush=True)
    started = time.perf_counter()
    result = run_child(command, step=step, env=env, result=result_file, timeout=args.timeout)
    print(f"    {step}: {time.perf_counter() - started:.0f} s", flush=True)
    return result
