"""The Tate import benchmark's report: a table of figures against the target, and the entry
appended to docs/benchmarks.md under "Tate import" (bench/import_tate/run.py runs it)."""

import os
import platform
from datetime import date
from importlib import metadata

from bench.shared.entries import DATABASE_NAMES as NAMES
from bench.shared.entries import append_to_section, bullet
from bench.shared.entries import table as markdown_table
from bench.shared.machine import cpu_and_memory

TARGET_S = 10  # issue 7: the 5,000-artwork sample, on each database
RUNS = ("first import", "again, unchanged", "dry run")


def table(results: dict) -> str:
    lines = [["", "target", *(NAMES[db] for db in results)], ["---"] * (2 + len(results))]
    first = next(iter(results.values()))["runs"][0]
    artworks = sum(first["artworks"][k] for k in ("created", "updated", "unchanged", "skipped"))
    for index, label in enumerate(RUNS):
        target = f"< {TARGET_S} s" if index == 0 and artworks <= 5_000 else ""
        cells = []
        for result in results.values():
            run = result["runs"][index]
            records = artworks + sum(run["artists"][k] for k in ("created", "unchanged"))
            mark = " **(missed)**" if target and run["seconds"] >= TARGET_S else ""
            cells.append(
                f"{run['seconds']:.2f} s{mark} ({records / run['seconds']:,.0f} records/s, "
                f"{run['queries']:,} queries)"
            )
        lines.append([label, target, *cells])
    lines.append(
        ["peak memory (RSS)", "", *(f"{r['peak_rss_mib']:.0f} MiB" for r in results.values())]
    )
    return markdown_table(lines)


def entry(args, argv, results: dict, table: str) -> str:
    first = next(iter(results.values()))["runs"][0]
    cpu, memory = cpu_and_memory()
    versions = [f"Python {platform.python_version()}", f"Django {metadata.version('django')}"]
    versions += [f"{NAMES[db]} {r['database_version']}" for db, r in results.items()]
    loads = "; ".join(f"{r['load_average']:.2f} before {NAMES[db]}" for db, r in results.items())
    created = first["artworks"]["created"]
    skipped = ", ".join(f"{reason} {n:,}" for reason, n in first["skipped_by_reason"].items())
    command = " ".join([".venv/bin/python -m bench.import_tate", *argv])
    scale = f", the sample's artworks {args.scale} times" if args.scale > 1 else ""
    items = [
        f"Machine: {len(os.sched_getaffinity(0))} CPUs (`nproc`), {cpu}, {memory:.0f} GiB RAM; "
        f"{', '.join(versions)}. Load average (1 min): {loads}.",
        f"Source: `{args.source}`, batches of {args.batch_size}; the first run creates "
        f"{first['artists']['created']:,} artists and {created:,} artworks and skips "
        f"{skipped or 'nothing'}. Records/s counts artists and artworks.",
    ]
    bullets = "\n".join(bullet(item) for item in items)
    heading = f"### {date.today().isoformat()}: {created:,} artworks{scale}"
    return f"{heading}\n\n`{command}`\n\n{bullets}\n\n{table}\n"


SECTION = """## Tate import

`bench/import_tate/` times `manage.py import_tate`'s service on Tate's sample (5,000 artworks,
1,391 artists) in fresh databases: the first import, the same again (nothing to write) and a dry
run, each with its queries counted; `--scale N` copies the artworks N times under new ids to see
the time grow with the collection. The search index's triggers run on PostgreSQL as in
production.
"""


def record(text: str):
    """Append the entry at the end of this benchmark's section of docs/benchmarks.md."""
    append_to_section(text, section="## Tate import", intro=SECTION)
