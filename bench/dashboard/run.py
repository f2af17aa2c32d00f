"""Benchmark of the moderators' dashboard and the moderation queue's counts at a million
SlotDay rows (issue 20: "fine at 1,000,000 SlotDay rows").

    .venv/bin/python -m bench.dashboard                     # both databases, 1,000,000 rows
    .venv/bin/python -m bench.dashboard --database sqlite --slot-days 100000 --no-record

For each database it creates a fresh one (SQLite: a file in a temporary directory; PostgreSQL:
newsroom_bench, dropped and created again) and runs one process that finds it through the
environment as a deployment does (DATABASE_URL, NEWSROOM_VAR_DIR), with DEBUG off: migrate;
2,000 articles with ten related links each; a year of SlotDay rows over those links (a million
by default, ~2,740 a day) and two experiments' days (bench/dashboard/fill.py); then it times,
after a warm-up, the dashboard's figures and its whole page (7, 28 and 90 days), the home
page's panel, and the moderation queue's first page in its default order and sorted by
impressions and by rate (bench/dashboard/measure.py): median and max over --runs, and the
queries each took. It prints a table and appends it to docs/benchmarks.md (unless
--no-record), and drops the databases. The target: every page under a second (the dashboard
is read by a few people, not by readers).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.shared.database import database_version
from bench.shared.lock import single_run_lock
from bench.shared.paths import ROOT
from bench.shared.postgres import (
    BENCH_DATABASE,
    DEFAULT_POSTGRES,
    BenchFailed,
    drop_postgres_database,
    postgres_url,
    postgres_version,
    recreate_postgres_database,
)

NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.child:
        return _child(args)
    lock = single_run_lock()
    if lock is None:
        return 3
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    if "postgres" in databases:
        try:
            postgres_version(args.postgres_url)
        except BenchFailed as error:
            print(error, file=sys.stderr)
            return 2
    load_before = os.getloadavg()[0]
    results = {}
    try:
        for database in databases:
            print(f"=== {NAMES[database]}: {args.slot_days:,} SlotDay rows", flush=True)
            results[database] = _run(database, args)
    except BenchFailed as error:
        print(error, file=sys.stderr)
        return 1
    from bench.dashboard.report import record, table  # noqa: PLC0415 (imports Django's pieces)

    print(table(results))
    if args.record:
        record(results, argv=argv, label=args.label, load=(load_before, os.getloadavg()[0]))
    return 0


def _run(database: str, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"newsroom-bench-dashboard-{database}-"))
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="testserver",
        NEWSROOM_VAR_DIR=str(workdir),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    if database == "postgres":
        env["DATABASE_URL"] = postgres_url(args.postgres_url, BENCH_DATABASE)
        recreate_postgres_database(args.postgres_url)
    result_file = workdir / "result.json"
    command = [
        sys.executable,
        "-m",
        "bench.dashboard",
        "--child",
        str(result_file),
        "--slot-days",
        str(args.slot_days),
        "--articles",
        str(args.articles),
        "--days",
        str(args.days),
        "--runs",
        str(args.runs),
        "--seed",
        str(args.seed),
    ]
    try:
        done = subprocess.run(command, env=env, cwd=ROOT, timeout=args.timeout, check=False)  # noqa: S603
        if done.returncode != 0:
            raise BenchFailed(f"{NAMES[database]}: the run failed (exit {done.returncode}).")
        return json.loads(result_file.read_text())
    except subprocess.TimeoutExpired as error:
        raise BenchFailed(f"{NAMES[database]}: more than {args.timeout} s; stopped.") from error
    finally:
        if database == "postgres":
            drop_postgres_database(args.postgres_url)
        shutil.rmtree(workdir, ignore_errors=True)


def _child(args) -> int:
    import django  # noqa: PLC0415 (the environment is set by the parent)

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from bench.dashboard.fill import fill  # noqa: PLC0415
    from bench.dashboard.measure import measure  # noqa: PLC0415

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    # The pages are served as in production (DEBUG off): hashed static names need the manifest.
    call_command("collectstatic", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    rows = fill(articles=args.articles, slot_days=args.slot_days, days=args.days, seed=args.seed)
    filled = time.perf_counter()
    print(f"set up in {migrated - started:.0f} s, filled in {filled - migrated:.0f} s: {rows}")
    timings = measure(runs=args.runs)
    version = database_version(connection)
    Path(args.child).write_text(
        json.dumps(
            {"rows": rows, "timings": timings, "version": version, "fill_s": filled - migrated}
        )
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.dashboard", description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--slot-days", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each step (5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per database")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--label", default="", help="words added to the entry's heading")
    parser.add_argument(
        "--no-record", dest="record", action="store_false", help="do not write docs/benchmarks.md"
    )
    parser.add_argument("--child", metavar="RESULT", help=argparse.SUPPRESS)
    return parser
