"""The Tate import benchmark's step, in a process of its own with the environment of the
database it times (`python -m bench.import_tate --step`). Django and the apps are imported
inside the function, after django.setup()."""

import json
import resource
import sqlite3
import time
from pathlib import Path


def run_step(args) -> int:
    """In the benchmark's own database: migrate, then the three timed runs."""
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from imports.services import tate_collection_import  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)
    counted = [0]

    def count(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    runs = []
    for dry_run in (False, False, True):
        counted[0] = 0
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            summary = tate_collection_import(
                path=args.source, batch_size=args.batch_size, dry_run=dry_run
            )
            seconds = time.perf_counter() - started
        runs.append(
            {
                "seconds": seconds,
                "queries": counted[0],
                "artists": summary.as_dict()["artists"],
                "artworks": summary.as_dict()["artworks"],
                "skipped_by_reason": summary.skipped_by_reason(),
            }
        )
        print(f"{seconds:.2f} s, {counted[0]:,} queries: {summary.artworks}", flush=True)
    version = connection.cursor().connection.server_version if connection.vendor != "sqlite" else 0
    Path(args.result).write_text(
        json.dumps(
            {
                "runs": runs,
                "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "database_version": _version(connection, version),
            }
        )
    )
    return 0


def _version(connection, number: int) -> str:
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    return f"{number // 10000}.{number % 10000}"
