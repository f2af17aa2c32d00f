"""Benchmark of "You may also like": the full rebuild, and the update after one publish.

    .venv/bin/python -m bench.recommendations            # 100,000 articles, both databases
    .venv/bin/python -m bench.recommendations --articles 10000 --database sqlite --no-record

For each database it creates a fresh one (SQLite: a file in a temporary directory; PostgreSQL:
newsroom_bench, dropped and created again), then runs three steps, each in a process of its own
that finds the database through the environment as a deployment does (DATABASE_URL,
NEWSROOM_VAR_DIR), with DEBUG off:

1. build: migrate, then bench.corpus.build.build_corpus() (see bench/corpus/ for the corpus);
2. rebuild: recommendations.engine.rebuild() on the empty table, then again over the stored
   suggestions; wall time of each, the peak RSS of this process, which did nothing else, and
   the peak memory of it and the worker processes the rebuild may fork (sampled PSS and RSS);
3. publish: N times (25), publish one new article drawn like the corpus's (bulk writes, no
   signal), then time recommendations.engine.refresh_article() on it alone, counting queries.

It prints a table, appends it to docs/benchmarks.md (unless --no-record) and drops the
databases (unless --keep). It exits with 2 at once when PostgreSQL is unreachable.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.recommendations.report import (
    NAMES,
    entry,
    format_table,
    machine,
    record,
)
from bench.recommendations.steps import run_step
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
from bench.shared.steps import run_child


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.step:
        return run_step(args)
    lock = single_run_lock()
    if lock is None:
        return 3
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    if "postgres" in databases:
        try:
            postgres_version(args.postgres_url)  # reachable, before anything starts
        except BenchFailed as error:
            print(error, file=sys.stderr)
            return 2
    about = machine()
    started = time.time()
    results = {}
    try:
        for database in databases:
            print(f"\n=== {NAMES[database]}: {args.articles:,} articles ===", flush=True)
            results[database] = run_database(database, args)
    except BenchFailed as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted: its databases are dropped, nothing recorded.", file=sys.stderr)
        return 130
    about["changed"] = changed_since(started)
    if about["changed"]:
        print(f"\nThese files changed while it ran: {', '.join(about['changed'])}")
    table = format_table(results)
    print("\n" + table)
    if args.record:
        record(entry(args, argv, about, results, table))
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.recommendations",
        description="Time the recommendations rebuild and one publish's update.",
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--artists", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="default: both"
    )
    parser.add_argument("--publishes", type=int, default=25, help="timed publishes (25)")
    parser.add_argument(
        "--postgres-url",
        default=DEFAULT_POSTGRES,
        help="the PostgreSQL server (its database part is ignored: the benchmark uses "
        f"{BENCH_DATABASE}); default $BENCH_POSTGRES_URL or {DEFAULT_POSTGRES}",
    )
    parser.add_argument("--label", default="", help='added to the entry, e.g. "after caching"')
    parser.add_argument(
        "--no-record", dest="record", action="store_false", help="do not write docs/benchmarks.md"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases (prints how to reach them)"
    )
    parser.add_argument(
        "--profile",
        metavar="DIR",
        help="after the timed runs (so without touching their figures), profile one more "
        "rebuild and 10 more publishes; reports go to DIR/<database>/",
    )
    parser.add_argument(
        "--profiler",
        choices=["cprofile", "pyinstrument"],
        default="cprofile",
        help="for --profile: cProfile (.prof files, default) or pyinstrument (.html; sampling, "
        "so closer to real time; pip install pyinstrument)",
    )
    parser.add_argument(
        "--timeout", type=int, default=3600, help="seconds one step may take (3600)"
    )
    # Internal: run one step in this process, in the database the environment names.
    parser.add_argument("--step", choices=["build", "rebuild", "publish"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser


def run_database(database: str, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"newsroom-bench-{database}-"))
    env = _step_env(workdir)
    if database == "postgres":
        env["DATABASE_URL"] = postgres_url(args.postgres_url, BENCH_DATABASE)
        recreate_postgres_database(args.postgres_url)
    result = {"load_average": os.getloadavg()[0]}
    try:
        for step in ("build", "rebuild", "publish"):
            result[step] = _run_step(step, database, env, workdir, args)
        return result
    finally:
        if args.keep:
            where = env.get("DATABASE_URL") or workdir / "newsroom.sqlite3"
            print(f"Kept {where}; NEWSROOM_VAR_DIR={workdir}")
        else:
            if database == "postgres":
                drop_postgres_database(args.postgres_url)
            shutil.rmtree(workdir, ignore_errors=True)


def _step_env(workdir: Path) -> dict:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="localhost",
        NEWSROOM_VAR_DIR=str(workdir),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    return env


def _run_step(step: str, database: str, env: dict, workdir: Path, args) -> dict:
    result_file = workdir / f"{step}.json"
    command = [
        sys.executable,
        "-m",
        "bench.recommendations",
        "--step",
        step,
        "--result",
        str(result_file),
        "--articles",
        str(args.articles),
        "--artists",
        str(args.artists),
        "--tags",
        str(args.tags),
        "--seed",
        str(args.seed),
        "--publishes",
        str(args.publishes),
    ]
    if args.profile:
        profile_dir = Path(args.profile).resolve() / database
        command += ["--profile", str(profile_dir), "--profiler", args.profiler]
    print(f"--- {step}", flush=True)
    return run_child(
        command, step=step, env=env, result=result_file, timeout=args.timeout, label=NAMES[database]
    )
