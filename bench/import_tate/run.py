"""Benchmark of `manage.py import_tate`: the Tate sample into fresh databases, timed.

    .venv/bin/python -m bench.import_tate               # the 5,000-artwork sample, both databases
    .venv/bin/python -m bench.import_tate --scale 14    # the sample 14 times (70,000 artworks)
    .venv/bin/python -m bench.import_tate --database sqlite --no-record

For each database it creates a fresh one (SQLite: a file in a temporary directory; PostgreSQL:
newsroom_bench, dropped and created again) and, in a process of its own that finds it through
DATABASE_URL / NEWSROOM_VAR_DIR as a deployment does (DEBUG off), migrates, then times
imports.services.tate_collection_import() three times: the first import (everything created),
the same again (everything unchanged, nothing written) and a dry run. Queries are counted with
connection.execute_wrapper; memory is the process's peak RSS. With --scale N the sample's
artworks are copied N times under new ids first (the same 1,391 artists), to see that the time
grows linearly with the collection. It prints a table, appends it to docs/benchmarks.md (unless
--no-record) and drops the databases.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.import_tate.report import entry, record, table
from bench.import_tate.steps import run_step
from bench.shared.entries import DATABASE_NAMES as NAMES
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

SAMPLE = Path("/work/shared/data/tate")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.step:
        return run_step(args)
    lock = single_run_lock()
    if lock is None:
        return 3
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-tate-"))
    try:
        if "postgres" in databases:
            args.postgres_version = postgres_version(args.postgres_url)
        source = _scaled(args.source, args.scale, workdir / "collection")
        results = {db: _run_database(db, source, workdir, args) for db in databases}
    except BenchFailed as error:
        print(error, file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    figures = table(results)
    print("\n" + figures)
    if args.record:
        record(entry(args, argv, results, figures))
        print(f"\nRecorded in {DOC.relative_to(ROOT)}.")
    return 0


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m bench.import_tate", description="Time the Tate import."
    )
    parser.add_argument("--source", type=Path, default=SAMPLE, help=f"default {SAMPLE}")
    parser.add_argument("--scale", type=int, default=1, help="copies of the artworks (1)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--no-record", dest="record", action="store_false")
    parser.add_argument("--step", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser


def _scaled(source: Path, scale: int, target: Path) -> Path:
    """The source itself, or a copy with its artworks `scale` times under new Tate ids."""
    if scale <= 1:
        return source
    shutil.copytree(source / "artists", target / "artists")
    for path in sorted((source / "artworks").rglob("*.json")):
        data = json.loads(path.read_text())
        for copy in range(scale):
            data_copy = dict(data, id=data["id"] + copy * 1_000_000)
            out = target / "artworks" / f"copy{copy}" / path.relative_to(source / "artworks")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(data_copy))
    return target


def _run_database(database: str, source: Path, workdir: Path, args) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="newsroom.settings", DEBUG="false")
    env.update(SECRET_KEY="bench-only-" + "k" * 50, ALLOWED_HOSTS="localhost")
    env.update(NEWSROOM_VAR_DIR=str(workdir / database), LOG_LEVEL="WARNING")
    env.pop("DATABASE_URL", None)
    if database == "postgres":
        env["DATABASE_URL"] = postgres_url(args.postgres_url, BENCH_DATABASE)
        recreate_postgres_database(args.postgres_url)
    result_file = workdir / f"{database}.json"
    command = [sys.executable, "-m", "bench.import_tate", "--step", "--result"]
    command += [str(result_file), "--source", str(source), "--batch-size", str(args.batch_size)]
    print(f"=== {NAMES[database]}", flush=True)
    load = os.getloadavg()[0]
    try:
        done = subprocess.run(command, env=env, cwd=ROOT, check=False)  # noqa: S603
    finally:
        if database == "postgres":
            drop_postgres_database(args.postgres_url)
    if done.returncode != 0:
        raise BenchFailed(f"{NAMES[database]}: the import step failed (exit {done.returncode}).")
    return {**json.loads(result_file.read_text()), "load_average": load}
